package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerPropertyDependencies;
import pulumirpc.AnalyzerOuterClass.AnalyzerProviderResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the Analyzer protocol messages the engine would send for the resources of a synth document. */
final class AnalyzerRequests {
    private final Map<String, SynthResource> byUrn;

    AnalyzerRequests(List<SynthResource> resources) {
        this.byUrn = resources.stream().collect(Collectors.toMap(SynthResource::urn, Function.identity(), (a, b) -> a));
    }

    AnalyzeRequest analyze(SynthResource resource) {
        AnalyzeRequest.Builder request = AnalyzeRequest.newBuilder()
                .setType(resource.type())
                .setUrn(resource.urn())
                .setName(resource.name())
                .setProperties(ProtoStructs.ofInputs(resource.inputs()))
                .setOptions(options(resource));
        provider(resource).ifPresent(request::setProvider);
        return request.build();
    }

    /**
     * The resource as AnalyzeStack lists it: what {@link #analyze} sends about it (analyzer.proto gives
     * AnalyzerResource each field of AnalyzeRequest under the same name and type: type, properties, urn, name,
     * options, provider), and its place in the stack (parent, dependencies, property dependencies).
     */
    AnalyzerResource stackResource(SynthResource resource) {
        AnalyzerResource.Builder builder = AnalyzerResource.newBuilder();
        analyze(resource).getAllFields().forEach((field, value) -> builder.setField(
                Objects.requireNonNull(AnalyzerResource.getDescriptor().findFieldByName(field.getName()),
                        () -> "AnalyzerResource has no field " + field.getName() + " of AnalyzeRequest"), value));
        builder.addAllDependencies(resource.dependencies());
        if (resource.parent() != null) {
            builder.setParent(resource.parent());
        }
        resource.propertyDependencies().forEach((input, urns) ->
                builder.putPropertyDependencies(input, AnalyzerPropertyDependencies.newBuilder().addAllUrns(urns).build()));
        return builder.build();
    }

    private static AnalyzerResourceOptions options(SynthResource resource) {
        JsonNode options = resource.options();
        AnalyzerResourceOptions.Builder builder = AnalyzerResourceOptions.newBuilder()
                .setProtect(options.path("protect").asBoolean(false));
        options.path("ignoreChanges").forEach(v -> builder.addIgnoreChanges(v.asText()));
        options.path("aliases").forEach(v -> builder.addAliases(v.asText()));
        options.path("additionalSecretOutputs").forEach(v -> builder.addAdditionalSecretOutputs(v.asText()));
        if (options.has("deleteBeforeReplace")) {
            builder.setDeleteBeforeReplaceDefined(true).setDeleteBeforeReplace(options.path("deleteBeforeReplace").asBoolean());
        }
        if (resource.parent() != null) {
            builder.setParent(resource.parent());
        }
        return builder.build();
    }

    private Optional<AnalyzerProviderResource> provider(SynthResource resource) {
        if (resource.provider() == null) {
            return Optional.empty();
        }
        String providerUrn = SynthResource.providerUrnOf(resource.provider());
        SynthResource provider = byUrn.get(providerUrn);
        AnalyzerProviderResource.Builder builder = AnalyzerProviderResource.newBuilder().setUrn(providerUrn);
        if (provider != null) {
            builder.setType(provider.type()).setName(provider.name()).setProperties(ProtoStructs.of(provider.inputs()));
        } else {
            // A default provider the document does not list: the engine still names it, with no inputs.
            builder.setType(SynthResource.typeOfUrn(providerUrn)).setName(SynthResource.nameOfUrn(providerUrn));
        }
        return Optional.of(builder.build());
    }
}
