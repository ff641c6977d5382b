package jp.twozeroseven.infra.loadtest;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One step of load as an open model: new virtual users arrive at a fixed rate whatever the latency, as phones do,
 * so a saturated task shows as growing latency instead of as a politely slower client.
 */
public class CapacitySimulation extends Simulation {

    public CapacitySimulation() {
        LoadStep step = ActiveStep.step();
        HttpProtocolBuilder protocol = http.baseUrl(step.baseUrl())
                .acceptHeader("application/json, text/html;q=0.9")
                .userAgentHeader("207-capacity-loadtest");
        if (!step.bearerToken().isEmpty()) {
            protocol = protocol.authorizationHeader("Bearer " + step.bearerToken());
        }
        Iterator<Map<String, Object>> values =
                Stream.generate(() -> TrafficMix.randomValues(ThreadLocalRandom.current())).iterator();
        List<Choice.WithWeight> choices = step.mix().requests().stream()
                .map(r -> percent(r.weightPercent()).then(exec(request(r))))
                .toList();
        ScenarioBuilder scenario = scenario(step.mix().key())
                .feed(values)
                .exec(session -> session.set("startNanos", System.nanoTime()))
                .exec(randomSwitch().on(choices))
                .exec(CapacitySimulation::record);
        setUp(scenario.injectOpen(injection(step))).protocols(protocol);
    }

    @Override
    public void before() {
        ActiveStep.startRecording();
    }

    private static HttpRequestActionBuilder request(TrafficMix.Request r) {
        var base = http(r.name());
        var request = r.method().equals("POST")
                ? base.post(r.path()).body(StringBody(r.body().orElse("{}"))).asJson()
                : base.get(r.path());
        // Saving the status instead of asserting it keeps 5xx responses in the sample; the recorder judges them.
        return request.check(status().saveAs("status"), responseTimeInMillis().saveAs("latencyMillis"));
    }

    private static Session record(Session session) {
        long start = session.getLong("startNanos");
        boolean answered = session.contains("status") && session.contains("latencyMillis");
        long latency = answered ? ((Number) session.get("latencyMillis")).longValue() : -1;
        int status = answered ? ((Number) session.get("status")).intValue() : 0;
        ActiveStep.recorder().record(start, latency, status);
        return session;
    }

    private static OpenInjectionStep[] injection(LoadStep step) {
        OpenInjectionStep hold = constantUsersPerSec(step.rps()).during(step.holdSeconds());
        if (step.rampSeconds() == 0) {
            return new OpenInjectionStep[]{hold};
        }
        return new OpenInjectionStep[]{
                rampUsersPerSec(step.rampFromRps()).to(step.rps()).during(step.rampSeconds()), hold};
    }
}
