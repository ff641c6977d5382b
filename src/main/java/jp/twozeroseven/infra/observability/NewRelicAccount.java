package jp.twozeroseven.infra.observability;

import com.pulumi.resources.ProviderResource;
import jp.twozeroseven.infra.settings.ObservabilityRegion;
import jp.twozeroseven.infra.support.Required;

/**
 * Where and under which names New Relic resources are registered: the explicit provider (never the AWS one), the
 * account and region, the stack's name prefix and the base URL of the runbooks.
 *
 * @param accountId      the New Relic account id, digits as a string (the provider takes it as a string)
 * @param namePrefix     the stack's prefix of every New Relic object name, e.g. {@code platform-207-prod}
 * @param stack          the stack name, in APM app names and NRQL filters
 * @param runbookBaseUrl where {@code docs/runbooks/*.md} are browsable, ending with "/"
 */
public record NewRelicAccount(ProviderResource provider, String accountId, ObservabilityRegion region,
                              String namePrefix, String stack, String runbookBaseUrl) {

    public NewRelicAccount {
        Required.components(NewRelicAccount.class, provider, accountId, region, namePrefix, stack, runbookBaseUrl);
        if (!accountId.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("New Relic account id '" + accountId + "' must be digits");
        }
        if (!runbookBaseUrl.endsWith("/")) {
            throw new IllegalArgumentException("runbook base URL '" + runbookBaseUrl + "' must end with /");
        }
    }

    /** The browsable URL of one runbook, e.g. {@code .../docs/runbooks/error-rate.md}. */
    public String runbookUrl(String runbook) {
        return runbookBaseUrl + "docs/runbooks/" + runbook + ".md";
    }
}
