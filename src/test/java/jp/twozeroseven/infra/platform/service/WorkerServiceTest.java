package jp.twozeroseven.infra.platform.service;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.awsrules.AwsRule;
import jp.twozeroseven.infra.awsrules.AwsRules;
import jp.twozeroseven.infra.settings.CapacityWindow;
import jp.twozeroseven.infra.settings.DeployMode;
import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.synth.Synthesizer;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a service of a new shape, a worker without a load balancer (docs/workers.md), is a stack-file change
 * only. The fixture (src/test/resources/worker-service/&lt;stack&gt;.yaml) adds {@code jobs}, kind rails-worker, to
 * today's stack file: the stack synthesizes, passes the policy pack, gives the worker exactly the slice its settings
 * call for (none of the load balancer's or CodeDeploy's pieces), and leaves every resource of the committed stack as
 * it is (no delete, no replace).
 */
class WorkerServiceTest {

    private static final String WORKER = "jobs";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void aWorkerIsAStackFileChangeOnly(String stack) throws IOException {
        RawConfig raw = withWorker(stack, dir);
        StackSettings settings = StackSettingsParser.parse(raw);
        SynthResult synth = Synthesizer.synth(raw, settings);
        SynthResult committed = SynthedStacks.synth(stack);
        ServiceSettings worker = settings.services().stream().filter(s -> s.name().equals(WORKER)).findFirst()
                .orElseThrow();
        assertThat(worker.loadBalanced()).isEmpty();

        assertThat(ThirdServiceTest.slice(synth, WORKER)).containsExactlyInAnyOrderElementsOf(
                expectedSlice(settings, worker));

        String id = settings.namePrefix() + "-" + WORKER;
        SynthesizedResource service = named(synth, "aws:ecs/service:Service", id);
        JsonNode inputs = service.inputs();
        // The rolling-update controller with the circuit breaker and rollback (ECS API reference,
        // DeploymentCircuitBreaker); no load balancer, so no health-check grace period.
        assertThat(inputs.path("deploymentController").path("type").asText()).isEqualTo("ECS");
        assertThat(inputs.path("deploymentCircuitBreaker").path("enable").asBoolean()).isTrue();
        assertThat(inputs.path("deploymentCircuitBreaker").path("rollback").asBoolean()).isTrue();
        assertThat(inputs.has("loadBalancers")).isFalse();
        assertThat(inputs.has("healthCheckGracePeriodSeconds")).isFalse();
        assertThat(service.options().ignoreChanges()).containsExactlyElementsOf(AppService.OWNED_BY_ROLLING_DEPLOYMENTS);

        JsonNode app = StreamSupport.stream(SynthedStacks.json(named(synth, "aws:ecs/taskDefinition:TaskDefinition",
                        id).inputs().path("containerDefinitions")).spliterator(), false)
                .filter(c -> c.path("name").asText().equals(WORKER)).findFirst().orElseThrow();
        assertThat(app.path("command")).extracting(JsonNode::asText).containsExactlyElementsOf(worker.command());
        assertThat(app.has("portMappings")).isFalse();
        assertThat(app.has("healthCheck")).isFalse();

        // Its release may update this one service and register revisions, nothing of CodeDeploy's.
        String roleName = id + (settings.deploy().mode() == DeployMode.PIPELINE ? "-release-push" : "-ci-deploy");
        JsonNode policy = SynthedStacks.json(named(synth, "aws:iam/rolePolicy:RolePolicy", roleName).inputs()
                .path("policy"));
        assertThat(policy.toString()).contains("ecs:UpdateService", "ecs:RegisterTaskDefinition", "iam:PassRole")
                .doesNotContain("codedeploy:");
        // UpdateService names the service by its long ARN, arn:aws:ecs:<region>:<account>:service/<cluster>/<name>
        // (Amazon ECS Developer Guide, "Amazon Resource Names (ARNs) and IDs").
        JsonNode update = StreamSupport.stream(policy.path("Statement").spliterator(), false)
                .filter(st -> st.path("Sid").asText().equals("UpdateOwnService")).findFirst().orElseThrow();
        assertThat(update.path("Resource").toString()).contains("\"arn:aws:ecs:" + settings.region() + ":"
                + settings.accountId() + ":service/" + settings.namePrefix() + "-cluster/" + id + "\"");

        // Its SLOs count background jobs; it has no synthetic check (no public URL).
        assertThat(synth.ofType("newrelic:index/serviceLevel:ServiceLevel"))
                .filteredOn(l -> l.name().startsWith(WORKER + "-slo-")).hasSize(2)
                .allSatisfy(l -> assertThat(l.inputs().path("events").path("validEvents").path("where").asText())
                        .contains("transactionType = 'Other'"));
        assertThat(synth.ofType("newrelic:synthetics/monitor:Monitor")).noneMatch(m -> m.name().startsWith(WORKER));

        JsonNode outputs = synth.outputs();
        for (String output : List.of("serviceNames", "ecrRepositoryUrls", "deployDocuments")) {
            assertThat(outputs.path(output).has(WORKER)).as(output).isTrue();
        }
        assertThat(outputs.path("deploymentGroups").has(WORKER)).isFalse();
        assertThat(outputs.path("secretArnsToFill").has(WORKER + "/sentry-dsn")).isTrue();

        // The facts AWS requires that only a real apply would show (awsrules/, docs/aws-rules.md) hold with it.
        for (AwsRule rule : AwsRules.all()) {
            assertThat(rule.problems(synth, settings)).as(rule.id()).isEmpty();
        }

        ThirdServiceTest.assertAddsOnly(stack, committed, synth, WORKER);
    }

    /**
     * "type name" of everything a worker's settings call for: its image repository and guard, its group (to Aurora
     * and HTTPS only), its secret, task (roles, log groups), service, scaling (one scheduled action per window, CPU
     * tracking only), its published taskdef.json and the role its GitHub Actions release it with.
     */
    private static List<String> expectedSlice(StackSettings settings, ServiceSettings worker) {
        String id = settings.namePrefix() + "-" + worker.name();
        List<String> out = new ArrayList<>(List.of(
                "aws:ecr/repository:Repository " + id,
                "aws:ecr/lifecyclePolicy:LifecyclePolicy " + id,
                "aws:ecr/repositoryPolicy:RepositoryPolicy " + id + "-push-guard",
                "aws:ec2/securityGroup:SecurityGroup " + id,
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule " + settings.namePrefix() + "-aurora-from-"
                        + worker.name(),
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule " + id + "-to-aurora",
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule " + id + "-to-https",
                "aws:secretsmanager/secret:Secret " + id + "-sentry-dsn",
                "aws:cloudwatch/logGroup:LogGroup " + id + "-log-router",
                "aws:cloudwatch/logGroup:LogGroup " + id + "-newrelic-infra",
                "aws:iam/role:Role " + id + "-execution",
                "aws:iam/role:Role " + id + "-task",
                "aws:iam/rolePolicy:RolePolicy " + id + "-execution",
                "aws:iam/rolePolicy:RolePolicy " + id + "-execution-sidecars",
                "aws:ecs/taskDefinition:TaskDefinition " + id,
                "aws:ecs/service:Service " + id,
                "platform207:scaling:ScheduledScaling " + worker.name() + "-scaling",
                "aws:appautoscaling/target:Target " + id,
                "aws:appautoscaling/policy:Policy " + id + "-cpu",
                "aws:s3/bucketObjectv2:BucketObjectv2 " + id + "-taskdef.json"));
        for (CapacityWindow window : worker.scaling().windows()) {
            out.add("aws:appautoscaling/scheduledAction:ScheduledAction " + id + "-" + window.name());
        }
        String role = id + (settings.deploy().mode() == DeployMode.PIPELINE ? "-release-push" : "-ci-deploy");
        out.add("aws:iam/role:Role " + role);
        out.add("aws:iam/rolePolicy:RolePolicy " + role);
        return out;
    }

    /** Today's stack file with the fixture merged in. */
    static RawConfig withWorker(String stack, Path dir) {
        return StackFixture.edited(stack, dir, config -> {
            StackFixture.mergeOverlay(config, "worker-service", stack);
        });
    }

    private static SynthesizedResource named(SynthResult synth, String type, String name) {
        return synth.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }
}
