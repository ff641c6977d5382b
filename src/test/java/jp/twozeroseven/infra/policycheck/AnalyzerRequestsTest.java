package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The AnalyzeStack resource is the Analyze request's resource with its place in the stack. */
class AnalyzerRequestsTest {
    private static final Path FIXTURE = Path.of(System.getProperty("project.root", "."))
            .resolve("src/test/resources/policycheck/compliant-stg.json");

    private static List<SynthResource> resources() throws IOException {
        try (InputStream in = Files.newInputStream(FIXTURE)) {
            return SynthResource.allOf(new ObjectMapper().readTree(in));
        }
    }

    @Test
    void aStackResourceCarriesWhatAnalyzeSendsAndItsParentAndDependencies() throws IOException {
        List<SynthResource> resources = resources();
        AnalyzerRequests requests = new AnalyzerRequests(resources);
        for (SynthResource resource : resources) {
            AnalyzeRequest alone = requests.analyze(resource);
            AnalyzerResource listed = requests.stackResource(resource);
            assertThat(listed.getType()).as(resource.urn()).isEqualTo(alone.getType()).isEqualTo(resource.type());
            assertThat(listed.getUrn()).isEqualTo(alone.getUrn()).isEqualTo(resource.urn());
            assertThat(listed.getName()).isEqualTo(alone.getName()).isEqualTo(resource.name());
            assertThat(listed.getProperties()).isEqualTo(alone.getProperties())
                    .isEqualTo(ProtoStructs.ofInputs(resource.inputs()));
            assertThat(listed.getOptions()).isEqualTo(alone.getOptions());
            assertThat(listed.hasProvider()).isEqualTo(alone.hasProvider()).isEqualTo(resource.provider() != null);
            assertThat(listed.getProvider()).isEqualTo(alone.getProvider());
            assertThat(listed.getParent()).isEqualTo(resource.parent() == null ? "" : resource.parent());
            assertThat(listed.getDependenciesList()).isEqualTo(resource.dependencies());
            assertThat(listed.getPropertyDependenciesMap().keySet())
                    .isEqualTo(resource.propertyDependencies().keySet());
            resource.propertyDependencies().forEach((input, urns) ->
                    assertThat(listed.getPropertyDependenciesMap().get(input).getUrnsList()).isEqualTo(urns));
        }
    }

    @Test
    void aResourceWithoutProviderOrParentHasNeither() throws IOException {
        SynthResource stack = resources().get(0);
        assertThat(stack.type()).isEqualTo("pulumi:pulumi:Stack");
        AnalyzerResource listed = new AnalyzerRequests(List.of(stack)).stackResource(stack);
        assertThat(listed.hasProvider()).isFalse();
        assertThat(listed.getParent()).isEmpty();
        assertThat(listed.getDependenciesList()).isEmpty();
    }
}
