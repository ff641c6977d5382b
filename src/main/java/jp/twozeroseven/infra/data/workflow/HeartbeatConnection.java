package jp.twozeroseven.infra.data.workflow;

import com.pulumi.aws.cloudwatch.EventConnection;
import com.pulumi.core.Output;
import jp.twozeroseven.infra.settings.SecretKey;
import jp.twozeroseven.infra.settings.SecretValue;
import jp.twozeroseven.infra.support.ApiKeyConnections;
import jp.twozeroseven.infra.support.Scope;

/**
 * The EventBridge connection through which the ETL's and the heartbeat checker's HTTP tasks authenticate to New Relic's Event API:
 * API_KEY authorization that adds the {@code Api-Key} header with the license (ingest) key.
 *
 * <p>The key comes from the secret config {@link SecretKey#NEW_RELIC_INGEST_KEY} as a secret Output, so Pulumi
 * encrypts it in state and the synth shows {@code [secret]}; EventBridge stores it in its own Secrets Manager
 * secret ({@code events!connection/<name>/...}) that only the state machine's role may read.
 */
final class HeartbeatConnection {

    /** New Relic's Event API takes a license key in this header (a legacy Insert key would need X-Insert-Key). */
    static final String API_KEY_HEADER = "Api-Key";

    private final String name;
    private final EventConnection connection;

    /** @param ingestKey the value of the secret config {@link SecretKey#NEW_RELIC_INGEST_KEY} */
    HeartbeatConnection(Scope scope, SecretValue ingestKey) {
        name = scope.name("etl-newrelic-heartbeat");
        connection = ApiKeyConnections.create(scope, name,
                "New Relic Event API: the ETL's EtlRunSucceeded and EtlHeartbeatCheck events", API_KEY_HEADER,
                ingestKey);
    }

    String name() {
        return name;
    }

    Output<String> arn() {
        return connection.arn();
    }
}
