package jp.twozeroseven.infra.data.embulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** images/embulk/versions.properties is the one source of the image's versions. */
class EmbulkImageTest {
    private static final Path VERSIONS = SynthedStacks.PROJECT.resolve("images/embulk/versions.properties");

    @Test
    void theTagNamesEveryPinnedVersion() {
        EmbulkImage image = EmbulkImage.pinned();

        assertThat(image.tag()).isEqualTo("embulk-0.9.23-pg-0.11.1-s3parquet-0.5.3-pgjdbc-" + image.pgjdbcVersion() + "-r"
                + image.revision());
        assertThat(image.tag()).matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
        assertThat(image.driverPath()).isEqualTo("/opt/embulk/jdbc/postgresql-" + image.pgjdbcVersion() + ".jar");
    }

    @Test
    void theJarCarriesTheRepositorysVersionsFile() throws Exception {
        Properties file = new Properties();
        try (var in = Files.newBufferedReader(VERSIONS)) {
            file.load(in);
        }
        assertThat(EmbulkImage.parse(file)).isEqualTo(EmbulkImage.pinned());
    }

    @Test
    void theTestsRunTheImagesDriver() throws Exception {
        // pom.xml's org.postgresql:postgresql (the driver every @Tag("postgres") test connects with) is the image's.
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(SynthedStacks.PROJECT.resolve("app.pom.xml").toFile());
        String version = XPathFactory.newInstance().newXPath().evaluate(
                "/*[local-name()='project']/*[local-name()='dependencies']/*[local-name()='dependency']"
                        + "[*[local-name()='groupId']='org.postgresql' and *[local-name()='artifactId']='postgresql']"
                        + "/*[local-name()='version']", pom);
        assertThat(version).isEqualTo(EmbulkImage.pinned().pgjdbcVersion());
        assertThat(org.postgresql.util.DriverInfo.DRIVER_VERSION).as("the driver on the test class path")
                .isEqualTo(EmbulkImage.pinned().pgjdbcVersion());
        assertThat(EmbulkImage.pinned().pgjdbcVersion()).startsWith("42.7.");
    }

    @Test
    void aBrokenVersionsFileNamesTheKey() {
        Properties p = new Properties();
        p.setProperty("embulk.version", "0.9.23");
        assertThatThrownBy(() -> EmbulkImage.parse(p)).hasMessageContaining("'embulk-input-postgresql.version' = ''");
    }

    @Test
    void theDockerfileAndWorkflowTakeTheirVersionsFromTheFile() throws Exception {
        String dockerfile = Files.readString(SynthedStacks.PROJECT.resolve("images/embulk/Dockerfile"));
        String workflow = Files.readString(SynthedStacks.PROJECT.resolve(".github/workflows/embulk-image.yml"));
        assertThat(dockerfile).doesNotContain("0.9.23").doesNotContain("0.11.1").doesNotContain("0.5.3")
                .doesNotContain(EmbulkImage.pinned().pgjdbcVersion());
        for (String arg : new String[] {"EMBULK_VERSION", "EMBULK_SHA256", "INPUT_POSTGRESQL_VERSION", "INPUT_POSTGRESQL_SHA256",
                "OUTPUT_S3_PARQUET_VERSION", "OUTPUT_S3_PARQUET_SHA256",
                "PGJDBC_VERSION", "PGJDBC_SHA256", "BASE_IMAGE"}) {
            assertThat(dockerfile).as(arg).contains("ARG " + arg);
            assertThat(workflow).as(arg).contains(arg + "=");
        }
        assertThat(workflow).contains("images/embulk/versions.properties");
    }
}
