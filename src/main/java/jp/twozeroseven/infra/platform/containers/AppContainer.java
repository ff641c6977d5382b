package jp.twozeroseven.infra.platform.containers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The application container of a service task (Rails API, Next.js web, or a Rails worker).
 *
 * @param image                   pinned image or the CodeDeploy placeholder
 * @param port                    the port the app listens on (and the load balancer targets); empty for a worker,
 *                                which listens on none and so has no port mapping
 * @param healthCheck             container health check; empty for a worker, which answers no probe (its task
 *                                stops when its essential container exits, and ECS replaces it)
 * @param environment             NON-secret variables only; secret-looking names or values are refused
 * @param secrets                 variables injected from Secrets Manager (Sentry DSN, database credentials, ...)
 * @param readonlyRootFilesystem  true when the app writes only to {@code writablePaths}
 * @param writablePaths           directories that get a task-local scratch volume, e.g. /tmp, /rails/tmp
 * @param user                    non-root user (uid or uid:gid) the app runs as; null keeps the image's USER
 * @param command                 the container's command in exec form (a worker's {@code bundle exec sidekiq});
 *                                empty keeps the image's CMD
 */
public record AppContainer(ImageRef image, OptionalInt port, Optional<HealthCheck> healthCheck,
                           Map<String, String> environment, List<SecretRef> secrets, boolean readonlyRootFilesystem,
                           List<String> writablePaths, String user, List<String> command) {

    public AppContainer {
        if (image == null) {
            throw new IllegalArgumentException("app image is missing");
        }
        if (port == null || healthCheck == null) {
            throw new IllegalArgumentException("app port and health check are missing (give OptionalInt.empty() and "
                    + "Optional.empty() for a worker)");
        }
        if (port.isPresent() && (port.getAsInt() < 1024 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("app port " + port.getAsInt()
                    + " must be 1024..65535 so the app need not run as root");
        }
        if (port.isPresent() && healthCheck.isEmpty()) {
            throw new IllegalArgumentException("app health check is missing; the load balancer and ECS both need one");
        }
        environment = new TreeMap<>(environment == null ? Map.of() : environment);
        secrets = List.copyOf(secrets == null ? List.of() : secrets);
        writablePaths = List.copyOf(writablePaths == null ? List.of() : writablePaths);
        command = List.copyOf(command == null ? List.of() : command);
        for (String path : writablePaths) {
            if (path == null || !path.matches("(/[A-Za-z0-9._-]+)+")) {
                throw new IllegalArgumentException("writable path '" + path + "' must be an absolute directory, e.g. /tmp");
            }
        }
        if (user != null && (user.equals("0") || user.equals("root") || user.startsWith("0:") || user.startsWith("root:"))) {
            throw new IllegalArgumentException("app user '" + user + "' is root; use the image's non-root uid, e.g. 1000");
        }
    }

    /** A web app: it listens on {@code port} and answers its health check there; it runs its image's CMD. */
    public AppContainer(ImageRef image, int port, HealthCheck healthCheck, Map<String, String> environment,
                        List<SecretRef> secrets, boolean readonlyRootFilesystem, List<String> writablePaths,
                        String user) {
        this(image, OptionalInt.of(port), Optional.ofNullable(healthCheck), environment, secrets,
                readonlyRootFilesystem, writablePaths, user, List.of());
    }

    public AppContainer withImage(ImageRef newImage) {
        return new AppContainer(newImage, port, healthCheck, environment, secrets, readonlyRootFilesystem,
                writablePaths, user, command);
    }
}
