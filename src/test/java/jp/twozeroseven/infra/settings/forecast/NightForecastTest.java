package jp.twozeroseven.infra.settings.forecast;

import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NightForecastTest {

    private static TablePlan task(String name, long seconds) {
        return new TablePlan(name, true, 0, seconds, 0, seconds, 0, "", 1, 21);
    }

    @Test
    void longestFirstOnTheSlotThatFreesFirst() {
        // LPT on 2 slots: 7 and 5 start; 4 takes the slot free at 5 (to 9), 3 the one free at 7 (to 10), the last
        // 3 the one free at 9 (to 12).
        List<TablePlan> plans = List.of(task("c", 4), task("a", 7), task("e", 3), task("b", 5), task("d", 3));
        List<NightForecast.Slot> slots = NightForecast.schedule(plans, 2, true);
        long offset = NightForecast.EXECUTION_OVERHEAD_SECONDS / 2;
        assertThat(slots).extracting(NightForecast.Slot::table).containsExactly("a", "b", "c", "d", "e");
        assertThat(slots).extracting(s -> s.endSecond() - offset).containsExactly(7L, 5L, 9L, 10L, 12L);
    }

    @Test
    void aLimitAtTheStartTimeIsADayAway() {
        assertThat(NightForecast.secondsUntil(LocalTime.of(1, 30), LocalTime.of(6, 0))).isEqualTo(4 * 3600 + 1800);
        assertThat(NightForecast.secondsUntil(LocalTime.of(23, 0), LocalTime.of(3, 30))).isEqualTo(4 * 3600 + 1800);
        assertThat(NightForecast.secondsUntil(LocalTime.of(1, 30), LocalTime.of(1, 30))).isEqualTo(86_400);
    }

    @Test
    void prodsBigTablesAreSplitIntoWindowsThatFitTheNightAndDisk() {
        StackSettings prod = StackSettingsParser.parse(StackFixture.read("prod"));
        NightForecast f = NightForecast.of(prod.dataPipeline(), prod.observability().heartbeat().deadline(),
                prod.database().maintenanceWindow());
        // Aurora's sun 18:30 UTC is Monday 03:30 in Tokyo: the first limit after a 01:30 start.
        assertThat(f.firstLimit().name()).contains("maintenance");
        assertThat(f.firstLimit().at()).isEqualTo(LocalTime.of(3, 30));
        assertThat(f.firstNightSeconds()).isLessThanOrEqualTo(f.budgetSeconds());
        TablePlan stops = f.table("stops").orElseThrow();
        // 900 M rows over 1,100 days do not fit one task: windows of whole days, every window inside the budget.
        assertThat(stops.catchUpUnit()).isEqualTo("days");
        assertThat(stops.catchUpWindow()).isPositive();
        assertThat(stops.firstNightSeconds()).isLessThan((long) (NightForecast.TASK_BUDGET_SHARE * f.budgetSeconds()));
        assertThat(f.table("delivery_events").orElseThrow().catchUpUnit()).isEqualTo("ids");
        assertThat(f.table("vehicles").orElseThrow().catchUpWindow()).isZero();
        assertThat(f.tables()).allSatisfy(t -> assertThat(t.ephemeralStorageGiB()).isBetween(21, 200));
    }

    @Test
    void aFullTableTooBigForOneTaskIsAProblemNamingTheTable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        java.nio.file.Path catalog = temp.resolve("big.yaml");
        java.nio.file.Files.writeString(catalog, """
                version: 1
                tables:
                  - name: ledger
                    source: {schema: public, table: ledger}
                    run_group: nightly
                    size: {rows: 900000000, row_bytes: 240}
                    columns:
                      - {name: id, type: bigint, class: internal}
                """);
        RawConfig raw = StackFixture.edited("prod", temp, c -> {
            var pipeline = StackFixture.at(c, "dataPipeline");
            pipeline.put("catalog", catalog.toString());
            ((com.fasterxml.jackson.databind.node.ObjectNode) pipeline.get("access")).putArray("rawZoneTables");
            ((com.fasterxml.jackson.databind.node.ObjectNode) pipeline.get("access")).putArray("rawZoneReaders");
            ((com.fasterxml.jackson.databind.node.ObjectNode) pipeline.get("access").get("audiences")
                    .get("delivery-investigations")).putArray("zones").add("masked");
        });
        var e = org.junit.jupiter.api.Assertions.assertThrows(jp.twozeroseven.infra.settings.SettingsException.class,
                () -> StackSettingsParser.parse(raw));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("platform-207:dataPipeline.catalog");
            assertThat(p.value()).isEqualTo("ledger");
            assertThat(p.message()).contains("900,000,000 rows a night").contains("incremental_column");
        });
    }
}
