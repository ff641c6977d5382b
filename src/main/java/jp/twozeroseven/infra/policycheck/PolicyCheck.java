package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerGrpc.AnalyzerBlockingStub;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CrossGuard policy pack against a synth document offline, speaking the Analyzer gRPC protocol
 * to the pack exactly as the Pulumi engine does during `pulumi preview --policy-pack policy`.
 */
public final class PolicyCheck {
    private static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

    private PolicyCheck() {
    }

    /** Reads the policy config before anything else runs, so a broken file is reported before the synth. */
    public static void checkConfigReadable(Path policyConfig) {
        PolicyConfigFile.read(policyConfig, new com.fasterxml.jackson.databind.ObjectMapper());
    }

    public static PolicyReport run(Path packDir, Path policyConfig, JsonNode synthDocument, PrintStream out) {
        return run(packDir, policyConfig, synthDocument, out, "node");
    }

    static PolicyReport run(Path packDir, Path policyConfig, JsonNode synthDocument, PrintStream out, String nodeExecutable) {
        requireNode(nodeExecutable);
        PolicyPackProcess.requireInstalled(packDir);
        PolicyConfigFile config = PolicyConfigFile.read(policyConfig, new ObjectMapper());
        List<SynthResource> resources = SynthResource.allOf(synthDocument);
        try (PolicyPackProcess pack = PolicyPackProcess.start(packDir, nodeExecutable)) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", pack.port())
                    .usePlaintext().maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
            try {
                PolicyReport report = analyze(AnalyzerGrpc.newBlockingStub(channel).withMaxOutboundMessageSize(MAX_MESSAGE_BYTES),
                        config, synthDocument, resources);
                ViolationPrinter.print(report, out);
                return report;
            } catch (StatusRuntimeException e) {
                throw new IllegalStateException("policy pack failed: " + e.getStatus().getDescription()
                        + (pack.stderr().isBlank() ? "" : "\npolicy pack stderr:\n" + pack.stderr()), e);
            } finally {
                channel.shutdownNow();
                awaitTermination(channel);
            }
        }
    }

    private static PolicyReport analyze(AnalyzerBlockingStub analyzer, PolicyConfigFile config, JsonNode document,
                                        List<SynthResource> resources) {
        AnalyzerInfo info = analyzer.getAnalyzerInfo(Empty.getDefaultInstance());
        analyzer.configure(ConfigureAnalyzerRequest.newBuilder().putAllPolicyConfig(config.forPolicies(info)).build());
        analyzer.configureStack(stackConfiguration(document));

        AnalyzerRequests requests = new AnalyzerRequests(resources);
        List<PolicyViolation> violations = new ArrayList<>();
        int analyzed = 0;
        for (SynthResource resource : resources) {
            if (!resource.custom() || resource.isProvider()) {
                continue;
            }
            analyzed++;
            AnalyzeResponse response = analyzer.analyze(requests.analyze(resource));
            collect(response, resource.urn(), resources, violations);
        }
        AnalyzeStackRequest.Builder stack = AnalyzeStackRequest.newBuilder();
        resources.forEach(r -> stack.addResources(requests.stackResource(r)));
        collect(analyzer.analyzeStack(stack.build()), "", resources, violations);
        return new PolicyReport(info.getName(), info.getVersion(), info.getPoliciesCount(), analyzed, violations);
    }

    private static AnalyzerStackConfigureRequest stackConfiguration(JsonNode document) {
        String project = document.path("project").asText("");
        return AnalyzerStackConfigureRequest.newBuilder()
                .setStack(document.path("stack").asText(""))
                .setProject(project)
                .setOrganization(document.path("organization").asText("organization"))
                .setDryRun(true)
                .putAllTags(Map.of("pulumi:project", project, "pulumi:runtime", "java"))
                .build();
    }

    private static void collect(AnalyzeResponse response, String defaultUrn, List<SynthResource> resources,
                                List<PolicyViolation> violations) {
        for (AnalyzeDiagnostic diagnostic : response.getDiagnosticsList()) {
            String urn = diagnostic.getUrn().isEmpty() ? defaultUrn : diagnostic.getUrn();
            String type = resources.stream().filter(r -> r.urn().equals(urn)).map(SynthResource::type).findFirst()
                    .orElse(SynthResource.typeOfUrn(urn));
            violations.add(new PolicyViolation(diagnostic.getPolicyName(),
                    diagnostic.getEnforcementLevel().name().toLowerCase(Locale.ROOT), urn, type, diagnostic.getMessage()));
        }
    }

    private static void requireNode(String nodeExecutable) {
        try {
            Process probe = new ProcessBuilder(nodeExecutable, "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                throw new PolicyCheckUnavailable("`" + nodeExecutable + " --version` failed");
            }
        } catch (IOException e) {
            throw new PolicyCheckUnavailable("Node.js (`" + nodeExecutable + "`) is not on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolicyCheckUnavailable("interrupted while looking for Node.js", e);
        }
    }

    private static void awaitTermination(ManagedChannel channel) {
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
