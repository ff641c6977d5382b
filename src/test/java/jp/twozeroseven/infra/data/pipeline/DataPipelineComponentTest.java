package jp.twozeroseven.infra.data.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.data.DataPipeline;
import jp.twozeroseven.infra.data.DataPipelineProps;
import jp.twozeroseven.infra.data.PipelineStack;
import jp.twozeroseven.infra.data.image.EtlRepository;
import jp.twozeroseven.infra.data.network.EtlSecurityGroup;
import jp.twozeroseven.infra.settings.SecretValue;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.synth.SynthMode;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.synth.Synthesizer;
import jp.twozeroseven.infra.tagging.StackTags;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data pipeline alone, under the Pulumi test engine, from props written out here: no platform component, no
 * stack composition. The platform's outputs are plain values, and the test checks that the pipeline builds its
 * own ETL repository and security group, uses exactly the values it was given, and registers nothing outside its
 * own tree.
 */
class DataPipelineComponentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VPC = "vpc-0given";
    private static final String DATABASE_SG = "sg-0givendatabase";
    private static final String READER = "given-reader.cluster-custom-x.ap-northeast-1.rds.amazonaws.com";
    private static final List<String> SUBNETS = List.of("subnet-0given1", "subnet-0given2");
    private static final String CLUSTER = "arn:aws:ecs:ap-northeast-1:123456789012:cluster/given-cluster";
    private static final String KEY = "arn:aws:kms:ap-northeast-1:123456789012:key/given-platform-key";
    private static final String LOG_BUCKET = "given-access-logs";
    private static final String LIFECYCLE = "{\"rules\":[{\"rulePriority\":1,\"description\":\"given\","
            + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\","
            + "\"countNumber\":3},\"action\":{\"type\":\"expire\"}}]}";

    private static SynthResult run;

    @BeforeAll
    static void buildThePipelineAlone() {
        // Real, validated pipeline settings (the prod stack's: raw tables, three audiences); everything else by hand.
        StackSettings settings = SynthedStacks.settings("prod");
        run = Synthesizer.synth(jp.twozeroseven.infra.settings.StackFixture.read("prod"), settings, (ctx, s) -> {
            Provider aws = new Provider("aws-test", ProviderArgs.builder().region("ap-northeast-1").build());
            DataPipeline pipeline = new DataPipeline("data-pipeline", props(scope(aws, s), s),
                    ComponentResourceOptions.builder().build());
            pipeline.exports().forEach(ctx::export);
        }, SynthMode.FULL, count -> { });
    }

    /** The one place the test builds a Scope (provider, naming, tags). */
    private static Scope scope(Provider aws, StackSettings s) {
        return Scope.root(aws, s.region(), s.accountId(), s.namePrefix(), s.tier().isProduction(), StackTags.of(s),
                "data-pipeline");
    }

    private static DataPipelineProps props(Scope scope, StackSettings s) {
        return new DataPipelineProps(scope,
                new PipelineStack("prod", "123456789012", "ap-northeast-1", "platform-207-prod", true, 30),
                s.dataPipeline(),
                new DataPipelineProps.Heartbeat("https://insights-collector.newrelic.com/v1/accounts/1234567/events",
                        LocalTime.of(6, 0), Duration.ofMinutes(270)),
                "mon:18:30-mon:19:30", "embulk-given-tag", LIFECYCLE,
                new SecretValue("https://hooks.slack.com/services/T0/B0/given"), new SecretValue("given-ingest-key"),
                new DataPipelineProps.Platform(Output.of(VPC), Output.of(SUBNETS), Output.of(CLUSTER),
                        Output.of(READER), 5432, "given_db", Output.of(DATABASE_SG), Output.of(KEY),
                        Output.of(LOG_BUCKET)));
    }

    private static SynthesizedResource one(String type) {
        List<SynthesizedResource> found = run.ofType(type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static SynthesizedResource named(String type, String name) {
        return run.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + name));
    }

    @Test
    void everythingItRegistersIsInsideItsOwnTree() {
        String pipeline = "urn:pulumi:prod::platform-207::platform207:data:DataPipeline::data-pipeline";
        assertThat(run.resources()).filteredOn(r -> !r.isStack() && !r.isProvider())
                .allSatisfy(r -> assertThat(r.urn()).startsWith("urn:pulumi:prod::platform-207::platform207:data:DataPipeline"))
                .noneSatisfy(r -> assertThat(r.type()).startsWith("platform207:app:"));
        assertThat(one("platform207:data:DataPipeline").urn()).isEqualTo(pipeline);
    }

    @Test
    void itOwnsTheEtlRepositoryWithTheLifecycleItWasGiven() {
        SynthesizedResource repo = one("aws:ecr/repository:Repository");
        assertThat(repo.urn()).isEqualTo("urn:pulumi:prod::platform-207::platform207:data:DataPipeline"
                + "$aws:ecr/repository:Repository::platform-207-prod-embulk");
        assertThat(repo.inputs().get("name").asText()).isEqualTo("platform-207-prod-embulk");
        assertThat(repo.inputs().get("imageTagMutability").asText()).isEqualTo("IMMUTABLE");
        assertThat(repo.inputs().at("/encryptionConfigurations/0/kmsKey").asText()).isEqualTo(KEY);
        assertThat(repo.options().protect()).as("protected in production").isTrue();
        assertThat(repo.options().aliases()).contains("urn:pulumi:prod::platform-207::platform207:app:AppPlatform"
                + "$platform207:registry:Registries$aws:ecr/repository:Repository::platform-207-prod-embulk");
        SynthesizedResource lifecycle = one("aws:ecr/lifecyclePolicy:LifecyclePolicy");
        assertThat(lifecycle.inputs().get("policy").asText()).isEqualTo(LIFECYCLE);
        assertThat(lifecycle.options().aliases()).contains(EtlRepository.FORMER_PARENT.urn("prod", "platform-207")
                .replace("::registries", "$aws:ecr/lifecyclePolicy:LifecyclePolicy::platform-207-prod-embulk"));
    }

    @Test
    void itOwnsTheTasksSecurityGroupAndTheRuleOnTheDatabaseGroupThatAdmitsIt() {
        SynthesizedResource group = one("aws:ec2/securityGroup:SecurityGroup");
        assertThat(group.name()).isEqualTo("platform-207-prod-etl");
        assertThat(group.inputs().get("vpcId").asText()).isEqualTo(VPC);
        SynthesizedResource ingress = one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assertThat(ingress.name()).isEqualTo("platform-207-prod-aurora-from-etl");
        assertThat(ingress.inputs().get("securityGroupId").asText()).isEqualTo(DATABASE_SG);
        assertThat(ingress.inputs().get("fromPort").asInt()).isEqualTo(5432);
        assertThat(ingress.propertyDependencies().get("referencedSecurityGroupId")).containsExactly(group.urn());
        SynthesizedResource toAurora = named("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                "platform-207-prod-etl-to-aurora");
        assertThat(toAurora.inputs().get("referencedSecurityGroupId").asText()).isEqualTo(DATABASE_SG);
        assertThat(run.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")).hasSize(2);
        String former = EtlSecurityGroup.FORMER_PARENT.urn("prod", "platform-207").replace("::security-groups", "");
        for (SynthesizedResource r : List.of(group, ingress, toAurora)) {
            assertThat(r.options().aliases()).contains(former + "$" + r.type() + "::" + r.name());
        }
    }

    @Test
    void theStateMachineRunsTheTasksWhereItWasTold() throws Exception {
        SynthesizedResource etl = named("aws:sfn/stateMachine:StateMachine", "platform-207-prod-etl");
        String definition = etl.inputs().get("definition").asText();
        JsonNode tree = JSON.readTree(definition);
        assertThat(tree.toString()).contains(CLUSTER, SUBNETS.get(0), SUBNETS.get(1));
        assertThat(etl.propertyDependencies().get("definition"))
                .contains(one("aws:ec2/securityGroup:SecurityGroup").urn());
    }

    @Test
    void theExportUsesTheGivenImageTagDatabaseAndBuckets() {
        assertThat(named("aws:ecs/taskDefinition:TaskDefinition", "platform-207-prod-embulk").inputs()
                .get("containerDefinitions").asText()).contains("platform-207-prod-embulk:embulk-given-tag");
        assertThat(run.ofType("aws:s3/bucketObjectv2:BucketObjectv2"))
                .filteredOn(r -> r.name().startsWith("platform-207-prod-embulk-config-"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.inputs().get("content").asText()).contains(READER, "given_db"));
        assertThat(run.ofType("aws:s3/bucketLoggingV2:BucketLoggingV2"))
                .hasSize(3).allSatisfy(r -> assertThat(r.inputs().get("targetBucket").asText()).isEqualTo(LOG_BUCKET));
        assertThat(run.outputs().get("etlRepositoryUrl").asText()).endsWith("/platform-207-prod-embulk");
    }
}
