package jp.twozeroseven.infra.settings;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The listed Aurora minors and what happens when one's end of standard support has come. */
class AuroraEngineVersionsTest {

    private static AuroraEngineVersions.Version version(String name, String end) {
        return new AuroraEngineVersions.Version(name, Optional.empty(), Optional.ofNullable(end),
                end == null ? Optional.of("unknown") : Optional.empty());
    }

    private static final List<AuroraEngineVersions.Version> LISTED = List.of(version("16.4", "2026-05-31"),
            version("16.9", "2027-03-31"), version("16.10", null));

    @Test
    void aVersionPastItsEndOfStandardSupportIsOneMessageWithTheDateAndTheSupportedOnes() {
        Optional<String> problem = AuroraEngineVersions.endOfSupportProblem(LISTED, "16.4", LocalDate.of(2026, 6, 1));
        assertThat(problem).hasValueSatisfying(m -> assertThat(m)
                .contains("standard support for 16.4 ended on 2026-05-31")
                .contains("a listed version still supported [16.10, 16.9]")
                .contains("ignores engineVersion"));
        // The date itself is the first day without standard support.
        assertThat(AuroraEngineVersions.endOfSupportProblem(LISTED, "16.4", LocalDate.of(2026, 5, 31))).isPresent();
    }

    @Test
    void beforeTheDateOrWithoutOneNothingIsSaid() {
        assertThat(AuroraEngineVersions.endOfSupportProblem(LISTED, "16.4", LocalDate.of(2026, 5, 30))).isEmpty();
        assertThat(AuroraEngineVersions.endOfSupportProblem(LISTED, "16.10", LocalDate.of(2099, 1, 1))).isEmpty();
        assertThat(AuroraEngineVersions.endOfSupportProblem(LISTED, "16.99", LocalDate.of(2099, 1, 1))).isEmpty();
    }

    @Test
    void whenEveryListedVersionHasEndedTheMessageSaysToAddANewerOne() {
        assertThat(AuroraEngineVersions.endOfSupportProblem(List.of(version("16.4", "2026-05-31")), "16.4",
                LocalDate.of(2027, 1, 1))).hasValueSatisfying(m -> assertThat(m).contains("pin a newer minor (add it to"));
    }

    @Test
    void minorsCompareAsNumbers() {
        assertThat(AuroraEngineVersions.compareVersions("16.10", "16.9")).isPositive();
        assertThat(AuroraEngineVersions.compareVersions("17.1", "16.10")).isPositive();
        assertThat(AuroraEngineVersions.compareVersions("16.6", "16.6")).isZero();
    }

    @Test
    void theCommittedListSaysWhyEachUnknownDateIsUnknownAndHoldsThePinnedVersion() {
        assertThat(AuroraEngineVersions.listed()).allSatisfy(v -> assertThat(
                v.endOfStandardSupport().isPresent() || v.note().isPresent()).as(v.version()).isTrue());
        for (String stack : List.of("prod", "stg")) {
            String pinned = StackSettingsParser.parse(StackFixture.read(stack)).database().engineVersion();
            assertThat(AuroraEngineVersions.names()).contains(pinned);
            // Both stacks still parse today: their pin has no end-of-support date that has passed.
            assertThat(AuroraEngineVersions.endOfSupportProblem(pinned, LocalDate.of(2026, 12, 1))).isEmpty();
        }
    }
}
