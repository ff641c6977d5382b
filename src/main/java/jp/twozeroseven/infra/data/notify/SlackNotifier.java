package jp.twozeroseven.infra.data.notify;

import com.pulumi.aws.apigateway.Deployment;
import com.pulumi.aws.apigateway.DeploymentArgs;
import com.pulumi.aws.apigateway.Integration;
import com.pulumi.aws.apigateway.IntegrationArgs;
import com.pulumi.aws.apigateway.IntegrationResponse;
import com.pulumi.aws.apigateway.IntegrationResponseArgs;
import com.pulumi.aws.apigateway.Method;
import com.pulumi.aws.apigateway.MethodSettings;
import com.pulumi.aws.apigateway.MethodSettingsArgs;
import com.pulumi.aws.apigateway.inputs.MethodSettingsSettingsArgs;
import com.pulumi.aws.apigateway.MethodArgs;
import com.pulumi.aws.apigateway.MethodResponse;
import com.pulumi.aws.apigateway.MethodResponseArgs;
import com.pulumi.aws.apigateway.Resource;
import com.pulumi.aws.apigateway.ResourceArgs;
import com.pulumi.aws.apigateway.RestApi;
import com.pulumi.aws.apigateway.RestApiArgs;
import com.pulumi.aws.apigateway.RestApiPolicy;
import com.pulumi.aws.apigateway.RestApiPolicyArgs;
import com.pulumi.aws.apigateway.Stage;
import com.pulumi.aws.apigateway.StageArgs;
import com.pulumi.aws.apigateway.inputs.RestApiEndpointConfigurationArgs;
import com.pulumi.aws.apigateway.inputs.StageAccessLogSettingsArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.data.access.PipelinePolicies;
import jp.twozeroseven.infra.data.orchestration.NotifyEndpoint;
import jp.twozeroseven.infra.data.orchestration.SlackNotificationTemplates;
import jp.twozeroseven.infra.settings.SecretValue;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Slack notifications without Lambda: a REST API whose two POST methods (IAM auth, callable only by the state
 * machine's role) forward to the Slack incoming webhook through an HTTP integration and a mapping template.
 *
 * <p>The webhook URL is the integration's {@code uri}: it is a secret Output, so Pulumi keeps it encrypted in state
 * and the synth shows {@code [secret]}; API Gateway itself stores it in plain text (anyone with
 * {@code apigateway:GET} on the API can read it).
 */
public final class SlackNotifier extends ComponentResource {

    public static final String TYPE = "platform207:data:SlackNotifier";
    public static final String STAGE = "etl";
    public static final String FAILURE_PATH = "/notify/etl-failure";
    public static final String SUMMARY_PATH = "/notify/etl-summary";

    private final RestApi api;
    private final Stage stage;

    /**
     * @param scope               provider, naming and tags of the API and its logs. Required.
     * @param region              the API's region, in the messages' console links. Required.
     * @param stack               the stack named in every message. Required.
     * @param namePrefix          {@code <project>-<stack>}: the access log group is {@code /<prefix>/data/etl-notify-access}
     * @param logRetentionDays    retention of the access and execution log groups
     * @param webhookUrl          the Slack incoming webhook (secret config {@code slackWebhookUrl}). Required.
     * @param stateMachineRoleArn the only principal the API's resource policy admits. Required.
     */
    public record Props(Scope scope, String region, String stack, String namePrefix, int logRetentionDays,
                        SecretValue webhookUrl, Output<String> stateMachineRoleArn) {
        public Props {
            Required.components(Props.class, scope, region, stack, namePrefix, logRetentionDays, webhookUrl,
                    stateMachineRoleArn);
        }
    }

    public SlackNotifier(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        String apiName = scope.name("etl-notify");
        String region = props.region();
        String stack = props.stack();
        Output<String> stateMachineRoleArn = props.stateMachineRoleArn();
        Output<String> webhookUrl = Output.ofSecret(props.webhookUrl().reveal());

        api = new RestApi(apiName, RestApiArgs.builder()
                .name(apiName)
                .description("ETL failure and summary notifications to Slack (no Lambda)")
                .endpointConfiguration(RestApiEndpointConfigurationArgs.builder().types("REGIONAL").build())
                .tags(scope.tags(apiName))
                .build(), scope.options());
        Output<String> policyJson = Output.tuple(api.executionArn(), stateMachineRoleArn)
                .applyValue(t -> PipelinePolicies.notifyApiResourcePolicy(t.t1, t.t2).toJson());
        RestApiPolicy policy = new RestApiPolicy(apiName, RestApiPolicyArgs.builder()
                .restApiId(api.id())
                .policy(policyJson)
                .build(), scope.options());
        Resource notify = new Resource(scope.name("etl-notify-notify"), ResourceArgs.builder()
                .restApi(api.id()).parentId(api.rootResourceId()).pathPart("notify").build(), scope.options());
        Map<String, String> templates = Map.of(FAILURE_PATH, SlackNotificationTemplates.tableFailure(region, stack),
                SUMMARY_PATH, SlackNotificationTemplates.runSummary(region, stack));
        List<com.pulumi.resources.Resource> parts = new ArrayList<>();
        parts.addAll(endpoint(scope, notify, "etl-failure", webhookUrl, templates.get(FAILURE_PATH)));
        parts.addAll(endpoint(scope, notify, "etl-summary", webhookUrl, templates.get(SUMMARY_PATH)));
        // A deployment made before the policy is attached would serve requests under the old (or no) policy.
        parts.add(policy);

        // The webhook is a secret Output, so the whole map stays secret in state; only hashes are in it.
        Output<Map<String, String>> triggers = Output.tuple(webhookUrl, policyJson).applyValue(t ->
                new NotifyDeploymentTriggers(templates, t.t1, integrationSettings(), t.t2).toMap());
        Deployment deployment = new Deployment(scope.name("etl-notify"), DeploymentArgs.builder()
                .restApi(api.id())
                .description("ETL notifications")
                .triggers(triggers)
                .build(), CustomResourceOptions.builder().parent(scope.parent()).provider(scope.aws())
                .dependsOn(parts).build());
        String logName = "/" + props.namePrefix() + "/data/etl-notify-access";
        LogGroup accessLogs = new LogGroup(scope.name("etl-notify-access"), LogGroupArgs.builder()
                .name(logName)
                .retentionInDays(props.logRetentionDays())
                .tags(scope.tags(logName))
                .build(), scope.options());
        // Execution logs go to a group API Gateway names itself; created here so its retention is managed (else
        // API Gateway creates it on first use, kept forever). API Gateway Developer Guide, "Set up CloudWatch
        // logging for REST APIs": API-Gateway-Execution-Logs_{rest-api-id}/{stage-name}.
        Output<String> executionLogName = api.id().applyValue(id -> "API-Gateway-Execution-Logs_" + id + "/" + STAGE);
        LogGroup executionLogs = new LogGroup(scope.name("etl-notify-execution"), LogGroupArgs.builder()
                .name(executionLogName)
                .retentionInDays(props.logRetentionDays())
                .tags(scope.tags(scope.name("etl-notify-execution")))
                .build(), scope.options());
        ApiGatewayAccountLogging accountLogging = new ApiGatewayAccountLogging(scope);
        stage = new Stage(scope.name("etl-notify-" + STAGE), StageArgs.builder()
                .restApi(api.id())
                .deployment(deployment.id())
                .stageName(STAGE)
                .xrayTracingEnabled(true)
                .accessLogSettings(StageAccessLogSettingsArgs.builder()
                        .destinationArn(accessLogs.arn())
                        .format(ACCESS_LOG_FORMAT)
                        .build())
                .tags(scope.tags(STAGE))
                .build(), CustomResourceOptions.merge(scope.options(), CustomResourceOptions.builder()
                .dependsOn(accountLogging.account(), executionLogs).build()));
        // Execution logging of every method (FSBP APIGateway.1 asks for ERROR or INFO). No data trace: it would
        // log the integration request, whose URL is the Slack webhook.
        new MethodSettings(scope.name("etl-notify-" + STAGE + "-logging"), MethodSettingsArgs.builder()
                .restApi(api.id())
                .stageName(stage.stageName())
                .methodPath("*/*")
                .settings(MethodSettingsSettingsArgs.builder()
                        .loggingLevel("INFO").dataTraceEnabled(false).metricsEnabled(true).build())
                .build(), scope.options());
        this.registerOutputs(Map.of("apiId", api.id()));
    }

    static final String AUTHORIZATION = "AWS_IAM";
    static final String INTEGRATION_TYPE = "HTTP";
    static final String PASSTHROUGH = "NEVER";
    static final Map<String, String> REQUEST_PARAMETERS = Map.of("integration.request.header.Content-Type", "'application/json'");
    static final int TIMEOUT_MILLIS = 10000;
    /** Status code → selection pattern; Slack's 4xx/5xx become 502 so the state machine retries and catches them. */
    static final Map<String, String> RESPONSES = Map.of("200", "", "502", "[45]\\d{2}");

    /** Everything about an integration and its responses except uri and template, for the deployment triggers. */
    static Map<String, Object> integrationSettings() {
        Map<String, Object> one = new java.util.TreeMap<>();
        one.put("type", INTEGRATION_TYPE);
        one.put("integrationHttpMethod", "POST");
        one.put("authorization", AUTHORIZATION);
        one.put("passthroughBehavior", PASSTHROUGH);
        one.put("requestParameters", REQUEST_PARAMETERS);
        one.put("timeoutMilliseconds", TIMEOUT_MILLIS);
        one.put("responses", RESPONSES);
        return Map.of(FAILURE_PATH, one, SUMMARY_PATH, one);
    }

    /** One JSON line per request; API Gateway fills in the $context variables. */
    static final String ACCESS_LOG_FORMAT = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
            .put("requestId", "$context.requestId")
            .put("caller", "$context.identity.caller")
            .put("path", "$context.resourcePath")
            .put("status", "$context.status")
            .put("integrationStatus", "$context.integration.status")
            .put("error", "$context.error.message")
            .toString();

    private static List<com.pulumi.resources.Resource> endpoint(Scope scope, Resource parent, String path, Output<String> webhookUrl,
                                                 String template) {
        String base = scope.name("etl-notify-" + path);
        Resource resource = new Resource(base, ResourceArgs.builder()
                .restApi(parent.restApi()).parentId(parent.id()).pathPart(path).build(), scope.options());
        Method method = new Method(base, MethodArgs.builder()
                .restApi(parent.restApi()).resourceId(resource.id()).httpMethod("POST")
                .authorization(AUTHORIZATION)
                .build(), scope.options());
        Integration integration = new Integration(base, IntegrationArgs.builder()
                .restApi(parent.restApi()).resourceId(resource.id()).httpMethod(method.httpMethod())
                .type(INTEGRATION_TYPE)
                .integrationHttpMethod("POST")
                .uri(webhookUrl)
                .passthroughBehavior(PASSTHROUGH)
                .requestParameters(REQUEST_PARAMETERS)
                .requestTemplates(Map.of("application/json", template))
                .timeoutMilliseconds(TIMEOUT_MILLIS)
                .build(), scope.options());
        CustomResourceOptions afterIntegration = CustomResourceOptions.builder().parent(scope.parent())
                .provider(scope.aws()).dependsOn(integration).build();
        List<com.pulumi.resources.Resource> out = new ArrayList<>(List.of(resource, method, integration));
        for (String status : new java.util.TreeSet<>(RESPONSES.keySet())) {
            MethodResponse response = new MethodResponse(base + "-" + status, MethodResponseArgs.builder()
                    .restApi(parent.restApi()).resourceId(resource.id()).httpMethod(method.httpMethod())
                    .statusCode(status).build(), scope.options());
            out.add(new IntegrationResponse(base + "-" + status, IntegrationResponseArgs.builder()
                    .restApi(parent.restApi()).resourceId(resource.id()).httpMethod(method.httpMethod())
                    .statusCode(response.statusCode())
                    .selectionPattern(RESPONSES.get(status))
                    .build(), afterIntegration));
            out.add(response);
        }
        return out;
    }

    /** What the state machine's apigateway:invoke states call. */
    public static NotifyEndpoint endpoint(String apiId, String region) {
        return new NotifyEndpoint(apiId, STAGE, region, FAILURE_PATH, SUMMARY_PATH);
    }

    public RestApi api() {
        return api;
    }

    public Stage stage() {
        return stage;
    }

    /** execute-api ARNs of the two POST methods on the stage, for the state machine's role. */
    public static List<String> invokeArns(String apiExecutionArn) {
        return List.of(apiExecutionArn + "/" + STAGE + "/POST" + FAILURE_PATH, apiExecutionArn + "/" + STAGE + "/POST" + SUMMARY_PATH);
    }
}
