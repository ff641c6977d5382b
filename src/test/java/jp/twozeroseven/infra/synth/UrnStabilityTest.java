package jp.twozeroseven.infra.synth;

import jp.twozeroseven.infra.testsupport.SynthedStacks;

import jp.twozeroseven.infra.settings.StackFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed URN makes Pulumi replace or delete the resource. For data stores that means data loss, so the URNs
 * of every stateful resource are checked in; a refactor that moves one fails here.
 *
 * <p>The fix is an alias on the moved resource ({@code CustomResourceOptions.aliases}), or, for a deliberate
 * change, updating the list: run the tests with {@code -Durn.update=true} and review the diff.
 */
class UrnStabilityTest {

    /**
     * Data stores, plus what the offline diff treats as stateful (synth/diff/ForceNewProperties): Aurora instances,
     * secrets (their values are filled by hand) and log groups (their logs).
     */
    static final Set<String> STATEFUL_TYPES = Set.of("aws:rds/cluster:Cluster", "aws:s3/bucketV2:BucketV2",
            "aws:ecr/repository:Repository", "aws:glue/catalogDatabase:CatalogDatabase", "aws:kms/key:Key",
            "aws:rds/clusterInstance:ClusterInstance", "aws:secretsmanager/secret:Secret",
            "aws:cloudwatch/logGroup:LogGroup", "aws:dynamodb/table:Table");

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void statefulResourcesKeepTheirUrns(String stack) throws IOException {
        Path file = StackFixture.PROJECT.resolve("src/test/resources/urn-stability/" + stack + ".txt");
        Set<String> actual = new TreeSet<>(SynthedStacks.synth(stack).resources().stream()
                .filter(r -> STATEFUL_TYPES.contains(r.type())).map(SynthesizedResource::urn).toList());
        if (Boolean.getBoolean("urn.update")) {
            Files.write(file, actual);
        }
        Set<String> expected = new TreeSet<>(Files.exists(file) ? Files.readAllLines(file) : List.of());
        Set<String> removed = new TreeSet<>(expected);
        removed.removeAll(actual);
        Set<String> added = new TreeSet<>(actual);
        added.removeAll(expected);
        assertThat(removed).as("stateful resources whose URN disappeared from %s: Pulumi would DELETE them. Add an "
                + "alias to the moved resource, or, if the removal is deliberate, run with -Durn.update=true", stack)
                .isEmpty();
        assertThat(added).as("new stateful resources in %s: record them with -Durn.update=true and commit %s",
                stack, file.getFileName()).isEmpty();
        assertThat(actual).isNotEmpty();
    }
}
