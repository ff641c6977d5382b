package jp.twozeroseven.infra.observability.deploymarkers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.settings.ObservabilityRegion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of the deploy markers, pure functions: the EventBridge event pattern on CodeDeploy's state changes
 * of one deployment group, and the input transformer that turns such an event into a NerdGraph
 * {@code changeTrackingCreateDeployment} request.
 *
 * <p>The event, as CodeDeploy sends it to EventBridge (docs.aws.amazon.com/eventbridge/latest/ref/events-ref-codedeploy.html;
 * the sample "CodeDeploy Deployment State-change Notification" event): {@code source = aws.codedeploy},
 * {@code detail = {application, deploymentGroup, deploymentId, state, region, instanceGroupId}} with
 * {@code state} START, SUCCESS, FAILURE, STOP or READY. SUCCESS, FAILURE and STOP are the ends of a deployment;
 * an automatic rollback is a new deployment of the same group, so a failed deployment leaves a FAILURE marker and
 * the rollback its own SUCCESS marker.
 *
 * <p>The mutation (docs.newrelic.com/docs/change-tracking/change-tracking-graphql): {@code entityGuid} and
 * {@code version} are required; {@code description} and {@code deploymentType} (BLUE_GREEN) add context. The
 * version is CodeDeploy's deployment id, the one fact every event carries.
 */
public final class DeployMarkerDocuments {

    public static final String SOURCE = "aws.codedeploy";
    public static final String DETAIL_TYPE = "CodeDeploy Deployment State-change Notification";
    public static final List<String> FINAL_STATES = List.of("SUCCESS", "FAILURE", "STOP");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUID = "[A-Za-z0-9+/=]+";

    private DeployMarkerDocuments() {
    }

    /** NerdGraph of the account's data center. */
    public static String nerdGraphUrl(ObservabilityRegion region) {
        return region == ObservabilityRegion.EU ? "https://api.eu.newrelic.com/graphql" : "https://api.newrelic.com/graphql";
    }

    public static String eventPattern(String application, String deploymentGroup) {
        ObjectNode pattern = JSON.createObjectNode();
        pattern.putArray("source").add(SOURCE);
        pattern.putArray("detail-type").add(DETAIL_TYPE);
        ObjectNode detail = pattern.putObject("detail");
        detail.putArray("application").add(application);
        detail.putArray("deploymentGroup").add(deploymentGroup);
        FINAL_STATES.forEach(detail.putArray("state")::add);
        return write(pattern);
    }

    /** EventBridge input paths: the template's placeholders, read from the event. */
    public static Map<String, String> inputPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("deploymentId", "$.detail.deploymentId");
        paths.put("group", "$.detail.deploymentGroup");
        paths.put("state", "$.detail.state");
        return paths;
    }

    /**
     * The request body: {@code {"query": "mutation { changeTrackingCreateDeployment(...) { deploymentId } }"}}.
     * The placeholders sit inside the JSON string, where EventBridge inserts the values as they are; the three
     * values are CodeDeploy identifiers and upper-case states, which contain no quote or backslash.
     */
    public static String inputTemplate(String entityGuid, String service) {
        if (entityGuid == null || !entityGuid.matches(GUID)) {
            throw new IllegalArgumentException("deploy markers need the service's APM entity GUID, got '" + entityGuid + "'");
        }
        if (!service.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("service name '" + service + "' must be lower-case letters, digits and -");
        }
        String mutation = "mutation { changeTrackingCreateDeployment(deployment: {entityGuid: \"" + entityGuid
                + "\", version: \"<deploymentId>\", deploymentType: BLUE_GREEN, description: \"CodeDeploy <state>: "
                + service + " (deployment group <group>)\"}) { deploymentId } }";
        ObjectNode body = JSON.createObjectNode();
        body.put("query", mutation);
        return write(body);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
