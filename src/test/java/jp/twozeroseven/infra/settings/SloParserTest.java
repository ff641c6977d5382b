package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code observability.services.<svc>.slos}: the SLO list of a service, read from edited copies of the real stacks. */
class SloParserTest {

    private static final String API_SLOS = "observability.services.api.slos";

    @TempDir
    Path temp;

    @Test
    void theCommittedStacksDeclareTodaysThreeSlosPerService() {
        for (String stack : List.of("prod", "stg")) {
            for (ObservabilityServiceSlo service : StackSettingsParser.parse(StackFixture.read(stack)).observability()
                    .services()) {
                assertThat(service.slos()).extracting(SloSettings::kind)
                        .containsExactly(SloKind.SUCCESS, SloKind.LATENCY, SloKind.AVAILABILITY);
                assertThat(service.slos()).extracting(SloSettings::windowDays).containsOnly(28);
            }
        }
        SloSettings availability = StackSettingsParser.parse(StackFixture.read("prod")).observability().services()
                .get(0).slos().get(2);
        assertThat(availability).isEqualTo(new SloSettings("availability", SloKind.AVAILABILITY, 99.9, 28,
                Optional.empty(), Optional.of("/health"), true));
    }

    @Test
    void aThirdSloOfAKindAlreadyThereAndAOneSloServiceParse() {
        ObservabilitySettings edited = StackSettingsParser.parse(StackFixture.edited("prod", temp, c -> {
            slos(c, "api").addObject().put("name", "latency-slow").put("kind", "latency")
                    .put("objectivePercent", 99.99).put("latencyThresholdMs", 3000).put("windowDays", 7);
            ArrayNode web = slos(c, "web");
            web.removeAll();
            web.addObject().put("name", "success").put("kind", "success").put("objectivePercent", 99.5);
        })).observability();
        assertThat(edited.services().get(0).slos()).hasSize(4).last().isEqualTo(new SloSettings("latency-slow",
                SloKind.LATENCY, 99.99, 7, Optional.of(3000), Optional.empty(), false));
        assertThat(edited.services().get(1).slos()).singleElement().extracting(SloSettings::kind)
                .isEqualTo(SloKind.SUCCESS);
    }

    @Test
    void objectiveMustBeStrictlyBetweenZeroAndHundred() {
        for (double bad : new double[] {0, 100, -1, 120}) {
            assertProblem(c -> item(c, 0).put("objectivePercent", bad), API_SLOS + "[0].objectivePercent",
                    "strictly between 0.0 and 100.0");
        }
        assertProblem(c -> item(c, 0).remove("objectivePercent"), API_SLOS + "[0].objectivePercent", "required");
    }

    @Test
    void unknownKeysAreRefusedWithTheNearestKnownOne() {
        assertProblem(c -> item(c, 0).put("objectivePercnt", 99.9), API_SLOS + "[0].objectivePercnt",
                "did you mean " + "platform-207:" + API_SLOS + "[0].objectivePercent");
    }

    @Test
    void kindIsOneOfSuccessLatencyAvailability() {
        assertProblem(c -> item(c, 0).put("kind", "throughput"), API_SLOS + "[0].kind",
                "expected one of [success, latency, availability]");
    }

    @Test
    void namesAreUniqueWithinAService() {
        assertProblem(c -> item(c, 1).put("name", "success"), API_SLOS + "[1].name", "duplicate SLO name");
    }

    @Test
    void aLatencySloNeedsItsThresholdAndOnlyItHasOne() {
        assertProblem(c -> item(c, 1).remove("latencyThresholdMs"), API_SLOS + "[1].latencyThresholdMs", "required");
        assertProblem(c -> item(c, 1).put("latencyThresholdMs", 0), API_SLOS + "[1].latencyThresholdMs",
                "from 1 to 60000");
        assertProblem(c -> item(c, 0).put("latencyThresholdMs", 500), API_SLOS + "[0].latencyThresholdMs",
                "only a kind latency SLO has latencyThresholdMs; this one is kind success");
    }

    @Test
    void theKeyOfAnotherKindIsReportedOnceNotAlsoAsUnknown() {
        assertThatThrownBy(() -> StackSettingsParser.parse(StackFixture.edited("prod", temp,
                c -> item(c, 0).put("checkPath", "/health"))))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("platform-207:" + API_SLOS + "[0].checkPath");
                    assertThat(p.value()).isEqualTo("/health");
                    assertThat(p.message()).contains("only a kind availability SLO has checkPath");
                }));
    }

    @Test
    void windowIsSevenOrTwentyEightDays() {
        assertProblem(c -> item(c, 0).put("windowDays", 1), API_SLOS + "[0].windowDays", "expected one of [7, 28]");
        assertProblem(c -> item(c, 0).put("windowDays", 30), API_SLOS + "[0].windowDays", "expected one of [7, 28]");
    }

    @Test
    void anAvailabilitySloNeedsACheckPathAndAHostName() {
        assertProblem(c -> item(c, 2).remove("checkPath"), API_SLOS + "[2].checkPath", "required");
        assertProblem(c -> item(c, 2).put("checkPath", "health"), API_SLOS + "[2].checkPath", "such as /health");
        assertProblem(c -> {
            ObjectNode routing = (ObjectNode) StackFixture.at(c, "services").get("api").get("routing");
            routing.remove("hostHeaders");
            routing.putArray("pathPatterns").add("/v1/*");
        }, API_SLOS + "[2].kind", "has no routing.hostHeaders");
    }

    @Test
    void aServiceHasAtMostOneAvailabilitySlo() {
        assertProblem(c -> slos(c, "api").addObject().put("name", "availability-login").put("kind", "availability")
                        .put("objectivePercent", 99).put("checkPath", "/login"),
                API_SLOS + "[3].kind", "at most one availability SLO");
    }

    @Test
    void aServiceNeedsAnApmSloForThePolicysCoverageRule() {
        assertProblem(c -> {
            slos(c, "api").remove(0);
            slos(c, "api").remove(0);
        }, API_SLOS, "at least one SLO of kind success or latency");
    }

    @Test
    void anEmptyOrMissingListSaysWhatToWrite() {
        assertProblem(c -> slos(c, "api").removeAll(), API_SLOS, "at least one SLO");
        assertProblem(c -> api(c).remove("slos"), API_SLOS, "required");
    }

    /** The keys of the fixed two-SLI spec name their replacement instead of "unknown key". */
    @Test
    void theOldFixedKeysPointToTheList() {
        assertProblem(c -> api(c).put("objectivePercent", 99.9), "observability.services.api.objectivePercent",
                "moved into the SLO list");
        assertProblem(c -> api(c).put("latencyThresholdSeconds", 0.5),
                "observability.services.api.latencyThresholdSeconds", "latencyThresholdMs");
    }

    private void assertProblem(Consumer<ObjectNode> edit, String key, String fragment) {
        assertThatThrownBy(() -> StackSettingsParser.parse(StackFixture.edited("prod", temp, edit)))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).problems()).anySatisfy(p -> {
                    assertThat(p.key()).isEqualTo("platform-207:" + key);
                    assertThat(p.message()).contains(fragment);
                }));
    }

    private static ObjectNode api(ObjectNode config) {
        return (ObjectNode) StackFixture.at(config, "observability").get("services").get("api");
    }

    private static ArrayNode slos(ObjectNode config, String service) {
        return (ArrayNode) StackFixture.at(config, "observability").get("services").get(service).get("slos");
    }

    private static ObjectNode item(ObjectNode config, int index) {
        return (ObjectNode) slos(config, "api").get(index);
    }
}
