package jp.twozeroseven.infra.observability.deploymarkers;

import com.pulumi.aws.cloudwatch.EventApiDestination;
import com.pulumi.aws.cloudwatch.EventApiDestinationArgs;
import com.pulumi.aws.cloudwatch.EventConnection;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.Statement;
import jp.twozeroseven.infra.settings.SecretKey;
import jp.twozeroseven.infra.support.ApiKeyConnections;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.util.List;
import java.util.Map;

/**
 * Deploy markers without a Lambda: every CodeDeploy deployment of a service that ends (success, failure, stop)
 * becomes a New Relic change-tracking deployment on the service's APM entity. One EventBridge rule per deployment
 * group on CodeDeploy's state-change events, targeting an API destination that POSTs to NerdGraph through a
 * connection holding the New Relic user key ({@link SecretKey#NEW_RELIC_API_KEY}, header {@code API-Key}); the
 * input transformer writes the mutation ({@link DeployMarkerDocuments}).
 */
public final class DeployMarkers {

    /** NerdGraph's API key header (docs.newrelic.com, NerdGraph requirements). */
    static final String API_KEY_HEADER = "API-Key";

    /**
     * @param scope       the AWS provider, naming and tags of the EventBridge resources, parented to the
     *                    observability component
     * @param props       the CodeDeploy application, the user key and the New Relic region
     * @param groups      service → CodeDeploy deployment group name
     * @param entityGuids service → APM entity GUID (the change tracking target)
     */
    public DeployMarkers(Scope scope, DeployMarkersProps props, Map<String, String> groups,
                         Map<String, Output<String>> entityGuids) {
        String application = props.application();
        String name = scope.name("newrelic-deploy-markers");
        EventConnection connection = ApiKeyConnections.create(scope, name,
                "New Relic NerdGraph: CodeDeploy deployments as change-tracking deployment markers", API_KEY_HEADER,
                props.newRelicApiKey());
        EventApiDestination nerdGraph = new EventApiDestination(name, EventApiDestinationArgs.builder()
                .name(name)
                .description("NerdGraph changeTrackingCreateDeployment")
                .invocationEndpoint(DeployMarkerDocuments.nerdGraphUrl(props.region()))
                .httpMethod("POST")
                .invocationRateLimitPerSecond(1)
                .connectionArn(connection.arn())
                .build(), scope.options());
        Role role = ServiceRoles.create(scope, name, "events.amazonaws.com",
                "EventBridge posts CodeDeploy deployments to New Relic as deploy markers");
        new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.id())
                .policy(nerdGraph.arn().applyValue(arn -> PolicyDocument.of(Statement.allow("InvokeNerdGraph",
                        List.of("events:InvokeApiDestination"), List.of(arn))).toJson()))
                .build(), scope.options());
        groups.forEach((service, group) -> {
            Output<String> guid = entityGuids.get(service);
            if (guid == null) {
                return; // a service without SLOs has no APM entity to mark
            }
            Scope serviceScope = scope.forService(service);
            String ruleName = scope.name(service + "-deploy-marker");
            EventRule rule = new EventRule(ruleName, EventRuleArgs.builder()
                    .name(ruleName)
                    .description("A CodeDeploy deployment of " + service + " ended (success, failure or stop)")
                    .eventPattern(DeployMarkerDocuments.eventPattern(application, group))
                    .tags(serviceScope.tags(ruleName))
                    .build(), serviceScope.options());
            new EventTarget(ruleName, EventTargetArgs.builder()
                    .rule(rule.name())
                    .arn(nerdGraph.arn())
                    .roleArn(role.arn())
                    .inputTransformer(EventTargetInputTransformerArgs.builder()
                            .inputPaths(DeployMarkerDocuments.inputPaths())
                            .inputTemplate(guid.applyValue(g -> DeployMarkerDocuments.inputTemplate(g, service)))
                            .build())
                    .build(), serviceScope.options());
        });
    }
}
