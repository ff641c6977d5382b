package jp.twozeroseven.infra.platform.deploy.documents;

import java.util.List;

/** A lifecycle hook of an ECS deployment: the Lambda function CodeDeploy invokes at that event. */
public record AppSpecHook(String event, String lambdaFunction) {

    /** The hook events CodeDeploy supports for the ECS compute platform, in the order they run. */
    public static final List<String> ECS_EVENTS = List.of(
            "BeforeInstall", "AfterInstall", "AfterAllowTestTraffic", "BeforeAllowTraffic", "AfterAllowTraffic");

    public AppSpecHook {
        if (!ECS_EVENTS.contains(event)) {
            throw new IllegalArgumentException("appspec hook event '" + event + "' is not an ECS hook; use one of " + ECS_EVENTS);
        }
        if (lambdaFunction == null || lambdaFunction.isBlank()) {
            throw new IllegalArgumentException("appspec hook " + event + " names no Lambda function");
        }
    }
}
