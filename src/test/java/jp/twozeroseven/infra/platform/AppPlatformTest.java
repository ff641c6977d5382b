package jp.twozeroseven.infra.platform;

import jp.twozeroseven.infra.testsupport.SynthedStacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The app platform as the engine would receive it, for the inputs that matter. */
class AppPlatformTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void subnetsSpanTheThreeTokyoZones(String stack) {
        SynthResult r = SynthedStacks.synth(stack);
        List<SynthesizedResource> subnets = r.ofType("aws:ec2/subnet:Subnet");
        assertThat(subnets).hasSize(6);
        assertThat(subnets).extracting(s -> s.inputs().get("availabilityZone").asText()).containsOnly(
                "ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d");
        assertThat(subnets).allSatisfy(s -> assertThat(s.inputs().get("mapPublicIpOnLaunch").asBoolean()).isFalse());
    }

    @Test
    void productionHasANatGatewayPerZoneAndStagingOne() {
        assertThat(SynthedStacks.synth("prod").ofType("aws:ec2/natGateway:NatGateway")).hasSize(3);
        assertThat(SynthedStacks.synth("stg").ofType("aws:ec2/natGateway:NatGateway")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void endpointsKeepImagePullsLogsAndSecretsOffNat(String stack) {
        assertThat(SynthedStacks.synth(stack).ofType("aws:ec2/vpcEndpoint:VpcEndpoint"))
                .extracting(e -> e.inputs().get("serviceName").asText())
                .containsExactlyInAnyOrder("com.amazonaws.ap-northeast-1.s3", "com.amazonaws.ap-northeast-1.ecr.api",
                        "com.amazonaws.ap-northeast-1.ecr.dkr", "com.amazonaws.ap-northeast-1.logs",
                        "com.amazonaws.ap-northeast-1.secretsmanager");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void noContainerGetsASecretThroughPlainEnvironment(String stack) throws Exception {
        for (SynthesizedResource td : SynthedStacks.synth(stack).ofType("aws:ecs/taskDefinition:TaskDefinition",
                "platform207:service:AppService")) {
            JsonNode containers = JSON.readTree(td.inputs().get("containerDefinitions").asText());
            assertThat(containers).hasSize(3);
            for (JsonNode c : containers) {
                for (JsonNode env : c.path("environment")) {
                    assertThat(env.get("name").asText()).doesNotContainPattern("PASSWORD|SECRET|TOKEN|DSN|LICENSE");
                }
            }
            JsonNode app = StreamSupport.stream(containers.spliterator(), false)
                    .filter(c -> c.get("name").asText().equals(td.inputs().get("family").asText()
                            .replace("platform-207-" + stack + "-", ""))).findFirst().orElseThrow();
            assertThat(app.get("readonlyRootFilesystem").asBoolean()).isTrue();
            assertThat(app.get("secrets")).extracting(s -> s.get("name").asText())
                    .contains("SENTRY_DSN", "DATABASE_PASSWORD", "NEW_RELIC_LICENSE_KEY");
            assertThat(app.get("logConfiguration").get("logDriver").asText()).isEqualTo("awsfirelens");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void httpsListenersUseATls12OrLaterPolicyAndHttpOnlyRedirects(String stack) {
        List<SynthesizedResource> listeners = SynthedStacks.synth(stack).ofType("aws:lb/listener:Listener");
        assertThat(listeners).hasSize(3);
        for (SynthesizedResource l : listeners) {
            if (l.inputs().get("protocol").asText().equals("HTTPS")) {
                assertThat(l.inputs().get("sslPolicy").asText()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
            } else {
                assertThat(l.inputs().at("/defaultActions/0/type").asText()).isEqualTo("redirect");
            }
        }
        SynthesizedResource alb = SynthedStacks.synth(stack).ofType("aws:lb/loadBalancer:LoadBalancer").get(0);
        assertThat(alb.inputs().get("dropInvalidHeaderFields").asBoolean()).isTrue();
        assertThat(alb.inputs().get("enableDeletionProtection").asBoolean()).isEqualTo(stack.equals("prod"));
        assertThat(alb.inputs().at("/accessLogs/enabled").asBoolean()).isTrue();
    }

    @Test
    void theProductionDatabaseIsEncryptedProtectedAndSpreadOverZones() {
        SynthResult prod = SynthedStacks.synth("prod");
        SynthesizedResource cluster = prod.ofType("aws:rds/cluster:Cluster").get(0);
        assertThat(cluster.inputs().get("storageEncrypted").asBoolean()).isTrue();
        assertThat(cluster.inputs().get("kmsKeyId").asText()).startsWith("arn:aws:kms:");
        assertThat(cluster.inputs().get("manageMasterUserPassword").asBoolean()).isTrue();
        assertThat(cluster.inputs().has("masterPassword")).isFalse();
        assertThat(cluster.inputs().get("deletionProtection").asBoolean()).isTrue();
        assertThat(cluster.inputs().get("skipFinalSnapshot").asBoolean()).isFalse();
        assertThat(cluster.options().protect()).isTrue();
        assertThat(prod.ofType("aws:rds/clusterInstance:ClusterInstance"))
                .extracting(i -> i.inputs().get("availabilityZone").asText())
                .containsExactlyInAnyOrder("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d");
        assertThat(prod.ofType("aws:rds/clusterInstance:ClusterInstance"))
                .allSatisfy(i -> assertThat(i.inputs().get("publiclyAccessible").asBoolean()).isFalse());
    }

    @Test
    void stagingDataStoresAreNotProtectedSoTheStackCanBeRebuilt() {
        assertThat(SynthedStacks.synth("stg").ofType("aws:rds/cluster:Cluster").get(0).options().protect()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void onlyTheLoadBalancerTakesTrafficFromTheInternetAndOnlyOn80And443(String stack) {
        SynthResult r = SynthedStacks.synth(stack);
        String albGroup = r.ofType("aws:ec2/securityGroup:SecurityGroup").stream()
                .filter(g -> g.name().endsWith("-alb")).findFirst().orElseThrow().urn();
        for (SynthesizedResource rule : r.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
            assertThat(rule.inputs().get("description").asText()).isNotBlank();
            boolean fromInternet = rule.inputs().path("cidrIpv4").asText().equals("0.0.0.0/0")
                    || rule.inputs().path("cidrIpv6").asText().equals("::/0");
            if (fromInternet) {
                assertThat(rule.propertyDependencies().get("securityGroupId")).containsExactly(albGroup);
                assertThat(rule.inputs().get("fromPort").asInt()).isIn(80, 443);
            }
        }
        List<SynthesizedResource> auroraIngress = r.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .stream().filter(x -> x.name().contains("aurora-from-")).toList();
        // every service and the ETL tasks, each through its own rule
        assertThat(auroraIngress).extracting(SynthesizedResource::name).containsExactlyInAnyOrderElementsOf(
                clients(stack, "etl").stream().map(c -> "platform-207-" + stack + "-aurora-from-" + c).toList());
        assertThat(auroraIngress).allSatisfy(x -> assertThat(x.inputs().has("cidrIpv4")).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void repositoriesScanOnPushAreImmutableAndKeepReleases(String stack) {
        List<SynthesizedResource> repos = SynthedStacks.synth(stack).ofType("aws:ecr/repository:Repository");
        List<String> expected = new java.util.ArrayList<>(clients(stack, jp.twozeroseven.infra.data.image.EtlRepository.IMAGE));
        jp.twozeroseven.infra.platform.registry.SidecarImages.pinned().images().forEach(i -> expected.add("sidecar-" + i.name()));
        assertThat(repos).extracting(SynthesizedResource::name).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(c -> "platform-207-" + stack + "-" + c).toList());
        assertThat(repos).allSatisfy(repo -> {
            assertThat(repo.inputs().get("imageTagMutability").asText()).isEqualTo("IMMUTABLE");
            assertThat(repo.inputs().at("/imageScanningConfiguration/scanOnPush").asBoolean()).isTrue();
            assertThat(repo.options().protect()).isEqualTo(stack.equals("prod"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void everyTaggedResourceNamesItsServiceAndTheProviderCarriesTheStackTags(String stack) throws Exception {
        SynthResult r = SynthedStacks.synth(stack);
        JsonNode defaults = JSON.readTree(r.ofType("pulumi:providers:aws").get(0).inputs().get("defaultTags").asText());
        assertThat(defaults.get("tags").fieldNames()).toIterable().containsExactlyInAnyOrder("Project", "Environment",
                "Service", "Owner", "CostCenter", "ManagedBy");
        assertThat(defaults.at("/tags/Environment").asText()).isEqualTo(stack);
        assertThat(defaults.at("/tags/ManagedBy").asText()).isEqualTo("pulumi");
        for (SynthesizedResource res : r.resources()) {
            if (res.inputs().has("tags")) {
                assertThat(res.inputs().get("tags").fieldNames()).toIterable().as(res.urn()).contains("Service", "Name");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void servicesLeaveDeploymentOwnedFieldsToCodeDeploy(String stack) {
        for (SynthesizedResource service : SynthedStacks.synth(stack).ofType("aws:ecs/service:Service")) {
            assertThat(service.options().ignoreChanges()).containsExactlyInAnyOrder("taskDefinition",
                    "loadBalancers", "desiredCount", "capacityProviderStrategies", "networkConfiguration",
                    "platformVersion");
            assertThat(service.inputs().at("/deploymentController/type").asText()).isEqualTo("CODE_DEPLOY");
            assertThat(service.inputs().at("/networkConfiguration/assignPublicIp").asBoolean()).isFalse();
        }
        assertThat(SynthedStacks.synth(stack).ofType("aws:lb/listenerRule:ListenerRule"))
                .filteredOn(rule -> rule.inputs().at("/actions/0/type").asText().equals("forward")).hasSize(4)
                .allSatisfy(rule -> assertThat(rule.options().ignoreChanges()).containsExactly("actions"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void logGroupsHaveARetention(String stack) {
        assertThat(SynthedStacks.synth(stack).ofType("aws:cloudwatch/logGroup:LogGroup"))
                .allSatisfy(g -> assertThat(g.inputs().get("retentionInDays").asInt()).isIn(Set.of(30, 365)));
    }

    /** Every service of the stack's settings, and {@code etl}: what each one-per-client resource is named after. */
    private static List<String> clients(String stack, String etl) {
        List<String> out = new java.util.ArrayList<>(SynthedStacks.settings(stack).services().stream()
                .map(jp.twozeroseven.infra.settings.ServiceSettings::name).toList());
        out.add(etl);
        return out;
    }
}
