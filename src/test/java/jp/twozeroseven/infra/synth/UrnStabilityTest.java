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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed URN makes Pulumi delete the resource and create a new one. For data stores that means data loss, for
 * everything else an outage or a failed update (a name still in use), so the URN of every resource is checked in;
 * a refactor that moves one fails here unless the moved resource carries an alias to its old URN
 * ({@link jp.twozeroseven.infra.support.FormerParent}). The synth records aliases as the URNs the engine resolves
 * them to, so a recorded URN is kept when a resource has it as its URN or as an alias.
 *
 * <p>{@code -Durn.update=true} records the URNs of ADDED resources only. A resource removed on purpose is taken
 * out of the list by hand, in the same commit, where review sees it.
 */
class UrnStabilityTest {

    /**
     * Data stores, plus what the offline diff treats as stateful (synth/diff/ForceNewProperties): Aurora instances,
     * secrets (their values are filled by hand) and log groups (their logs). Losing one of these loses data.
     */
    static final Set<String> STATEFUL_TYPES = Set.of("aws:rds/cluster:Cluster", "aws:s3/bucketV2:BucketV2",
            "aws:ecr/repository:Repository", "aws:glue/catalogDatabase:CatalogDatabase", "aws:kms/key:Key",
            "aws:rds/clusterInstance:ClusterInstance", "aws:secretsmanager/secret:Secret",
            "aws:cloudwatch/logGroup:LogGroup", "aws:dynamodb/table:Table");

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void everyResourceKeepsItsUrnOrAnAliasToIt(String stack) throws IOException {
        Path file = StackFixture.PROJECT.resolve("src/test/resources/urn-stability/" + stack + ".txt");
        List<SynthesizedResource> resources = SynthedStacks.synth(stack).resources();
        Set<String> recorded = new TreeSet<>(Files.exists(file) ? Files.readAllLines(file) : List.of());
        Set<String> added = resources.stream().filter(r -> !recorded.contains(r.urn())
                        && r.options().aliases().stream().noneMatch(recorded::contains))
                .map(SynthesizedResource::urn).collect(Collectors.toCollection(TreeSet::new));
        if (Boolean.getBoolean("urn.update")) {
            Set<String> updated = new TreeSet<>(recorded);
            updated.addAll(added);
            Files.write(file, updated);
            recorded.addAll(added);
            added.clear();
        }
        Set<String> claimed = new TreeSet<>();
        resources.forEach(r -> {
            claimed.add(r.urn());
            claimed.addAll(r.options().aliases());
        });
        Set<String> removed = new TreeSet<>(recorded);
        removed.removeAll(claimed);
        Set<String> statefulRemoved = removed.stream().filter(urn -> STATEFUL_TYPES.contains(typeOf(urn)))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(statefulRemoved).as("STATEFUL resources whose URN disappeared from %s: Pulumi would DELETE them "
                + "and their data. Alias the moved resource to its old parent (support/FormerParent)", stack)
                .isEmpty();
        assertThat(removed).as("resources whose URN disappeared from %s: Pulumi would delete and recreate them. "
                + "Alias the moved resource, or, if the removal is deliberate, delete the line from %s", stack,
                file.getFileName()).isEmpty();
        assertThat(added).as("new resources in %s: record them with -Durn.update=true and commit %s", stack,
                file.getFileName()).isEmpty();
        assertThat(recorded).isNotEmpty();
    }

    /** The resource type of a URN {@code urn:pulumi:stack::project::parent$...$type::name}. */
    static String typeOf(String urn) {
        String chain = urn.split("::", 4)[2];
        return chain.substring(chain.lastIndexOf('$') + 1);
    }
}
