package jp.twozeroseven.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A packaged YAML list read into typed entries, in order, refusing a repeated key and a missing file or list. */
class PackagedYamlTest {

    private static final String FILE = "packaged-yaml-test.yaml";

    private record Entry(String name, int value) {
        static Entry of(JsonNode item) {
            return new Entry(item.path("name").asText(), item.path("value").asInt());
        }
    }

    private static List<Entry> read(String file, String list) {
        return PackagedYaml.entries(PackagedYamlTest.class, file, list, Entry::of, Entry::name);
    }

    @Test
    void theEntriesAreReadInTheFilesOrder() {
        assertThat(read(FILE, "entries")).containsExactly(new Entry("first", 1), new Entry("second", 2));
    }

    @Test
    void aKeyListedTwiceIsRefused() {
        assertThatThrownBy(() -> read(FILE, "repeated")).isInstanceOf(IllegalStateException.class)
                .hasMessage(FILE + ": first is listed twice");
    }

    @Test
    void aFieldWrittenTwiceInOneEntryIsRefusedNotSilentlyOverwritten() {
        assertThatThrownBy(() -> read("packaged-yaml-doubled-field.yaml", "entries"))
                .hasMessage("cannot read packaged-yaml-doubled-field.yaml")
                .satisfies(e -> assertThat(e.getCause().getMessage()).contains("Duplicate field 'value'"));
    }

    @Test
    void aMissingListOrFileIsABrokenBuild() {
        assertThatThrownBy(() -> read(FILE, "notAList")).hasMessage(FILE + " has no list notAList");
        assertThatThrownBy(() -> read("absent.yaml", "entries"))
                .hasMessage("absent.yaml is missing from the build; build with ./mvnw package");
    }
}
