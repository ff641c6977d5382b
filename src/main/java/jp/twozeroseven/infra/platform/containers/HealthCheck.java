package jp.twozeroseven.infra.platform.containers;

import java.util.List;

/** A container health check as ECS runs it inside the container. Times are seconds. */
public record HealthCheck(List<String> command, int intervalSeconds, int timeoutSeconds, int retries, int startPeriodSeconds) {

    public HealthCheck {
        command = List.copyOf(command == null ? List.of() : command);
        if (command.size() < 2 || !(command.get(0).equals("CMD") || command.get(0).equals("CMD-SHELL"))) {
            throw new IllegalArgumentException("health check command " + command
                    + " must start with CMD or CMD-SHELL followed by the command");
        }
        if (intervalSeconds < 5 || intervalSeconds > 300) {
            throw new IllegalArgumentException("health check interval " + intervalSeconds + "s must be 5..300");
        }
        if (timeoutSeconds < 2 || timeoutSeconds > 60 || timeoutSeconds >= intervalSeconds) {
            throw new IllegalArgumentException("health check timeout " + timeoutSeconds
                    + "s must be 2..60 and shorter than the interval " + intervalSeconds + "s");
        }
        if (retries < 1 || retries > 10) {
            throw new IllegalArgumentException("health check retries " + retries + " must be 1..10");
        }
        if (startPeriodSeconds < 0 || startPeriodSeconds > 300) {
            throw new IllegalArgumentException("health check start period " + startPeriodSeconds + "s must be 0..300");
        }
    }

    /**
     * An HTTP probe of the app's own port, run by the app's own runtime rather than curl, which slim Ruby and Node
     * images do not contain ({@link HttpProbe}): the image contract is only what the app needs anyway. A 2xx is
     * healthy; anything else, a refused connection or ECS's timeout is not (ECS API reference, HealthCheck).
     */
    public static HealthCheck httpGet(HttpProbe probe, int port, String path) {
        if (path == null || !path.startsWith("/") || path.contains("'") || path.contains("\"") || path.contains(" ")) {
            throw new IllegalArgumentException("health check path '" + path + "' must start with / and contain no spaces or quotes");
        }
        String url = "http://localhost:" + port + path;
        return new HealthCheck(probe.command(url), 30, 5, 3, 60);
    }
}
