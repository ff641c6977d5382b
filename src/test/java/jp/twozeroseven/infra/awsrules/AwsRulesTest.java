package jp.twozeroseven.infra.awsrules;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.platform.registry.Registries;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every AWS rule holds for both stacks; each rule also catches the breakage it exists for. */
class AwsRulesTest {

    static Stream<Arguments> rulesAndStacks() {
        return AwsRules.all().stream().flatMap(rule -> Stream.of("prod", "stg").map(s -> Arguments.of(rule.id(), s)));
    }

    @ParameterizedTest(name = "{0} holds for {1}")
    @MethodSource("rulesAndStacks")
    void everyRuleHoldsForEveryStack(String id, String stack) {
        AwsRule rule = AwsRules.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        assertThat(rule.source()).startsWith("https://");
        assertThat(rule.problems(SynthedStacks.synth(stack), SynthedStacks.settings(stack))).isEmpty();
    }

    @Test
    void ruleIdsAreUnique() {
        assertThat(AwsRules.all()).extracting(AwsRule::id).doesNotHaveDuplicates();
    }

    @Test
    void theOldLifecyclePolicyExpiredTheInitialImage() throws Exception {
        // Before: one "keep the last 50 release-*" rule, which selects release-initial and expires it as the 51st.
        var old = new ObjectMapper().readTree("""
                {"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","tagPrefixList":["release-"],
                "countType":"imageCountMoreThan","countNumber":50},"action":{"type":"expire"}}]}""");
        assertThat(EcrLifecycleKeepsInitialImage.keeps(old, "release-initial")).isFalse();
        assertThat(EcrLifecycleKeepsInitialImage.keeps(
                new ObjectMapper().readTree(Registries.lifecyclePolicy("release-", 50)), "release-initial")).isTrue();
    }

    @Test
    void aLoggingStageWithoutTheAccountRoleIsCaught() {
        SynthResult stg = SynthedStacks.synth("stg");
        SynthResult withoutAccount = new SynthResult(stg.project(), stg.stack(), stg.mode(),
                stg.resources().stream().filter(r -> !r.type().equals("aws:apigateway/account:Account")).toList(),
                stg.outputs());
        assertThat(new ApiGatewayAccountLoggingRole().problems(withoutAccount, SynthedStacks.settings("stg")))
                .anyMatch(p -> p.contains("does not depend on the account's CloudWatch role"));
    }

    @Test
    void aDistributionThatDoesNotWaitForTheLogBucketAclsIsCaught() {
        SynthResult prod = SynthedStacks.synth("prod");
        List<SynthesizedResource> changed = new ArrayList<>();
        for (SynthesizedResource r : prod.resources()) {
            changed.add(!r.type().equals("aws:cloudfront/distribution:Distribution") ? r
                    : new SynthesizedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(),
                    r.inputs(), r.dependencies(), r.propertyDependencies(),
                    new SynthesizedResource.ResourceOptions(false, false, List.of(), List.of(), false, List.of())));
        }
        assertThat(new CloudFrontLoggingAfterBucketAcls().problems(
                new SynthResult(prod.project(), prod.stack(), prod.mode(), changed, prod.outputs()),
                SynthedStacks.settings("prod"))).anyMatch(p -> p.contains("before the bucket accepts ACLs"));
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                Arguments.of(new VpcFlowLogsEnabled(), "aws:ec2/flowLog:FlowLog", "no flow log"),
                Arguments.of(new ApiGatewayExecutionLoggingAndTracing(), "aws:apigateway/methodSettings:MethodSettings",
                        "APIGateway.1"),
                Arguments.of(new ServiceLogGroupsRetained(), "aws:cloudwatch/logGroup:LogGroup", "postgresql"),
                Arguments.of(new LogBucketsExpire(),
                        "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "alb-logs"),
                Arguments.of(new WafOnEntryPoints(), "aws:wafv2/webAclAssociation:WebAclAssociation",
                        "not associated with a web ACL"),
                Arguments.of(new WafOnEntryPoints(),
                        "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "not logged"),
                Arguments.of(new CodeDeployOwnedServiceFields(), "aws:s3/bucketObjectv2:BucketObjectv2",
                        "no appspec.yaml found for it"));
    }

    @ParameterizedTest(name = "{0} catches a stack without {1}")
    @MethodSource("breakages")
    void eachRuleCatchesTheStackWithoutItsFix(AwsRule rule, String removedType, String message) {
        for (String stack : List.of("prod", "stg")) {
            assertThat(rule.problems(without(SynthedStacks.synth(stack), removedType), SynthedStacks.settings(stack)))
                    .as(stack).anyMatch(p -> p.contains(message));
        }
    }

    @Test
    void aRepositoryWithoutItsPushGuardIsCaught() {
        SynthResult stg = SynthedStacks.synth("stg");
        assertThat(new EcrPushOnlyByReleaseRole().problems(without(stg, "aws:ecr/repositoryPolicy:RepositoryPolicy"),
                // every repository: the services', the ETL image's and the sidecar mirrors'
                SynthedStacks.settings("stg"))).filteredOn(p -> p.contains("may push to it"))
                .hasSize(SynthedStacks.ofType("stg", "aws:ecr/repository:Repository").size());
        // prod (pipeline mode): the services' release roles, bound to the GitHub environment prod, and the ETL image
        SynthResult prod = SynthedStacks.synth("prod");
        assertThat(new EcrPushOnlyByReleaseRole().problems(without(prod, "aws:ecr/repositoryPolicy:RepositoryPolicy"),
                SynthedStacks.settings("prod"))).contains(
                "repository platform-207-prod-api: others than arn:aws:iam::123456789012:role/platform-207-prod-api-release-push may push to it",
                "repository platform-207-prod-embulk: others than arn:aws:iam::123456789012:role/platform-207-prod-pulumi-deploy may push to it",
                "repository platform-207-prod-web: others than arn:aws:iam::123456789012:role/platform-207-prod-pulumi-deploy may rewrite its policy");
        assertThat(new EcrPushOnlyByReleaseRole().problems(without(prod, "aws:iam/role:Role"),
                SynthedStacks.settings("prod"))).contains("release role platform-207-prod-web-release-push does not exist");
    }

    @Test
    void aCiRoleThatCannotPushIsCaught() throws Exception {
        SynthResult stg = SynthedStacks.synth("stg");
        var mapper = new ObjectMapper();
        List<SynthesizedResource> changed = new ArrayList<>();
        for (SynthesizedResource r : stg.resources()) {
            if (r.type().equals("aws:iam/rolePolicy:RolePolicy") && r.name().endsWith("-ci-deploy")) {
                var doc = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(r.inputs().path("policy").asText());
                var kept = mapper.createArrayNode();
                doc.path("Statement").forEach(st -> {
                    if (!st.path("Sid").asText().equals("PushServiceImage")) {
                        kept.add(st);
                    }
                });
                doc.set("Statement", kept);
                var inputs = r.inputs().deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) inputs).put("policy", doc.toString());
                r = new SynthesizedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(), inputs,
                        r.dependencies(), r.propertyDependencies(), r.options());
            }
            changed.add(r);
        }
        assertThat(new CiRolesCanPushImages().problems(new SynthResult(stg.project(), stg.stack(), stg.mode(), changed,
                stg.outputs()), SynthedStacks.settings("stg"))).anyMatch(p -> p.contains("cannot push the api image"));
    }

    @Test
    void anAdminHostThatAnswersWithoutCloudFrontIsCaught() {
        for (String stack : List.of("prod", "stg")) {
            SynthResult synth = SynthedStacks.synth(stack);
            var settings = SynthedStacks.settings(stack);
            String host = settings.cdn().albOriginDomain().orElseThrow();
            // no 403 rule: requests without the header fall through to the listener's default
            SynthResult noDeny = new SynthResult(synth.project(), synth.stack(), synth.mode(), synth.resources().stream()
                    .filter(r -> !r.name().endsWith("-web-cloudfront-only")).toList(), synth.outputs());
            assertThat(new AlbOriginAnswersCloudFrontOnly().problems(noDeny, settings))
                    .containsExactly("no rule at priority 21 answers " + host + " 403 without X-Origin-Verify "
                            + "(the listener's default would answer instead)");
            // the production rule forwards without checking the header
            SynthResult open = edited(synth, r -> r.name().endsWith("-web-production"), inputs -> {
                var conditions = (com.fasterxml.jackson.databind.node.ArrayNode) inputs.get("conditions");
                conditions.remove(1);
            });
            assertThat(new AlbOriginAnswersCloudFrontOnly().problems(open, settings))
                    .anyMatch(p -> p.equals("rule platform-207-" + stack + "-web-production forwards " + host
                            + " without X-Origin-Verify"));
            // CloudFront does not send it, or sends it under a name it may not add
            SynthResult silent = edited(synth, r -> r.type().equals("aws:cloudfront/distribution:Distribution"),
                    inputs -> ((com.fasterxml.jackson.databind.node.ObjectNode) inputs.get("origins").get(1))
                            .remove("customHeaders"));
            assertThat(new AlbOriginAnswersCloudFrontOnly().problems(silent, settings))
                    .anyMatch(p -> p.contains("sends no X-Origin-Verify to its ALB origin " + host));
            SynthResult forbidden = edited(synth, r -> r.type().equals("aws:cloudfront/distribution:Distribution"),
                    inputs -> ((com.fasterxml.jackson.databind.node.ObjectNode) inputs.get("origins").get(1)
                            .get("customHeaders").get(0)).put("name", "X-Amz-Origin-Verify"));
            assertThat(new AlbOriginAnswersCloudFrontOnly().problems(forbidden, settings))
                    .anyMatch(p -> p.contains("CloudFront cannot add X-Amz-Origin-Verify"));
        }
    }

    private static SynthResult edited(SynthResult stack, java.util.function.Predicate<SynthesizedResource> which,
                                      java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) {
        List<SynthesizedResource> changed = new ArrayList<>();
        for (SynthesizedResource r : stack.resources()) {
            if (which.test(r)) {
                var inputs = (com.fasterxml.jackson.databind.node.ObjectNode) r.inputs().deepCopy();
                edit.accept(inputs);
                r = new SynthesizedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(), inputs,
                        r.dependencies(), r.propertyDependencies(), r.options());
            }
            changed.add(r);
        }
        return new SynthResult(stack.project(), stack.stack(), stack.mode(), changed, stack.outputs());
    }

    private static SynthResult without(SynthResult stack, String type) {
        return new SynthResult(stack.project(), stack.stack(), stack.mode(),
                stack.resources().stream().filter(r -> !r.type().equals(type)).toList(), stack.outputs());
    }

    @Test
    void theCloudFrontWebAclIsCreatedInUsEast1AndTheDistributionUsesIt() {
        for (String stack : List.of("prod", "stg")) {
            SynthResult result = SynthedStacks.synth(stack);
            SynthesizedResource acl = result.ofType("aws:wafv2/webAcl:WebAcl").stream()
                    .filter(a -> a.inputs().path("scope").asText().equals("CLOUDFRONT")).findFirst().orElseThrow();
            assertThat(acl.provider()).contains("pulumi:providers:aws::aws-us-east-1::");
            SynthesizedResource distribution = result.ofType("aws:cloudfront/distribution:Distribution").get(0);
            assertThat(distribution.propertyDependencies().get("webAclId")).containsExactly(acl.urn());
        }
    }

    @Test
    void bothDeployModesCarryAnAppSpecPerServiceWithItsNetworkAndCapacityProviders() {
        for (String stack : List.of("prod", "stg")) {
            var specs = CodeDeployOwnedServiceFields.appSpecs(SynthedStacks.synth(stack));
            assertThat(specs).containsOnlyKeys(SynthedStacks.settings(stack).services().stream()
                    .map(jp.twozeroseven.infra.settings.ServiceSettings::name).toList());
            assertThat(specs.get("api").path("Resources").path(0).path("TargetService").path("Properties")
                    .path("NetworkConfiguration").path("AwsvpcConfiguration").path("AssignPublicIp").asText())
                    .isEqualTo("DISABLED");
        }
    }

    @Test
    void anHttpTaskWithTheOlderAuthenticationFieldOrNoConnectionIsCaught() throws Exception {
        // call-https-apis.html: an HTTP Task requires an EventBridge connection, in InvocationConfig.ConnectionArn.
        var mapper = new ObjectMapper();
        assertThat(SfnHttpTaskConnection.problem(mapper.readTree(
                "{\"InvocationConfig\":{\"ConnectionArn\":\"arn:aws:events:ap-northeast-1:1:connection/a/b\"}}")))
                .isNull();
        assertThat(SfnHttpTaskConnection.problem(mapper.readTree(
                "{\"Authentication\":{\"ConnectionArn\":\"arn:aws:events:ap-northeast-1:1:connection/a/b\"}}")))
                .contains("Authentication.ConnectionArn");
        assertThat(SfnHttpTaskConnection.problem(mapper.readTree("{\"ApiEndpoint\":\"https://x\"}")))
                .contains("no InvocationConfig.ConnectionArn");
        for (String stack : List.of("prod", "stg")) {
            SynthResult result = SynthedStacks.synth(stack);
            List<SynthesizedResource> changed = new ArrayList<>();
            for (SynthesizedResource r : result.resources()) {
                if (r.type().equals("aws:sfn/stateMachine:StateMachine")) {
                    String definition = r.inputs().path("definition").asText()
                            .replace("\"InvocationConfig\"", "\"Authentication\"");
                    var inputs = (com.fasterxml.jackson.databind.node.ObjectNode) r.inputs().deepCopy();
                    inputs.put("definition", definition);
                    r = new SynthesizedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(),
                            inputs, r.dependencies(), r.propertyDependencies(), r.options());
                }
                changed.add(r);
            }
            assertThat(new SfnHttpTaskConnection().problems(new SynthResult(result.project(), result.stack(),
                    result.mode(), changed, result.outputs()), SynthedStacks.settings(stack)))
                    .as(stack).anyMatch(p -> p.contains("ReportHeartbeat") && p.contains("Authentication"));
            assertThat(new SfnHttpTaskConnection().problems(
                    without(result, SfnHttpTaskConnection.CONNECTION_TYPE), SynthedStacks.settings(stack)))
                    .as(stack).anyMatch(p -> p.contains("does not depend on"));
        }
    }

    @Test
    void aClusterOnAnUnlistedVersionOrOneThatWouldUndoMinorUpgradesIsCaught() {
        for (String stack : List.of("prod", "stg")) {
            SynthResult result = SynthedStacks.synth(stack);
            List<SynthesizedResource> changed = new ArrayList<>();
            for (SynthesizedResource r : result.resources()) {
                if (r.type().equals("aws:rds/cluster:Cluster")) {
                    var inputs = (com.fasterxml.jackson.databind.node.ObjectNode) r.inputs().deepCopy();
                    inputs.put("engineVersion", "16.99");
                    var o = r.options();
                    r = new SynthesizedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(),
                            inputs, r.dependencies(), r.propertyDependencies(),
                            new SynthesizedResource.ResourceOptions(o.protect(), o.retainOnDelete(), List.of(),
                                    o.dependsOn(), o.deleteBeforeReplace(), o.aliases()));
                } else if (r.type().equals("aws:rds/clusterInstance:ClusterInstance")) {
                    var inputs = (com.fasterxml.jackson.databind.node.ObjectNode) r.inputs().deepCopy();
                    inputs.put("autoMinorVersionUpgrade", false);
                    r = new SynthesizedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(),
                            inputs, r.dependencies(), r.propertyDependencies(), r.options());
                }
                changed.add(r);
            }
            assertThat(new AuroraMinorVersionsOffered().problems(new SynthResult(result.project(), result.stack(),
                    result.mode(), changed, result.outputs()), SynthedStacks.settings(stack)))
                    .as(stack)
                    .anyMatch(p -> p.contains("16.99 is not listed"))
                    .anyMatch(p -> p.contains("does not ignore engineVersion"))
                    .anyMatch(p -> p.contains("autoMinorVersionUpgrade is off"));
        }
    }

    @Test
    void dockerHubSidecarsAMissingMirrorOrAnExecutionRoleThatCannotPullThemAreCaught() throws Exception {
        // docs.docker.com/docker-hub/usage/: 10 unauthenticated pulls per hour per IPv4 address; the images the
        // tasks named before: newrelic/newrelic-fluentbit-output:2.0.0 and newrelic/nri-ecs:1.12.18 (Docker Hub).
        var mapper = new ObjectMapper();
        for (String stack : List.of("prod", "stg")) {
            SynthResult result = SynthedStacks.synth(stack);
            var settings = SynthedStacks.settings(stack);
            List<SynthesizedResource> dockerHub = new ArrayList<>();
            for (SynthesizedResource r : result.resources()) {
                if (r.type().equals("aws:ecs/taskDefinition:TaskDefinition")
                        && r.inputs().path("containerDefinitions").asText().contains("newrelic-infra")) {
                    var containers = (com.fasterxml.jackson.databind.node.ArrayNode)
                            mapper.readTree(r.inputs().path("containerDefinitions").asText());
                    containers.forEach(c -> {
                        if (c.path("name").asText().equals("newrelic-infra")) {
                            ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("image", "newrelic/nri-ecs:1.12.18");
                        }
                    });
                    var inputs = (com.fasterxml.jackson.databind.node.ObjectNode) r.inputs().deepCopy();
                    inputs.put("containerDefinitions", containers.toString());
                    r = new SynthesizedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(),
                            inputs, r.dependencies(), r.propertyDependencies(), r.options());
                }
                dockerHub.add(r);
            }
            TaskImagesFromOwnRegistry rule = new TaskImagesFromOwnRegistry();
            assertThat(rule.problems(new SynthResult(result.project(), result.stack(), result.mode(), dockerHub,
                    result.outputs()), settings)).as(stack).hasSize(2)
                    .allMatch(p -> p.contains("newrelic/nri-ecs:1.12.18") && p.contains("not a repository:tag"));
            SynthResult noMirrors = new SynthResult(result.project(), result.stack(), result.mode(),
                    result.resources().stream().filter(r -> !(r.type().equals("aws:ecr/repository:Repository")
                            && r.name().contains("-sidecar-"))).toList(), result.outputs());
            assertThat(rule.problems(noMirrors, settings)).as(stack).hasSize(4)
                    .allMatch(p -> p.contains("-sidecar-") && p.contains("is not one this stack creates"));
            SynthResult noGrant = new SynthResult(result.project(), result.stack(), result.mode(),
                    result.resources().stream().filter(r -> !r.name().endsWith("-execution-sidecars")).toList(),
                    result.outputs());
            assertThat(rule.problems(noGrant, settings)).as(stack).hasSize(4)
                    .allMatch(p -> p.contains("the execution role may not pull from") && p.contains("-sidecar-"));
        }
    }
}
