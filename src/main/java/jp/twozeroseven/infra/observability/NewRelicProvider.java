package jp.twozeroseven.infra.observability;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.newrelic.Provider;
import jp.twozeroseven.infra.newrelic.ProviderArgs;
import jp.twozeroseven.infra.settings.ObservabilitySettings;
import jp.twozeroseven.infra.settings.SecretKey;
import jp.twozeroseven.infra.settings.StackSettings;

/**
 * The explicit New Relic provider: account and region from settings, never from whoever runs the CLI. The API
 * key comes from the secret config {@code newRelicApiKey}; without it the provider plugin reads
 * {@code NEW_RELIC_API_KEY} from the environment itself.
 */
public final class NewRelicProvider {

    private NewRelicProvider() {
    }

    public static Provider create(StackSettings settings) {
        ObservabilitySettings observability = settings.observability();
        var args = ProviderArgs.builder()
                .accountId(observability.newRelicAccountId())
                .region(observability.region().name());
        settings.secrets().get(SecretKey.NEW_RELIC_API_KEY).ifPresent(key -> args.apiKey(Output.ofSecret(key.reveal())));
        return new Provider("newrelic-" + observability.region().name().toLowerCase(java.util.Locale.ROOT), args.build());
    }
}
