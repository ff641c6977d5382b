package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A choice's message lists its values, and falls back, in the order written: the same on every run. */
class SectionChoiceTest {

    private static final Map<String, Integer> SIZES = Section.choices(Map.entry("small", 1), Map.entry("medium", 2),
            Map.entry("large", 3));

    @Test
    void aWrongValueIsReportedWithTheChoicesInTheirWrittenOrder() {
        Problems problems = new Problems();
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("size", "huge");
        Integer chosen = Section.root("p", node, problems).choice("size", SIZES);
        assertThat(chosen).isEqualTo(1);
        assertThat(problems.all()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("p:size");
            assertThat(p.message()).isEqualTo("expected one of [small, medium, large]");
        });
    }

    @Test
    void choicesWithoutAFixedOrderAreAProgrammingMistake() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("size", "small");
        assertThatThrownBy(() -> Section.root("p", node, new Problems()).choice("size", Map.of("small", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need a fixed order");
    }

    @Test
    void aChoiceListedTwiceIsRefused() {
        assertThatThrownBy(() -> Section.choices(Map.entry("small", 1), Map.entry("small", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("small is listed twice");
    }
}
