package jp.twozeroseven.infra.platform.service;

import jp.twozeroseven.infra.platform.containers.AppContainer;
import jp.twozeroseven.infra.platform.containers.HealthCheck;
import jp.twozeroseven.infra.platform.containers.ImageRef;
import jp.twozeroseven.infra.platform.containers.LogGroups;
import jp.twozeroseven.infra.platform.containers.NewRelicAccountRegion;
import jp.twozeroseven.infra.platform.containers.SecretRef;
import jp.twozeroseven.infra.platform.containers.ServiceTask;
import jp.twozeroseven.infra.platform.containers.TaskSize;
import jp.twozeroseven.infra.platform.registry.SidecarImages;
import jp.twozeroseven.infra.settings.ServiceKind;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.StackSettings;

import java.util.List;
import java.util.Map;

/**
 * Maps a service's settings and its resolved ARNs to the container generator's input. The ECS task definition
 * and the deploy's {@code taskdef.json} both start here, so they cannot drift apart.
 */
public final class ServiceTasks {

    /** ARNs and names known only once resources exist. */
    public record Resolved(String repositoryUrl, String clusterName, String licenseKeySecretArn,
                           String sentryDsnSecretArn, String databaseSecretArn, LogGroups logGroups) {
    }

    private ServiceTasks() {
    }

    public static ServiceTask of(StackSettings stack, ServiceSettings service, Resolved resolved, ImageRef image) {
        List<SecretRef> secrets = List.of(
                SecretRef.whole("SENTRY_DSN", resolved.sentryDsnSecretArn()),
                SecretRef.jsonKey("DATABASE_HOST", resolved.databaseSecretArn(), "host"),
                SecretRef.jsonKey("DATABASE_NAME", resolved.databaseSecretArn(), "dbname"),
                SecretRef.jsonKey("DATABASE_USERNAME", resolved.databaseSecretArn(), "username"),
                SecretRef.jsonKey("DATABASE_PASSWORD", resolved.databaseSecretArn(), "password"));
        AppContainer app = new AppContainer(image, service.containerPort(),
                HealthCheck.httpGet(service.kind(), service.containerPort(), service.healthCheckPath()),
                service.environment(), secrets, service.readOnlyRootFilesystem(), writablePaths(service.kind()),
                "1000");
        return new ServiceTask(service.name(), stack.stack(), stack.region(), resolved.clusterName(), app,
                TaskSize.withDefaultSidecars(service.cpu(), service.memory()),
                SidecarImages.pinned().newRelicSidecars(stack, SecretRef.whole("NEW_RELIC_LICENSE_KEY",
                        resolved.licenseKeySecretArn()),
                        NewRelicAccountRegion.valueOf(stack.observability().region().name())),
                resolved.logGroups(), Map.of("Project", stack.project(), "Environment", stack.stack(),
                        "Service", service.name()));
    }

    /** Rails writes pids, cache and bootsnap files under tmp; Next.js writes its image cache under .next/cache. */
    static List<String> writablePaths(ServiceKind kind) {
        return switch (kind) {
            case RAILS_API -> List.of("/tmp", "/rails/tmp");
            case NEXTJS_WEB -> List.of("/tmp", "/app/.next/cache");
        };
    }
}
