package jp.twozeroseven.infra.synth;

import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.Log;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Sees every registration request as the engine would, options included, and keeps it with the URN the engine
 * answered, so the synth output shows what a real {@code pulumi up} would receive.
 */
final class RecordingMonitor extends MockMonitor {

    private final List<SynthesizedResource> recorded = new CopyOnWriteArrayList<>();

    private final IntConsumer registered;

    RecordingMonitor(Mocks mocks, Log log, IntConsumer registered) {
        super(mocks, log);
        this.registered = registered;
    }

    List<SynthesizedResource> recorded() {
        return List.copyOf(recorded);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                             RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            recorded.add(toResource(request, engineUrn(response.getUrn())));
            registered.accept(recorded.size());
            return response;
        });
    }

    private static SynthesizedResource toResource(RegisterResourceRequest request, String urn) {
        Map<String, List<String>> propertyDependencies = new java.util.TreeMap<>();
        request.getPropertyDependenciesMap().forEach((property, deps) ->
                propertyDependencies.put(property, sortedUrns(deps.getUrnsList())));
        List<String> aliases = new java.util.ArrayList<>(request.getAliasURNsList().stream()
                .map(RecordingMonitor::engineUrn).toList());
        request.getAliasesList().forEach(alias -> aliases.add(alias.hasUrn() ? engineUrn(alias.getUrn())
                : aliasUrn(alias.getSpec(), request, urn)));
        var options = new SynthesizedResource.ResourceOptions(
                request.getProtect(), request.getRetainOnDelete(), List.copyOf(request.getIgnoreChangesList()),
                sortedUrns(request.getDependenciesList()),
                request.getDeleteBeforeReplace(), List.copyOf(aliases));
        return new SynthesizedResource(urn, request.getType(), request.getName(), request.getCustom(),
                emptyToNull(request.getParent()), emptyToNull(request.getProvider()),
                StructJson.toJson(request.getObject()),
                sortedUrns(request.getDependenciesList()),
                propertyDependencies, options);
    }

    /**
     * The URN the engine computes from an alias spec, so the synth shows which state entry the alias claims. As in
     * the engine (pulumi/pulumi, pkg/resource/deploy/step_generator.go {@code collapseAliasToUrn}, and
     * sdk/go/common/resource/urn.go {@code CreateURN}/{@code NewURN}): an empty name, type, stack or project is
     * the resource's own; the parent is the spec's parent URN, none with {@code noParent}, else the resource's own
     * parent; and the parent's qualified type (its whole type chain) prefixes the type unless the parent is the
     * root stack. (The engine also gives children the aliases of an aliased parent; moved resources here carry
     * their own, so the synth need not model that.)
     */
    static String aliasUrn(pulumirpc.AliasOuterClass.Alias.Spec spec, RegisterResourceRequest request,
                           String ownUrn) {
        String[] own = ownUrn.split("::", 4);
        String stack = spec.getStack().isEmpty() ? own[0].substring("urn:pulumi:".length()) : spec.getStack();
        String project = spec.getProject().isEmpty() ? own[1] : spec.getProject();
        String type = spec.getType().isEmpty() ? request.getType() : spec.getType();
        String name = spec.getName().isEmpty() ? request.getName() : spec.getName();
        String parent = switch (spec.getParentCase()) {
            // The SDK sends an empty parent URN when the alias names no parent: the engine reads that as "the
            // resource's own parent" (step_generator.go collapseAliasToUrn).
            case PARENTURN -> spec.getParentUrn().isEmpty() ? request.getParent() : spec.getParentUrn();
            case NOPARENT -> spec.getNoParent() ? "" : request.getParent();
            default -> request.getParent();
        };
        String chain = type;
        if (!parent.isEmpty()) {
            String parentType = engineUrn(parent).split("::", 4)[2];
            if (!parentType.equals(ROOT_STACK_TYPE)) {
                chain = parentType + "$" + type;
            }
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + chain + "::" + name;
    }

    /**
     * The SDK sends dependency URNs in the order their outputs resolved, which varies from run to run; the engine
     * treats them as a set, so the synth keeps them sorted and free of duplicates.
     */
    private static List<String> sortedUrns(List<String> urns) {
        return urns.stream().map(RecordingMonitor::engineUrn).distinct().sorted().collect(Collectors.toList());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : engineUrn(s);
    }

    /**
     * The SDK's mock monitor puts the root stack's type into every URN's parent chain; the real engine leaves it
     * out (a stack's direct children have no parent type). Rewriting here gives the URNs that state will hold.
     */
    static String engineUrn(String urn) {
        return urn.replace("::" + ROOT_STACK_TYPE + "$", "::");
    }

    private static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
}
