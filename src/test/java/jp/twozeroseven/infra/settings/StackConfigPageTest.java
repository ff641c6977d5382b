package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/stack-config.md is the rendering of {@link StackConfigKeys} and the stack files, and says true things. */
class StackConfigPageTest {

    private static final Path PROJECT = StackFixture.PROJECT;

    @Test
    void theCommittedPageIsTheRendering() throws Exception {
        String rendered = StackConfigPage.render(PROJECT);
        Path page = PROJECT.resolve(StackConfigPage.FILE);
        if (Boolean.getBoolean("stack-config.write")) {
            Files.writeString(page, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "")
                .as(StackConfigPage.FILE + " differs from StackConfigKeys and the stack files; regenerate it with "
                        + StackConfigPage.REGENERATE)
                .isEqualTo(rendered);
    }

    /** "Set in" comes from the parses; the stack files' own trees, walked along the declarations, must agree. */
    @Test
    void setInNamesTheStackFilesThatSetTheKey() throws Exception {
        Map<String, Set<String>> fromFiles = new LinkedHashMap<>();
        StackConfigKeys.ALL.forEach(k -> fromFiles.put(k.path(), new TreeSet<>()));
        for (String stack : StackFiles.knownStacks(PROJECT)) {
            ObjectNode config = (ObjectNode) new YAMLMapper()
                    .readTree(PROJECT.resolve("Pulumi." + stack + ".yaml").toFile()).get("config");
            DeclaredKeys.walk(config, StackFiles.projectName(PROJECT), (path, holder) -> fromFiles.get(path).add(stack));
        }
        Map<String, Set<String>> fromParses = StackConfigPage.setIn(PROJECT);
        assertThat(fromParses).isEqualTo(fromFiles);
        // Pulumi.prod.yaml sets the ALB idle timeout, Pulumi.stg.yaml leaves it to the default.
        assertThat(fromParses.get("loadBalancer.idleTimeoutSeconds")).containsExactly("prod");
        assertThat(fromParses.get("tier")).containsExactly("prod", "stg");
        // Every stack names its services' repositories (their release roles trust them, issue 14); prod uses the
        // account's existing GitHub OIDC provider, the one its deploy workflow assumes the deploy role through.
        assertThat(fromParses.get("deploy.githubRepositories")).containsExactly("prod", "stg");
        assertThat(fromParses.get("deploy.githubOidcProvider")).containsExactly("prod");
    }

    @Test
    void everyDeclaredPathAppearsOnThePageOnce() {
        String page = StackConfigPage.render(PROJECT);
        for (ConfigKey key : StackConfigKeys.ALL) {
            assertThat(page).as(key.path()).containsOnlyOnce("| `" + key.path() + "` |");
        }
        for (SecretKey secret : SecretKey.values()) {
            assertThat(page).containsOnlyOnce("| `" + secret.key() + "` |");
        }
    }
}
