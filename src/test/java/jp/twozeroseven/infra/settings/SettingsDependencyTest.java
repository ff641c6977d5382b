package jp.twozeroseven.infra.settings;

import jp.twozeroseven.infra.data.embulk.EmbulkImage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings are parsed before any component exists, and the components depend on them, not the other way round:
 * the settings and the table catalog they load must not reference the data pipeline's code (issue 17: "settings
 * and data depend on each other"). Checked on the sources, so a new import fails here before it forms a cycle.
 */
class SettingsDependencyTest {

    private static final Path MAIN = Path.of(System.getProperty("project.root", "."), "src/main/java/jp/twozeroseven/infra");
    /** A use of the pipeline's packages, imported or written out in full. */
    private static final Pattern DATA = Pattern.compile("\\bjp\\.twozeroseven\\.infra\\.data\\.[a-z]+\\.[A-Z]");

    @Test
    void settingsAndTheCatalogDoNotUseTheDataPipeline() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(MAIN.resolve("settings")), Files.walk(MAIN.resolve("catalog")))) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    // The image class is named in a message (a string), not used: strings are allowed.
                    return Files.readAllLines(f).stream().map(line -> line.replaceAll("\"[^\"]*\"", "\"\""))
                            .anyMatch(line -> DATA.matcher(line).find());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> MAIN.relativize(f).toString()).sorted().toList();
        }
        assertThat(offenders).as("settings/ and catalog/ files that use jp.twozeroseven.infra.data.*").isEmpty();
    }

    @Test
    void theMessageNamesTheClassThatPrintsTheTag() {
        assertThat(DataPipelineParser.EMBULK_IMAGE_CLASS).isEqualTo(EmbulkImage.class.getName());
    }
}
