package jp.twozeroseven.infra.capacity;

import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the report for the committed stacks (into target/capacity-report/STACK) and keeps docs/performance.md
 * honest: the capacity-hours it quotes must be what the report computes today.
 */
class CommittedStacksCapacityTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void savingQuotedInPerformanceDocMatchesTheReport(String stack) throws Exception {
        long started = System.nanoTime();
        StackSettings settings = StackSettingsParser.parse(StackFixture.read(stack));
        Path dir = StackFixture.PROJECT.resolve("target/capacity-report/" + stack);
        CapacityReport.write(settings, dir);
        long millis = (System.nanoTime() - started) / 1_000_000;

        CostEstimate cost = CostEstimate.of(settings, PriceTable.forRegion(settings.region()));
        String line = String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |", stack, cost.staticTaskHours(),
                cost.staticTaskHours() - cost.savedTaskHours(), cost.savedTaskHours());
        double staticUsd = cost.computeStaticUsd();
        double maxUsd = cost.computeScheduledMaxUsd();
        String yenLine = String.format(Locale.ROOT, "| %s | ¥%,d | ¥%,d (%.0f%% less) | ¥%,d | ¥%,d |", stack,
                cost.yen(staticUsd), cost.yen(maxUsd), (staticUsd - maxUsd) / staticUsd * 100,
                cost.yen(cost.computeScheduledMinUsd()), cost.yen(staticUsd - maxUsd));
        System.out.printf("%s%n%s%n(report in %d ms)%n", line, yenLine, millis);

        assertThat(cost.savedTaskHours()).isPositive();
        assertThat(Files.readString(StackFixture.PROJECT.resolve("docs/performance.md"))).contains(line)
                .contains(yenLine);
    }
}
