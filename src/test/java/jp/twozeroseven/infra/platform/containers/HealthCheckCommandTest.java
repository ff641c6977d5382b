package jp.twozeroseven.infra.platform.containers;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container health checks run for real, with the interpreter the image contract names (node for the web,
 * ruby for the API) against a local server: 200 is healthy, 503 and a closed port are not, and no curl is used.
 * ECS runs a CMD health check's arguments directly, exit code 0 healthy (ECS API reference, HealthCheck).
 */
class HealthCheckCommandTest {

    @ParameterizedTest
    @EnumSource(HttpProbe.class)
    void theProbeTellsHealthyFromUnhealthyWithTheAppsOwnRuntime(HttpProbe kind) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/up", exchange -> respond(exchange, 200));
        server.createContext("/down", exchange -> respond(exchange, 503));
        server.start();
        try {
            int port = server.getAddress().getPort();
            List<String> healthy = HealthCheck.httpGet(kind, port, "/up").command();
            assertThat(healthy.get(0)).isEqualTo("CMD");
            assertThat(String.join(" ", healthy)).doesNotContain("curl");
            String runtime = healthy.get(1);
            Assumptions.assumeTrue(onPath(runtime), runtime + " is not installed here");
            assertThat(exitCode(healthy)).isZero();
            assertThat(exitCode(HealthCheck.httpGet(kind, port, "/down").command())).isNotZero();
            server.stop(0);
            assertThat(exitCode(healthy)).isNotZero();
        } finally {
            server.stop(0);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static int exitCode(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command.subList(1, command.size())).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static boolean onPath(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
