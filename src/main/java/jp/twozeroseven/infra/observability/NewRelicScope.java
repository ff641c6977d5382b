package jp.twozeroseven.infra.observability;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import jp.twozeroseven.infra.observability.alerts.Runbooks;

/**
 * What every New Relic resource needs: its parent and the {@link NewRelicAccount} (explicit provider, account,
 * naming, runbooks).
 */
public record NewRelicScope(Resource parent, NewRelicAccount account) {

    public CustomResourceOptions options() {
        return CustomResourceOptions.builder().parent(parent).provider(account.provider()).build();
    }

    public ProviderResource provider() {
        return account.provider();
    }

    public String accountId() {
        return account.accountId();
    }

    public String stack() {
        return account.stack();
    }

    /** A New Relic object name such as {@code platform-207-prod-api-critical}. */
    public String name(String suffix) {
        return account.namePrefix() + "-" + suffix;
    }

    public String runbookUrl(Runbooks runbook) {
        return account.runbookUrl(runbook.fileName());
    }

    public NewRelicScope child(Resource newParent) {
        return new NewRelicScope(newParent, account);
    }
}
