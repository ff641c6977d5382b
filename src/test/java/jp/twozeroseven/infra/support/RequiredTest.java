package jp.twozeroseven.infra.support;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredTest {

    record Sample(String name, int count, Optional<String> note) {
        Sample {
            Required.components(Sample.class, name, count, note);
        }
    }

    record Miscounted(String first, String second) {
        Miscounted {
            Required.components(Miscounted.class, first);
        }
    }

    @Test
    void acceptsEveryComponentPresent() {
        assertThatCode(() -> new Sample("api", 2, Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void namesTheNullComponentWithItsEnclosingRecord() {
        assertThatThrownBy(() -> new Sample("api", 2, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("RequiredTest.Sample.note is required");
        assertThatThrownBy(() -> new Sample(null, 2, Optional.empty()))
                .hasMessage("RequiredTest.Sample.name is required");
    }

    @Test
    void rejectsACheckThatDoesNotNameEveryComponent() {
        assertThatThrownBy(() -> new Miscounted("a", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 components but its null check names 1");
    }
}
