package jp.twozeroseven.infra.data.access;

/**
 * What the state machine's HTTP task touches to post the New Relic heartbeat: the one endpoint it may call, the
 * EventBridge connection and the Secrets Manager secret EventBridge keeps that connection's key in.
 *
 * @param stateMachineArn     the state machine itself: {@code states:InvokeHTTPEndpoint} is authorized on it
 * @param endpoint            the exact Event API URL the task POSTs to
 * @param connectionArn       the EventBridge connection
 * @param connectionSecretArn the connection's secret, see {@link #connectionSecretArn}
 */
public record HeartbeatHttpAccess(String stateMachineArn, String endpoint, String connectionArn, String connectionSecretArn) {

    public HeartbeatHttpAccess {
        require("state machine ARN", stateMachineArn, "arn:aws:states:[a-z0-9-]+:\\d{12}:stateMachine:[A-Za-z0-9_-]+");
        require("heartbeat endpoint", endpoint, "https://[a-z0-9.-]+/[^\\s*?]*");
        require("EventBridge connection ARN", connectionArn, "arn:aws:events:[a-z0-9-]+:\\d{12}:connection/[A-Za-z0-9._-]+/[A-Za-z0-9-]+");
        require("connection secret ARN", connectionSecretArn,
                "arn:aws:secretsmanager:[a-z0-9-]+:\\d{12}:secret:events!connection/[A-Za-z0-9._-]+/\\*");
    }

    /**
     * EventBridge names a connection's secret {@code events!connection/<connection name>/<id>}; the id is only
     * known after creation (and changes if the connection is replaced), so the grant covers exactly the secrets of
     * this one connection name.
     */
    public static String connectionSecretArn(String region, String account, String connectionName) {
        return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:events!connection/" + connectionName + "/*";
    }

    /** The state machine's ARN from its name, known before it exists (its role's policy must exist first). */
    public static String stateMachineArn(String region, String account, String name) {
        return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
    }

    private static void require(String what, String value, String pattern) {
        if (value == null || !value.matches(pattern)) {
            throw new IllegalArgumentException(what + " '" + value + "' does not have the expected shape " + pattern);
        }
    }
}
