package jp.twozeroseven.infra.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the production jar (target/infra.jar, the one Pulumi.yaml runs) carries. Run by failsafe after
 * {@code package}, so it reads the jar this build made: the program and the New Relic binding, and no test-only
 * code (the conformance checker, the benchmark, test classes, test-scoped libraries).
 */
class ProductionJarIT {

    private static List<String> entries;

    @BeforeAll
    static void readJar() throws IOException {
        Path jar = Path.of(System.getProperty("infra.jar", "target/infra.jar"));
        assertThat(jar).as("the shaded jar the package phase writes").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void carriesTheProgramAndTheBinding() {
        assertThat(entries).contains(
                "jp/twozeroseven/infra/Main.class",
                "jp/twozeroseven/infra/newrelic/Provider.class",
                "jp/twozeroseven/infra/newrelic/inputs/NrqlAlertConditionNrqlArgs.class",
                // The language host finds the provider plugin by this resource (docs/newrelic-binding.md).
                "com/pulumi/newrelic/plugin.json");
    }

    @Test
    void carriesNoTestOnlyCode() {
        assertThat(entries).filteredOn(e -> e.startsWith("jp/twozeroseven/infra/newrelic/conformance/")
                || e.startsWith("jp/twozeroseven/infra/bench/")).as("conformance checker and benchmark").isEmpty();
        assertThat(entries).filteredOn(e -> e.startsWith("jp/twozeroseven/")
                && e.matches(".*(Test|IT|Tests|TestCase)(\\$.*)?\\.class")).as("test classes").isEmpty();
        assertThat(entries).filteredOn(e -> e.startsWith("org/junit/") || e.startsWith("org/assertj/")
                || e.startsWith("org/mockito/") || e.startsWith("org/postgresql/")
                || e.startsWith("org/apache/velocity/")).as("test-scoped libraries").isEmpty();
    }

    @Test
    void theCheckerShipsInTheBindingsTestJar() throws IOException {
        // The program's tests get the checker from the binding's test jar (conformance classes, no tests).
        Path checker = Path.of(System.getProperty("checker.jar", "newrelic-binding/target/newrelic-binding-1.0.0-tests.jar"));
        assertThat(checker).isRegularFile();
        try (JarFile file = new JarFile(checker.toFile())) {
            assertThat(file.stream().map(ZipEntry::getName).toList()).as("the checker's test jar")
                    .contains("jp/twozeroseven/infra/newrelic/conformance/NewRelicConformanceChecker.class")
                    .noneMatch(e -> e.endsWith("Test.class"))
                    .noneMatch(e -> e.endsWith(".class") && !e.startsWith("jp/twozeroseven/infra/newrelic/conformance/"));
        }
    }
}
