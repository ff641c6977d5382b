package jp.twozeroseven.infra.platform.deploy;

import com.pulumi.aws.codedeploy.Application;
import com.pulumi.aws.codedeploy.ApplicationArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Blue/green through CodeDeploy: the one ECS application every service deploys through. Each service's deployment
 * group (with its role and rollback alarms) lives in its AppService ({@link ServiceBlueGreen}); this component
 * names them, so IAM policies and deploy markers can use the names before the groups exist.
 */
public final class BlueGreenDeployments extends ComponentResource {

    public static final String TYPE = "platform207:deploy:BlueGreenDeployments";
    /**
     * AWS's managed policy for CodeDeploy on ECS, no longer used: it allows ecs:CreateTaskSet on every service and
     * iam:PassRole on every role passed to ECS tasks, so a deployment could run another task definition (the
     * ETL's) with its secrets. Each service's CodeDeploy role has {@link CodeDeployPolicies#forService} instead.
     */
    public static final String CODEDEPLOY_ECS_POLICY = "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS";
    public static final List<String> ROLLBACK_EVENTS = List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM");

    private final Application application;
    private final String applicationName;
    private final Map<String, String> groupNames = new LinkedHashMap<>();

    /**
     * @param name    the component's name ({@code blue-green} under the platform; part of the application's URN)
     * @param props   what to build
     * @param options the component's own options: its parent (the platform)
     */
    public BlueGreenDeployments(String name, BlueGreenDeploymentsProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        applicationName = scope.name("services");
        application = new Application(applicationName, ApplicationArgs.builder()
                .name(applicationName)
                .computePlatform("ECS")
                .tags(scope.tags(applicationName))
                .build(), scope.options());
        props.services().forEach(service -> groupNames.put(service, scope.name(service)));
        this.registerOutputs(Map.of("application", application.name()));
    }

    public Application application() {
        return application;
    }

    /** The application's name, known before it exists (IAM policies need it). */
    public String applicationName() {
        return applicationName;
    }

    /** The deployment group name of one service. */
    public String groupName(String service) {
        String group = groupNames.get(service);
        if (group == null) {
            throw new IllegalArgumentException("service " + service + " is not deployed blue/green");
        }
        return group;
    }
}
