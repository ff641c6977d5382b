package jp.twozeroseven.infra.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SloSpecTest {

    @Test
    void defaultsToTwentyEightDaysAndComputesTheBudget() {
        var spec = SloSpec.of("delivery-api", "delivery-api-prod", 99.9, 0.5);

        assertThat(spec.periodDays()).isEqualTo(28);
        assertThat(spec.periodHours()).isEqualTo(672.0);
        assertThat(spec.errorBudgetPercent()).isCloseTo(0.1, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 100.0, -1.0, 100.5, Double.NaN})
    void rejectsObjectivesOutsideTheOpenInterval(double objective) {
        assertThatThrownBy(() -> SloSpec.of("delivery-api", "app", objective, 0.5))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'delivery-api'")
            .hasMessageContaining("objectivePercent")
            .hasMessageContaining("strictly between 0 and 100");
    }

    @Test
    void rejectsNonPositiveLatency() {
        assertThatThrownBy(() -> SloSpec.of("delivery-api", "app", 99.9, 0))
            .hasMessageContaining("latencyThresholdSeconds").hasMessageContaining("0.0");
    }

    @Test
    void rejectsPeriodsNewRelicCannotRoll() {
        assertThatThrownBy(() -> new SloSpec("delivery-api", "app", 99.9, 0.5, 30))
            .hasMessageContaining("periodDays").hasMessageContaining("30").hasMessageContaining("1, 7 or 28");
    }

    @Test
    void rejectsBlankNames() {
        assertThatThrownBy(() -> SloSpec.of(" ", "app", 99.9, 0.5)).hasMessageContaining("'service' is blank");
        assertThatThrownBy(() -> SloSpec.of("svc", "", 99.9, 0.5)).hasMessageContaining("'apmAppName' is blank");
    }
}
