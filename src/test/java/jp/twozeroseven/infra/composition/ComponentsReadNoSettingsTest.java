package jp.twozeroseven.infra.composition;

import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components that take props read no settings: they neither import the settings package nor call
 * {@code scope.settings()}. Only the composition package maps settings to props. Add a package here when its
 * components move to props.
 */
class ComponentsReadNoSettingsTest {

    private static final Path SOURCES = SynthedStacks.PROJECT.resolve("src/main/java/jp/twozeroseven/infra");

    @ParameterizedTest
    @ValueSource(strings = {"platform/network", "platform/database", "platform/waf", "platform/storage",
            "platform/cdn", "platform/loadbalancer", "platform/security/PlatformKeys.java",
            "platform/security/PlatformKeysProps.java", "support/ServiceRoles.java"})
    void readsNoSettings(String where) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES.resolve(where))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String source = Files.readString(file);
            assertThat(source).as(file + " imports settings; take the value through its props")
                    .doesNotContain("import jp.twozeroseven.infra.settings.");
            assertThat(source).as(file + " calls scope.settings(); take the value through its props")
                    .doesNotContain(".settings()");
        }
    }
}
