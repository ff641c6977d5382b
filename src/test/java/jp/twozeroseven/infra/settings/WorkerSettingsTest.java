package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code services.<name>.kind: rails-worker} (docs/workers.md): a worker sits behind no load balancer, so the
 * load-balancer keys, the request-count scaling target and an availability SLO are each refused with one message
 * naming the key, its value and the fix; a web service still needs its routing and may not give a command.
 */
class WorkerSettingsTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String JOBS = "services.jobs";

    @TempDir
    Path temp;

    @Test
    void aWorkerParsesWithACommandAndNoLoadBalancer() {
        StackSettings settings = StackSettingsParser.parse(StackFixture.edited("prod", temp, WorkerSettingsTest::addWorker));
        ServiceSettings jobs = settings.services().stream().filter(s -> s.name().equals("jobs")).findFirst()
                .orElseThrow();
        assertThat(jobs.kind()).isEqualTo(ServiceKind.RAILS_WORKER);
        assertThat(jobs.loadBalanced()).isEmpty();
        assertThat(jobs.hostHeaders()).isEmpty();
        assertThat(jobs.command()).containsExactly("bundle", "exec", "sidekiq");
        assertThat(settings.services().stream().filter(s -> s.name().equals("api")).findFirst().orElseThrow()
                .loadBalanced()).isPresent();
    }

    @Test
    void aWorkerWithRoutingIsRefused() {
        assertOnlyProblem(c -> worker(c).set("routing", F.objectNode().put("priority", 40)
                .set("hostHeaders", F.arrayNode().add("jobs.207-delivery.jp"))), JOBS + ".routing",
                "an ALB listener rule", "sits behind no load balancer, so it has no routing; remove it");
    }

    @Test
    void aWorkerWithAContainerPortOrHealthCheckPathIsRefused() {
        assertOnlyProblem(c -> worker(c).put("containerPort", 3000), JOBS + ".containerPort", "3000",
                "has no containerPort");
        assertOnlyProblem(c -> worker(c).put("healthCheckPath", "/health"), JOBS + ".healthCheckPath", "/health",
                "has no healthCheckPath");
    }

    @Test
    void aWorkerNeedsACommandInExecForm() {
        assertProblem(c -> worker(c).remove("command"), JOBS + ".command", "required");
        assertOnlyProblem(c -> worker(c).set("command", F.arrayNode().add("bundle exec sidekiq")),
                JOBS + ".command[0]", "bundle exec sidekiq", "without a shell");
        assertOnlyProblem(c -> worker(c).set("command", F.arrayNode()), JOBS + ".command", "[]",
                "a worker needs its command");
    }

    @Test
    void aWebServiceNeedsRoutingAndGivesNoCommand() {
        assertProblem(c -> web(c).remove("routing"), "services.web.routing", "required");
        assertOnlyProblem(c -> web(c).set("command", F.arrayNode().add("node").add("server.js")),
                "services.web.command", "node server.js", "only a rails-worker gives a command");
    }

    @Test
    void aWorkerScalesOnCpuOnly() {
        assertOnlyProblem(c -> ((ObjectNode) worker(c).get("scaling")).put("requestsPerTarget", 500),
                JOBS + ".scaling.requestsPerTarget", "500", "scales on CPU only");
        assertProblem(c -> ((ObjectNode) worker(c).get("scaling")).set("capacity", F.objectNode()
                        .put("perTaskRps", 10).put("targetUtilisation", 0.6).put("headroom", 0.5)),
                JOBS + ".scaling.capacity", "remove capacity");
    }

    @Test
    void aWorkerHasNoAvailabilitySlo() {
        assertOnlyProblem(c -> ((ArrayNode) jobsSlos(c).get("slos")).addObject().put("name", "availability")
                        .put("kind", "availability").put("objectivePercent", 99.9).put("checkPath", "/health"),
                "observability.services.jobs.slos[1].kind", "availability", "has no public URL");
    }

    /** {@code jobs}: the Rails image as Sidekiq, with its SLOs and its release repository. */
    @Test
    void theReferencePageListsExactlyTheKindsTheParserAccepts() {
        ConfigKey kind = StackConfigKeys.ALL.stream().filter(k -> k.path().equals("services.<name>.kind"))
                .findFirst().orElseThrow();
        assertThat(List.of(kind.type().split(",\\s*"))).containsExactlyInAnyOrderElementsOf(ServiceParser.KINDS.keySet());
    }

    @Test
    void aMisspeltKindIsOneMessageAndTheShapeComesFromTheFile() {
        // A misspelt worker (a command, no routing) is not also told it lacks a web service's keys, on any run.
        assertOnlyProblem(c -> worker(c).put("kind", "rails-wroker"), JOBS + ".kind", "rails-wroker",
                "expected one of [rails-api, nextjs-web, rails-worker]");
    }

    @Test
    void aWorkersPortIsRefusedOnceWhateverItsValue() {
        assertOnlyProblem(c -> worker(c).put("containerPort", 70000), JOBS + ".containerPort", "70000",
                "sits behind no load balancer");
    }

    static void addWorker(ObjectNode config) {
        ObjectNode jobs = ((ObjectNode) StackFixture.at(config, "services")).putObject("jobs");
        jobs.put("kind", "rails-worker").put("cpu", 512).put("memory", 1024);
        jobs.set("command", F.arrayNode().add("bundle").add("exec").add("sidekiq"));
        ObjectNode scaling = jobs.putObject("scaling");
        scaling.put("cpuTargetPercent", 70);
        ArrayNode windows = scaling.putArray("windows");
        windows.addObject().put("name", "day").put("start", "05:00").put("end", "22:00").put("min", 1).put("max", 4);
        windows.addObject().put("name", "night").put("start", "22:00").put("end", "05:00").put("min", 1).put("max", 1);
        ObjectNode slos = ((ObjectNode) StackFixture.at(config, "observability").get("services")).putObject("jobs");
        slos.putArray("slos").addObject().put("name", "success").put("kind", "success").put("objectivePercent", 99.5);
        slos.set("goldenSignals", F.objectNode().put("errorRatePercent", 5).put("p95LatencySeconds", 30)
                .put("minThroughputPerMinute", 0.1).put("signalLossMinutes", 30));
        ((ObjectNode) StackFixture.at(config, "deploy").get("githubRepositories")).put("jobs",
                "two-zero-seven/delivery-api");
    }

    private static ObjectNode worker(ObjectNode config) {
        return (ObjectNode) StackFixture.at(config, "services").get("jobs");
    }

    private static ObjectNode web(ObjectNode config) {
        return (ObjectNode) StackFixture.at(config, "services").get("web");
    }

    private static ObjectNode jobsSlos(ObjectNode config) {
        return (ObjectNode) StackFixture.at(config, "observability").get("services").get("jobs");
    }

    private List<Problem> problems(Consumer<ObjectNode> edit) {
        try {
            StackSettingsParser.parse(StackFixture.edited("prod", temp, c -> {
                addWorker(c);
                edit.accept(c);
            }));
        } catch (SettingsException e) {
            return e.problems();
        }
        throw new AssertionError("the edited stack parsed");
    }

    private void assertProblem(Consumer<ObjectNode> edit, String key, String fragment) {
        assertThat(problems(edit)).anySatisfy(p -> {
            assertThat(p.key()).isEqualTo("platform-207:" + key);
            assertThat(p.message()).contains(fragment);
        });
    }

    /** One mistake, one message: the key, the value as written, and the fix. */
    private void assertOnlyProblem(Consumer<ObjectNode> edit, String key, String value, String fragment) {
        assertThat(problems(edit)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("platform-207:" + key);
            assertThat(p.value()).isEqualTo(value);
            assertThat(p.message()).contains(fragment);
        });
    }
}
