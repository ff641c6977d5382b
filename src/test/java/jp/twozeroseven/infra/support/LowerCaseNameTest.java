package jp.twozeroseven.infra.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LowerCaseNameTest {

    enum Sample implements LowerCaseName { ONE, TWO_WORDS, ROUND_2DP }

    @Test
    void spellsTheNameInLowerCaseKeepingTheUnderscores() {
        assertThat(Sample.ONE.yamlName()).isEqualTo("one");
        assertThat(Sample.TWO_WORDS.yamlName()).isEqualTo("two_words");
        assertThat(Sample.ROUND_2DP.yamlName()).isEqualTo("round_2dp");
    }

    @Test
    void findsAConstantByItsExactSpellingOnly() {
        assertThat(LowerCaseName.fromYaml(Sample.class, "two_words")).contains(Sample.TWO_WORDS);
        assertThat(LowerCaseName.fromYaml(Sample.class, "TWO_WORDS")).isEmpty();
        assertThat(LowerCaseName.fromYaml(Sample.class, "two-words")).isEmpty();
        assertThat(LowerCaseName.fromYaml(Sample.class, null)).isEmpty();
    }

    @Test
    void listsTheSpellingsInDeclarationOrder() {
        assertThat(LowerCaseName.allowedNames(Sample.class)).isEqualTo("one, two_words, round_2dp");
    }
}
