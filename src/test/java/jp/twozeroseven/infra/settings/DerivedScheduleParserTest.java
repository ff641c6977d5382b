package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static jp.twozeroseven.infra.settings.StackFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class DerivedScheduleParserTest {

    @TempDir
    Path temp;

    @Test
    void prodApiWindowsAreDerivedFromTheirLoad() {
        ScalingSettings api = service(StackSettingsParser.parse(StackFixture.read("prod")), "api").scaling();
        assertThat(api.windows()).extracting(CapacityWindow::name, CapacityWindow::min, CapacityWindow::max)
                .containsExactly(tuple("early-morning-write-peak", 9, 14), tuple("daytime-read", 4, 6),
                        tuple("evening", 2, 3), tuple("night-floor", 2, 3));
        assertThat(api.windows()).allMatch(CapacityWindow::isDerived);
        assertThat(api.windows().get(0).expectedPeakRps()).hasValue(200);
        assertThat(api.capacity()).hasValue(new CapacityModel(40, 0.6, 0.5, 2));
        assertThat(api.requestsPerTarget()).isEqualTo(1440);
    }

    @Test
    void handTypedWindowsStillWork() {
        ScalingSettings web = service(StackSettingsParser.parse(StackFixture.read("prod")), "web").scaling();
        assertThat(web.windows()).noneMatch(CapacityWindow::isDerived);
        assertThat(web.capacity()).isEmpty();
        assertThat(web.requestsPerTarget()).isEqualTo(800);
        assertThat(web.peakMax()).isEqualTo(6);
    }

    @Test
    void anExplicitRequestsPerTargetWinsOverTheDerivedOne() {
        RawConfig raw = StackFixture.edited("prod", temp, c -> scaling(c, "api").put("requestsPerTarget", 900));
        assertThat(service(StackSettingsParser.parse(raw), "api").scaling().requestsPerTarget()).isEqualTo(900);
    }

    @Test
    void aServiceMayMixDerivedAndHandTypedWindows() {
        RawConfig raw = StackFixture.edited("prod", temp, c -> window(c, "api", 3).remove("peakRps"));
        assertThatThrownBy(() -> StackSettingsParser.parse(raw)).hasMessageContaining("windows[3].min");
        RawConfig mixed = StackFixture.edited("prod", temp, c -> {
            window(c, "api", 3).remove("peakRps");
            window(c, "api", 3).put("min", 2).put("max", 2);
        });
        ScalingSettings api = service(StackSettingsParser.parse(mixed), "api").scaling();
        assertThat(api.windowAt(23).isDerived()).isFalse();
        assertThat(api.windowAt(23).max()).isEqualTo(2);
        assertThat(api.windowAt(6).isDerived()).isTrue();
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("both forms in one window", c -> window(c, "api", 0).put("min", 3).put("max", 5),
                        "windows[0].peakRps", "both forms given"),
                bad("capacity of zero", c -> capacity(c).put("perTaskRps", 0),
                        "capacity.perTaskRps", "must be above 0; measure it with the load-test kit"),
                bad("negative capacity", c -> capacity(c).put("perTaskRps", -5),
                        "capacity.perTaskRps", "must be above 0"),
                bad("utilisation above 1", c -> capacity(c).put("targetUtilisation", 1.5),
                        "capacity.targetUtilisation", "above 0 and at most 1"),
                bad("utilisation of 0", c -> capacity(c).put("targetUtilisation", 0),
                        "capacity.targetUtilisation", "above 0 and at most 1"),
                bad("utilisation given as a percentage", c -> capacity(c).put("targetUtilisation", 60),
                        "capacity.targetUtilisation", "e.g. 0.6"),
                bad("negative headroom", c -> capacity(c).put("headroom", -0.1),
                        "capacity.headroom", "expected 0 to 3"),
                bad("missing utilisation", c -> capacity(c).remove("targetUtilisation"),
                        "capacity.targetUtilisation", "required; the share of perTaskRps"),
                bad("capacity as text", c -> capacity(c).put("perTaskRps", "forty"),
                        "capacity.perTaskRps", "expected a number"),
                bad("typo in capacity", c -> capacity(c).set("headrom", capacity(c).remove("headroom")),
                        "capacity.headrom", "did you mean"),
                bad("peakRps without capacity", c -> scaling(c, "api").remove("capacity"),
                        "windows[0].peakRps", "needs scaling.capacity"),
                bad("negative peak load", c -> window(c, "api", 1).put("peakRps", -1),
                        "windows[1].peakRps", "out of range"),
                bad("capacity that no window uses", c -> {
                    ArrayNode windows = (ArrayNode) scaling(c, "api").get("windows");
                    int[][] counts = {{9, 14}, {4, 6}, {2, 3}, {2, 3}};
                    for (int i = 0; i < windows.size(); i++) {
                        ((ObjectNode) windows.get(i)).remove("peakRps");
                        ((ObjectNode) windows.get(i)).put("min", counts[i][0]).put("max", counts[i][1]);
                    }
                }, "scaling.capacity", "capacity model is unused"),
                bad("a window with neither form", c -> window(c, "api", 2).remove("peakRps"),
                        "windows[2].min", "or peakRps (requests per second)"),
                bad("load beyond the task limit", c -> window(c, "api", 0).put("peakRps", 20_000),
                        "windows[0].peakRps", "above the 200-task limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void explainsInconsistentCapacityInputs(String label, Consumer<ObjectNode> edit, String key, String message) {
        RawConfig raw = StackFixture.edited("prod", temp, edit);
        assertThatThrownBy(() -> StackSettingsParser.parse(raw))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.key()).contains("services.api.scaling").contains(key);
                            assertThat(p.message()).contains(message);
                        }));
    }

    @Test
    void aBadCapacityIsReportedOnceNotOncePerWindow() {
        RawConfig raw = StackFixture.edited("prod", temp, c -> capacity(c).put("perTaskRps", 0));
        assertThatThrownBy(() -> StackSettingsParser.parse(raw))
                .satisfies(e -> assertThat(((SettingsException) e).problems()).hasSize(1));
    }

    private static ServiceSettings service(StackSettings settings, String name) {
        return settings.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static ObjectNode scaling(ObjectNode config, String service) {
        return (ObjectNode) at(config, "services").get(service).get("scaling");
    }

    private static ObjectNode capacity(ObjectNode config) {
        return (ObjectNode) scaling(config, "api").get("capacity");
    }

    private static ObjectNode window(ObjectNode config, String service, int index) {
        return (ObjectNode) scaling(config, service).get("windows").get(index);
    }

    private static Arguments bad(String label, Consumer<ObjectNode> edit, String key, String message) {
        return Arguments.of(label, edit, key, message);
    }
}
