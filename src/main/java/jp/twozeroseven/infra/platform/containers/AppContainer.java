package jp.twozeroseven.infra.platform.containers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application container of a service task (Rails API or Next.js web).
 *
 * @param image                   pinned image or the CodeDeploy placeholder
 * @param port                    the port the app listens on (and the load balancer targets)
 * @param healthCheck             container health check
 * @param environment             NON-secret variables only; secret-looking names or values are refused
 * @param secrets                 variables injected from Secrets Manager (Sentry DSN, database credentials, ...)
 * @param readonlyRootFilesystem  true when the app writes only to {@code writablePaths}
 * @param writablePaths           directories that get a task-local scratch volume, e.g. /tmp, /rails/tmp
 * @param user                    non-root user (uid or uid:gid) the app runs as; null keeps the image's USER
 */
public record AppContainer(ImageRef image, int port, HealthCheck healthCheck, Map<String, String> environment,
                           List<SecretRef> secrets, boolean readonlyRootFilesystem, List<String> writablePaths,
                           String user) {

    public AppContainer {
        if (image == null) {
            throw new IllegalArgumentException("app image is missing");
        }
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException("app port " + port + " must be 1024..65535 so the app need not run as root");
        }
        if (healthCheck == null) {
            throw new IllegalArgumentException("app health check is missing; the load balancer and ECS both need one");
        }
        environment = new TreeMap<>(environment == null ? Map.of() : environment);
        secrets = List.copyOf(secrets == null ? List.of() : secrets);
        writablePaths = List.copyOf(writablePaths == null ? List.of() : writablePaths);
        for (String path : writablePaths) {
            if (path == null || !path.matches("(/[A-Za-z0-9._-]+)+")) {
                throw new IllegalArgumentException("writable path '" + path + "' must be an absolute directory, e.g. /tmp");
            }
        }
        if (user != null && (user.equals("0") || user.equals("root") || user.startsWith("0:") || user.startsWith("root:"))) {
            throw new IllegalArgumentException("app user '" + user + "' is root; use the image's non-root uid, e.g. 1000");
        }
    }

    public AppContainer withImage(ImageRef newImage) {
        return new AppContainer(newImage, port, healthCheck, environment, secrets, readonlyRootFilesystem, writablePaths, user);
    }
}
