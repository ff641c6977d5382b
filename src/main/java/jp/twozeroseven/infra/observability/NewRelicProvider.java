package jp.twozeroseven.infra.observability;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.newrelic.Provider;
import jp.twozeroseven.infra.newrelic.ProviderArgs;
import jp.twozeroseven.infra.settings.ObservabilityRegion;
import jp.twozeroseven.infra.settings.SecretValue;

import java.util.Locale;
import java.util.Optional;

/**
 * The explicit New Relic provider: account and region from the stack file, never from whoever runs the CLI. The
 * API key is the secret config {@code newRelicApiKey}; without it the provider plugin reads
 * {@code NEW_RELIC_API_KEY} from the environment itself.
 */
public final class NewRelicProvider {

    private NewRelicProvider() {
    }

    /** The provider named {@code newrelic-<region>}, e.g. {@code newrelic-us}. */
    public static Provider create(String accountId, ObservabilityRegion region, Optional<SecretValue> apiKey) {
        var args = ProviderArgs.builder()
                .accountId(accountId)
                .region(region.name());
        apiKey.ifPresent(key -> args.apiKey(Output.ofSecret(key.reveal())));
        return new Provider("newrelic-" + region.name().toLowerCase(Locale.ROOT), args.build());
    }
}
