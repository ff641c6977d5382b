package jp.twozeroseven.infra.platform.containers;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything needed to generate the containers of one app service's Fargate task.
 *
 * @param serviceName  short service name, also the app container name (e.g. {@code api}, {@code web})
 * @param stack        Pulumi stack (prod, stg)
 * @param region       AWS region of the task (for awslogs)
 * @param clusterName  ECS cluster name, reported to New Relic as a custom attribute
 * @param tags         stack tags, copied to every container as docker labels
 */
public record ServiceTask(String serviceName, String stack, String region, String clusterName, AppContainer app,
                          TaskSize size, NewRelicSidecars newRelic, LogGroups logGroups, Map<String, String> tags) {

    public ServiceTask {
        require(serviceName != null && serviceName.matches("[a-z][a-z0-9-]{0,30}"), "service name '" + serviceName
                + "' must be lower-case letters, digits and '-' (max 31)");
        require(stack != null && stack.matches("[a-z][a-z0-9-]*"), "stack name '" + stack
                + "' must be lower-case, e.g. prod");
        require(region != null && region.matches("[a-z]{2}-[a-z]+-\\d"), "region '" + region
                + "' is not an AWS region, e.g. ap-northeast-1");
        require(clusterName != null && !clusterName.isBlank(), "cluster name is missing for service " + serviceName);
        require(app != null && size != null && newRelic != null && logGroups != null, "service " + serviceName
                + " needs app, size, newRelic and logGroups");
        tags = new TreeMap<>(tags == null ? Map.of() : tags);
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The name the service reports to New Relic APM: {@code <service>-<stack>}. */
    public String newRelicAppName() {
        return serviceName + "-" + stack;
    }

    public ServiceTask withAppImage(ImageRef image) {
        return new ServiceTask(serviceName, stack, region, clusterName, app.withImage(image), size, newRelic, logGroups, tags);
    }
}
