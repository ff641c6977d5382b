package jp.twozeroseven.infra.support;

import com.pulumi.aws.cloudwatch.EventConnection;
import com.pulumi.aws.cloudwatch.EventConnectionArgs;
import com.pulumi.aws.cloudwatch.inputs.EventConnectionAuthParametersApiKeyArgs;
import com.pulumi.aws.cloudwatch.inputs.EventConnectionAuthParametersArgs;
import com.pulumi.core.Output;
import jp.twozeroseven.infra.settings.SecretKey;
import jp.twozeroseven.infra.settings.SecretValue;
import jp.twozeroseven.infra.settings.StackSecrets;

/**
 * An EventBridge connection that sends one secret config value as an API-key header, for the Step Functions HTTP
 * tasks and API destinations that post to New Relic. EventBridge keeps the value in a Secrets Manager secret of its
 * own; in Pulumi state it stays a secret output.
 */
public final class ApiKeyConnections {
    private ApiKeyConnections() {
    }

    /**
     * The value of a secret the settings parser already required; its absence here is a bug, not bad input.
     * Called by the composition, which hands the value to the component through its props.
     */
    public static SecretValue required(StackSecrets secrets, SecretKey key) {
        return secrets.get(key).orElseThrow(() -> new IllegalStateException("secret " + key.key()
                + " is not set; the settings parser requires it (pulumi config set --secret <project>:" + key.key() + " ...)"));
    }

    /**
     * @param scope       the caller's child scope: parent and provider of the connection
     * @param name        the connection's logical and physical name
     * @param description shown in the EventBridge console
     * @param header      the HTTP header that carries the key, e.g. {@code Api-Key}
     * @param value       the key; it stays a secret output in state
     */
    public static EventConnection create(Scope scope, String name, String description, String header, SecretValue value) {
        return new EventConnection(name, EventConnectionArgs.builder()
                .name(name)
                .description(description)
                .authorizationType("API_KEY")
                .authParameters(EventConnectionAuthParametersArgs.builder()
                        .apiKey(EventConnectionAuthParametersApiKeyArgs.builder()
                                .key(header)
                                .value(Output.ofSecret(value.reveal()))
                                .build())
                        .build())
                .build(), scope.options());
    }
}
