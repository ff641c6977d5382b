package jp.twozeroseven.infra.platform.deploy;

import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;

/**
 * What {@link BlueGreenDeployments} builds: the CodeDeploy application and the names of its deployment groups.
 *
 * @param scope    provider, naming and tags of the application
 * @param services the services deployed blue/green, those behind the load balancer (a worker rolls), in the stack
 *                 file's order (stack config {@code services.*} with a {@code loadBalancer} entry); may be empty
 */
public record BlueGreenDeploymentsProps(Scope scope, List<String> services) {

    public BlueGreenDeploymentsProps {
        Required.components(BlueGreenDeploymentsProps.class, scope, services);
        services = List.copyOf(services);
    }
}
