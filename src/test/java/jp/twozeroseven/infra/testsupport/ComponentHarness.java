package jp.twozeroseven.infra.testsupport;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import jp.twozeroseven.infra.settings.Tier;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.synth.OfflineMocks;
import jp.twozeroseven.infra.synth.PulumiTestEngine;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.tagging.StackTags;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds one component on its own in the Pulumi test engine: an AWS provider and a root {@link Scope} without any
 * stack settings (a component that still read {@code scope.settings()} would fail), then whatever the test builds.
 */
public final class ComponentHarness {

    public static final String PROJECT = "component-test";
    public static final String STACK = "unit";
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "ap-northeast-1";
    public static final String PREFIX = "unit-207";

    private ComponentHarness() {
    }

    /** What one standalone build registered. */
    public record Built(List<SynthesizedResource> resources) {

        public List<SynthesizedResource> ofType(String type) {
            return resources.stream().filter(r -> r.type().equals(type)).toList();
        }

        public SynthesizedResource named(String type, String name) {
            return ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " in "
                            + resources.stream().map(SynthesizedResource::urn).toList()));
        }

        /** The custom resources other than providers. */
        public List<SynthesizedResource> custom() {
            return resources.stream().filter(r -> r.custom() && !r.isProvider()).toList();
        }

        public String providerUrn() {
            return resources.stream().filter(r -> r.isProvider() && r.name().equals("aws-unit")).findFirst()
                    .orElseThrow().urn();
        }
    }

    /** A scope without a provider, for checking props, which happens before anything is registered. */
    public static Scope detachedScope() {
        return Scope.root(null, REGION, ACCOUNT, PREFIX, false, StackTags.of(PROJECT, STACK, "platform-team", "CC-0000"),
                StackTags.SHARED_SERVICE);
    }

    /** @param tier production protects stateful resources */
    public static Built build(Tier tier, Consumer<Scope> program) {
        var run = PulumiTestEngine.run(PROJECT, STACK, Map.of(), Set.of(), new OfflineMocks(ACCOUNT, REGION), ctx -> {
            var aws = new Provider("aws-unit", ProviderArgs.builder().region(REGION)
                    .allowedAccountIds(List.of(ACCOUNT)).build());
            StackTags tags = StackTags.of(PROJECT, STACK, "platform-team", "CC-0000");
            program.accept(Scope.root(aws, REGION, ACCOUNT, PREFIX, tier.isProduction(), tags,
                    StackTags.SHARED_SERVICE));
        });
        assertThat(run.exceptions()).as("the component builds from its props alone").isEmpty();
        assertThat(run.errors()).isEmpty();
        return new Built(run.resources());
    }
}
