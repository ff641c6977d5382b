package jp.twozeroseven.infra.platform.deploy;

import jp.twozeroseven.infra.testsupport.SynthedStacks;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static jp.twozeroseven.infra.testsupport.SynthedStacks.json;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.named;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.ofType;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.settings;
import static org.assertj.core.api.Assertions.assertThat;

class BlueGreenDeploymentsTest {

    private static final String GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void servicesAndListenerRulesIgnoreExactlyWhatDeploymentsOwn(String stack) {
        List<SynthesizedResource> services = ofType(stack, "aws:ecs/service:Service");
        int count = settings(stack).services().size();
        assertThat(services).hasSize(count).allSatisfy(s -> {
            // The last three: UpdateService cannot change them under CODE_DEPLOY (hashicorp/terraform-provider-aws#8005,
            // pulumi/pulumi-aws#1961) and CodeDeploy resets them from the AppSpec (aws/containers-roadmap#1752).
            assertThat(s.options().ignoreChanges()).containsExactly("taskDefinition", "loadBalancers", "desiredCount",
                    "capacityProviderStrategies", "networkConfiguration", "platformVersion");
            assertThat(s.inputs().at("/deploymentController/type").asText()).isEqualTo("CODE_DEPLOY");
        });
        // CodeDeploy rewrites the forward rules, a production and a test rule per service; the 403 rule of the
        // CloudFront-only host forwards nowhere and is Pulumi's alone (platform/origin/CloudFrontOnly).
        assertThat(ofType(stack, "aws:lb/listenerRule:ListenerRule")).hasSize(2 * count + 1);
        assertThat(ofType(stack, "aws:lb/listenerRule:ListenerRule"))
                .filteredOn(r -> r.inputs().at("/actions/0/type").asText().equals("forward")).hasSize(2 * count)
                .allSatisfy(r -> assertThat(r.options().ignoreChanges()).containsExactly("actions"));
        assertThat(ofType(stack, "aws:lb/listenerRule:ListenerRule"))
                .filteredOn(r -> !r.inputs().at("/actions/0/type").asText().equals("forward")).singleElement()
                .satisfies(r -> assertThat(r.options().ignoreChanges()).isEmpty());
    }

    @Test
    void prodGroupsShiftHttpsTrafficBetweenBlueAndGreenAfterTheTestListener() {
        for (String service : serviceNames("prod")) {
            JsonNode group = named("prod", GROUP, "platform-207-prod-" + service).inputs();
            assertThat(group.at("/appName").asText()).isEqualTo("platform-207-prod-services");
            assertThat(group.at("/deploymentStyle/deploymentType").asText()).isEqualTo("BLUE_GREEN");
            assertThat(group.at("/deploymentStyle/deploymentOption").asText()).isEqualTo("WITH_TRAFFIC_CONTROL");
            assertThat(group.at("/deploymentConfigName").asText()).isEqualTo("CodeDeployDefault.ECSCanary10Percent5Minutes");
            assertThat(group.at("/blueGreenDeploymentConfig/terminateBlueInstancesOnDeploymentSuccess/terminationWaitTimeInMinutes")
                    .asInt()).isEqualTo(30);
            JsonNode pair = group.at("/loadBalancerInfo/targetGroupPairInfo");
            assertThat(texts(pair.at("/targetGroups"), "name")).containsExactly(
                    "platform-207-prod-" + service + "-blue", "platform-207-prod-" + service + "-green");
            assertThat(pair.at("/prodTrafficRoute/listenerArns/0").asText()).contains("listener/app/platform-207-prod-alb-https/");
            assertThat(pair.at("/testTrafficRoute/listenerArns/0").asText()).contains("listener/app/platform-207-prod-alb-test/");
            assertThat(group.at("/ecsService/serviceName").asText()).isEqualTo("platform-207-prod-" + service);
        }
    }

    @Test
    void stagingDeploysAllAtOnceWithItsOwnTerminationWait() {
        JsonNode group = named("stg", GROUP, "platform-207-stg-api").inputs();
        assertThat(group.at("/deploymentConfigName").asText()).isEqualTo("CodeDeployDefault.ECSAllAtOnce");
        assertThat(group.at("/blueGreenDeploymentConfig/terminateBlueInstancesOnDeploymentSuccess/terminationWaitTimeInMinutes")
                .asInt()).isEqualTo(5);
    }

    @Test
    void groupsRollBackOnFailureAndOnTheirAlarms() {
        JsonNode group = named("prod", GROUP, "platform-207-prod-api").inputs();
        assertThat(group.at("/autoRollbackConfiguration/enabled").asBoolean()).isTrue();
        assertThat(texts(group.at("/autoRollbackConfiguration/events"), null))
                .containsExactlyInAnyOrder("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM");
        assertThat(group.at("/alarmConfiguration/enabled").asBoolean()).isTrue();
        List<String> alarms = texts(group.at("/alarmConfiguration/alarms"), null);
        assertThat(alarms).containsExactly("platform-207-prod-api-blue-5xx-rate",
                "platform-207-prod-api-blue-unhealthy-hosts", "platform-207-prod-api-green-5xx-rate",
                "platform-207-prod-api-green-unhealthy-hosts");
        List<String> declared = ofType("prod", "aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .map(a -> a.inputs().path("name").asText()).toList();
        assertThat(declared).containsAll(alarms);
    }

    @Test
    void errorRateAlarmDividesTargetErrorsByRequestsOfItsOwnTargetGroup() {
        JsonNode alarm = named("prod", "aws:cloudwatch/metricAlarm:MetricAlarm",
                "platform-207-prod-api-green-5xx-rate").inputs();
        JsonNode queries = alarm.at("/metricQueries");
        assertThat(texts(queries, "id")).containsExactly("errors", "requests", "rate");
        assertThat(queries.at("/0/metric/metricName").asText()).isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(queries.at("/0/metric/dimensions/TargetGroup").asText())
                .isEqualTo("targetgroup/platform-207-prod-api-green/0123456789abcdef");
        assertThat(queries.at("/2/expression").asText()).isEqualTo("IF(requests > 0, 100 * errors / requests, 0)");
        assertThat(alarm.at("/treatMissingData").asText()).isEqualTo("notBreaching");
        JsonNode unhealthy = named("prod", "aws:cloudwatch/metricAlarm:MetricAlarm",
                "platform-207-prod-api-blue-unhealthy-hosts").inputs();
        assertThat(unhealthy.at("/metricName").asText()).isEqualTo("UnHealthyHostCount");
        assertThat(unhealthy.at("/dimensions/LoadBalancer").asText()).isEqualTo("app/platform-207-prod-alb/0123456789abcdef");
    }

    @Test
    void codeDeployRoleIsTrustedOnlyByCodeDeployOfThisAccount() {
        JsonNode role = named("prod", "aws:iam/role:Role", "platform-207-prod-api-codedeploy").inputs();
        JsonNode trust = json(role.at("/assumeRolePolicy"));
        assertThat(trust.at("/Statement/0/Principal/Service/0").asText()).isEqualTo("codedeploy.amazonaws.com");
        assertThat(trust.at("/Statement/0/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("123456789012");
        // Not AWS's managed AWSCodeDeployRoleForECS, which passes any ECS task role and creates task sets anywhere.
        assertThat(ofType("prod", "aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .noneSatisfy(a -> assertThat(a.inputs().path("policyArn").asText())
                        .isEqualTo(BlueGreenDeployments.CODEDEPLOY_ECS_POLICY));
        assertThat(ofType("prod", "aws:codedeploy/application:Application")).singleElement()
                .satisfies(a -> assertThat(a.inputs().path("computePlatform").asText()).isEqualTo("ECS"));
    }

    @Test
    void eachServicesCodeDeployRolePassesOnlyThatServicesRolesAndTouchesOnlyThatService() {
        for (String stack : List.of("prod", "stg")) {
            for (String service : serviceNames(stack)) {
                String prefix = "platform-207-" + stack + "-";
                String account = settings(stack).accountId();
                JsonNode policy = json(named(stack, "aws:iam/rolePolicy:RolePolicy", prefix + service + "-codedeploy")
                        .inputs().path("policy"));
                JsonNode pass = null;
                JsonNode taskSets = null;
                for (JsonNode st : policy.path("Statement")) {
                    if (st.path("Sid").asText().equals("PassThisServicesRoles")) {
                        pass = st;
                    }
                    if (st.path("Sid").asText().equals("TaskSetsOfThisService")) {
                        taskSets = st;
                    }
                }
                assertThat(texts(pass.path("Resource"), null)).containsExactly(
                        "arn:aws:iam::" + account + ":role/" + prefix + service + "-execution",
                        "arn:aws:iam::" + account + ":role/" + prefix + service + "-task");
                assertThat(pass.at("/Condition/StringEquals/iam:PassedToService").asText()).isEqualTo("ecs-tasks.amazonaws.com");
                assertThat(texts(taskSets.path("Resource"), null)).allMatch(r -> r.contains("/" + prefix + service));
                assertThat(policy.toString()).doesNotContain("etl");
            }
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
        return out;
    }

    private static List<String> serviceNames(String stack) {
        return settings(stack).services().stream().map(jp.twozeroseven.infra.settings.ServiceSettings::name).toList();
    }
}
