package jp.twozeroseven.infra.platform.service;

import jp.twozeroseven.infra.platform.containers.AppContainer;
import jp.twozeroseven.infra.platform.containers.ImageRef;
import jp.twozeroseven.infra.platform.containers.LogGroups;
import jp.twozeroseven.infra.platform.containers.SecretRef;
import jp.twozeroseven.infra.platform.containers.ServiceTask;
import jp.twozeroseven.infra.platform.containers.TaskSize;
import jp.twozeroseven.infra.platform.registry.SidecarImages;

import java.util.List;
import java.util.Map;

/**
 * Maps a service's props and its resolved ARNs to the container generator's input. The ECS task definition
 * and the deploy's {@code taskdef.json} both start here, so they cannot drift apart.
 */
public final class ServiceTasks {

    /** ARNs and names known only once resources exist. */
    public record Resolved(String repositoryUrl, String clusterName, String licenseKeySecretArn,
                           String sentryDsnSecretArn, String databaseSecretArn, LogGroups logGroups) {
    }

    private ServiceTasks() {
    }

    public static ServiceTask of(AppService.Props props, Resolved resolved, ImageRef image) {
        List<SecretRef> secrets = List.of(
                SecretRef.whole("SENTRY_DSN", resolved.sentryDsnSecretArn()),
                SecretRef.jsonKey("DATABASE_HOST", resolved.databaseSecretArn(), "host"),
                SecretRef.jsonKey("DATABASE_NAME", resolved.databaseSecretArn(), "dbname"),
                SecretRef.jsonKey("DATABASE_USERNAME", resolved.databaseSecretArn(), "username"),
                SecretRef.jsonKey("DATABASE_PASSWORD", resolved.databaseSecretArn(), "password"));
        AppService.Task task = props.task();
        AppService.Stack stack = props.stack();
        AppContainer app = new AppContainer(image, task.containerPort(), task.healthCheck(), task.environment(),
                secrets, task.readOnlyRootFilesystem(), task.writablePaths(), "1000", task.command());
        return new ServiceTask(props.name(), stack.stack(), stack.region(), resolved.clusterName(), app,
                TaskSize.withDefaultSidecars(task.cpu(), task.memory()),
                SidecarImages.pinned().newRelicSidecars(stack.region(), stack.accountId(), stack.namePrefix(),
                        SecretRef.whole("NEW_RELIC_LICENSE_KEY", resolved.licenseKeySecretArn()),
                        stack.newRelicRegion()),
                resolved.logGroups(), Map.of("Project", stack.project(), "Environment", stack.stack(),
                        "Service", props.name()));
    }
}
