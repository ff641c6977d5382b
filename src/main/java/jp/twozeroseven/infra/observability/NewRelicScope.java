package jp.twozeroseven.infra.observability;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import jp.twozeroseven.infra.settings.ObservabilitySettings;

/**
 * What every New Relic resource needs: its parent, the explicit New Relic provider (never the AWS one), the
 * account and the stack's name prefix.
 */
public record NewRelicScope(Resource parent, ProviderResource provider, ObservabilitySettings settings,
                            String namePrefix, String stack) {

    public CustomResourceOptions options() {
        return CustomResourceOptions.builder().parent(parent).provider(provider).build();
    }

    public String accountId() {
        return settings.newRelicAccountId();
    }

    /** A New Relic object name such as {@code platform-207-prod-api-critical}. */
    public String name(String suffix) {
        return namePrefix + "-" + suffix;
    }

    public NewRelicScope child(Resource newParent) {
        return new NewRelicScope(newParent, provider, settings, namePrefix, stack);
    }
}
