// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Boolean;
import java.lang.Double;
import java.lang.Integer;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;
import jp.twozeroseven.infra.newrelic.inputs.NrqlAlertConditionCriticalArgs;
import jp.twozeroseven.infra.newrelic.inputs.NrqlAlertConditionNrqlArgs;
import jp.twozeroseven.infra.newrelic.inputs.NrqlAlertConditionWarningArgs;

/** The arguments for constructing a NrqlAlertCondition resource. */
public final class NrqlAlertConditionArgs extends com.pulumi.resources.ResourceArgs {

    public static final NrqlAlertConditionArgs Empty = new NrqlAlertConditionArgs();

    /** The New Relic account ID; a string in the provider schema. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** Seconds to wait for late data (event_flow); a string in the schema. */
    @Import(name="aggregationDelay")
    private /* @Nullable */ Output<String> aggregationDelay;

    public Optional<Output<String>> aggregationDelay() {
        return Optional.ofNullable(this.aggregationDelay);
    }

    /** cadence, event_flow or event_timer. */
    @Import(name="aggregationMethod")
    private /* @Nullable */ Output<String> aggregationMethod;

    public Optional<Output<String>> aggregationMethod() {
        return Optional.ofNullable(this.aggregationMethod);
    }

    /** Seconds to wait after the last data point (event_timer); a string in the schema. */
    @Import(name="aggregationTimer")
    private /* @Nullable */ Output<String> aggregationTimer;

    public Optional<Output<String>> aggregationTimer() {
        return Optional.ofNullable(this.aggregationTimer);
    }

    /** Aggregation window in seconds. */
    @Import(name="aggregationWindow")
    private /* @Nullable */ Output<Integer> aggregationWindow;

    public Optional<Output<Integer>> aggregationWindow() {
        return Optional.ofNullable(this.aggregationWindow);
    }

    /** Close open incidents when the signal is lost. */
    @Import(name="closeViolationsOnExpiration")
    private /* @Nullable */ Output<Boolean> closeViolationsOnExpiration;

    public Optional<Output<Boolean>> closeViolationsOnExpiration() {
        return Optional.ofNullable(this.closeViolationsOnExpiration);
    }

    /** The critical threshold. */
    @Import(name="critical")
    private /* @Nullable */ Output<NrqlAlertConditionCriticalArgs> critical;

    public Optional<Output<NrqlAlertConditionCriticalArgs>> critical() {
        return Optional.ofNullable(this.critical);
    }

    /** The incident description template. */
    @Import(name="description")
    private /* @Nullable */ Output<String> description;

    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    /** Whether the condition is enabled. */
    @Import(name="enabled")
    private /* @Nullable */ Output<Boolean> enabled;

    public Optional<Output<Boolean>> enabled() {
        return Optional.ofNullable(this.enabled);
    }

    /** Seconds without data before the signal is considered lost. */
    @Import(name="expirationDuration")
    private /* @Nullable */ Output<Integer> expirationDuration;

    public Optional<Output<Integer>> expirationDuration() {
        return Optional.ofNullable(this.expirationDuration);
    }

    /** none, last_value or static. */
    @Import(name="fillOption")
    private /* @Nullable */ Output<String> fillOption;

    public Optional<Output<String>> fillOption() {
        return Optional.ofNullable(this.fillOption);
    }

    /** The value used when fill_option is static. */
    @Import(name="fillValue")
    private /* @Nullable */ Output<Double> fillValue;

    public Optional<Output<Double>> fillValue() {
        return Optional.ofNullable(this.fillValue);
    }

    /** The condition name. */
    @Import(name="name")
    private /* @Nullable */ Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** The NRQL query. */
    @Import(name="nrql", required=true)
    private Output<NrqlAlertConditionNrqlArgs> nrql;

    public Output<NrqlAlertConditionNrqlArgs> nrql() {
        return this.nrql;
    }

    /** Open an incident when the signal is lost. */
    @Import(name="openViolationOnExpiration")
    private /* @Nullable */ Output<Boolean> openViolationOnExpiration;

    public Optional<Output<Boolean>> openViolationOnExpiration() {
        return Optional.ofNullable(this.openViolationOnExpiration);
    }

    /** The ID of the policy this condition belongs to. */
    @Import(name="policyId", required=true)
    private Output<String> policyId;

    public Output<String> policyId() {
        return this.policyId;
    }

    /** The runbook URL shown on incidents. */
    @Import(name="runbookUrl")
    private /* @Nullable */ Output<String> runbookUrl;

    public Optional<Output<String>> runbookUrl() {
        return Optional.ofNullable(this.runbookUrl);
    }

    /** Sliding-window step in seconds. */
    @Import(name="slideBy")
    private /* @Nullable */ Output<Integer> slideBy;

    public Optional<Output<Integer>> slideBy() {
        return Optional.ofNullable(this.slideBy);
    }

    /** The incident title template. */
    @Import(name="titleTemplate")
    private /* @Nullable */ Output<String> titleTemplate;

    public Optional<Output<String>> titleTemplate() {
        return Optional.ofNullable(this.titleTemplate);
    }

    /** static, baseline or outlier. */
    @Import(name="type")
    private /* @Nullable */ Output<String> type;

    public Optional<Output<String>> type() {
        return Optional.ofNullable(this.type);
    }

    /** Seconds after which an open incident is force-closed. */
    @Import(name="violationTimeLimitSeconds")
    private /* @Nullable */ Output<Integer> violationTimeLimitSeconds;

    public Optional<Output<Integer>> violationTimeLimitSeconds() {
        return Optional.ofNullable(this.violationTimeLimitSeconds);
    }

    /** The warning threshold. */
    @Import(name="warning")
    private /* @Nullable */ Output<NrqlAlertConditionWarningArgs> warning;

    public Optional<Output<NrqlAlertConditionWarningArgs>> warning() {
        return Optional.ofNullable(this.warning);
    }

    private NrqlAlertConditionArgs() {}

    private NrqlAlertConditionArgs(NrqlAlertConditionArgs $) {
        this.accountId = $.accountId;
        this.aggregationDelay = $.aggregationDelay;
        this.aggregationMethod = $.aggregationMethod;
        this.aggregationTimer = $.aggregationTimer;
        this.aggregationWindow = $.aggregationWindow;
        this.closeViolationsOnExpiration = $.closeViolationsOnExpiration;
        this.critical = $.critical;
        this.description = $.description;
        this.enabled = $.enabled;
        this.expirationDuration = $.expirationDuration;
        this.fillOption = $.fillOption;
        this.fillValue = $.fillValue;
        this.name = $.name;
        this.nrql = $.nrql;
        this.openViolationOnExpiration = $.openViolationOnExpiration;
        this.policyId = $.policyId;
        this.runbookUrl = $.runbookUrl;
        this.slideBy = $.slideBy;
        this.titleTemplate = $.titleTemplate;
        this.type = $.type;
        this.violationTimeLimitSeconds = $.violationTimeLimitSeconds;
        this.warning = $.warning;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(NrqlAlertConditionArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private NrqlAlertConditionArgs $;

        public Builder() {
            $ = new NrqlAlertConditionArgs();
        }

        public Builder(NrqlAlertConditionArgs defaults) {
            $ = new NrqlAlertConditionArgs(Objects.requireNonNull(defaults));
        }

        public Builder accountId(/* @Nullable */ Output<String> accountId) {
            $.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder aggregationDelay(/* @Nullable */ Output<String> aggregationDelay) {
            $.aggregationDelay = aggregationDelay;
            return this;
        }

        public Builder aggregationDelay(String aggregationDelay) {
            return aggregationDelay(Output.of(aggregationDelay));
        }

        public Builder aggregationMethod(/* @Nullable */ Output<String> aggregationMethod) {
            $.aggregationMethod = aggregationMethod;
            return this;
        }

        public Builder aggregationMethod(String aggregationMethod) {
            return aggregationMethod(Output.of(aggregationMethod));
        }

        public Builder aggregationTimer(/* @Nullable */ Output<String> aggregationTimer) {
            $.aggregationTimer = aggregationTimer;
            return this;
        }

        public Builder aggregationTimer(String aggregationTimer) {
            return aggregationTimer(Output.of(aggregationTimer));
        }

        public Builder aggregationWindow(/* @Nullable */ Output<Integer> aggregationWindow) {
            $.aggregationWindow = aggregationWindow;
            return this;
        }

        public Builder aggregationWindow(Integer aggregationWindow) {
            return aggregationWindow(Output.of(aggregationWindow));
        }

        public Builder closeViolationsOnExpiration(/* @Nullable */ Output<Boolean> closeViolationsOnExpiration) {
            $.closeViolationsOnExpiration = closeViolationsOnExpiration;
            return this;
        }

        public Builder closeViolationsOnExpiration(Boolean closeViolationsOnExpiration) {
            return closeViolationsOnExpiration(Output.of(closeViolationsOnExpiration));
        }

        public Builder critical(/* @Nullable */ Output<NrqlAlertConditionCriticalArgs> critical) {
            $.critical = critical;
            return this;
        }

        public Builder critical(NrqlAlertConditionCriticalArgs critical) {
            return critical(Output.of(critical));
        }

        public Builder description(/* @Nullable */ Output<String> description) {
            $.description = description;
            return this;
        }

        public Builder description(String description) {
            return description(Output.of(description));
        }

        public Builder enabled(/* @Nullable */ Output<Boolean> enabled) {
            $.enabled = enabled;
            return this;
        }

        public Builder enabled(Boolean enabled) {
            return enabled(Output.of(enabled));
        }

        public Builder expirationDuration(/* @Nullable */ Output<Integer> expirationDuration) {
            $.expirationDuration = expirationDuration;
            return this;
        }

        public Builder expirationDuration(Integer expirationDuration) {
            return expirationDuration(Output.of(expirationDuration));
        }

        public Builder fillOption(/* @Nullable */ Output<String> fillOption) {
            $.fillOption = fillOption;
            return this;
        }

        public Builder fillOption(String fillOption) {
            return fillOption(Output.of(fillOption));
        }

        public Builder fillValue(/* @Nullable */ Output<Double> fillValue) {
            $.fillValue = fillValue;
            return this;
        }

        public Builder fillValue(Double fillValue) {
            return fillValue(Output.of(fillValue));
        }

        public Builder name(/* @Nullable */ Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder nrql(Output<NrqlAlertConditionNrqlArgs> nrql) {
            $.nrql = nrql;
            return this;
        }

        public Builder nrql(NrqlAlertConditionNrqlArgs nrql) {
            return nrql(Output.of(nrql));
        }

        public Builder openViolationOnExpiration(/* @Nullable */ Output<Boolean> openViolationOnExpiration) {
            $.openViolationOnExpiration = openViolationOnExpiration;
            return this;
        }

        public Builder openViolationOnExpiration(Boolean openViolationOnExpiration) {
            return openViolationOnExpiration(Output.of(openViolationOnExpiration));
        }

        public Builder policyId(Output<String> policyId) {
            $.policyId = policyId;
            return this;
        }

        public Builder policyId(String policyId) {
            return policyId(Output.of(policyId));
        }

        public Builder runbookUrl(/* @Nullable */ Output<String> runbookUrl) {
            $.runbookUrl = runbookUrl;
            return this;
        }

        public Builder runbookUrl(String runbookUrl) {
            return runbookUrl(Output.of(runbookUrl));
        }

        public Builder slideBy(/* @Nullable */ Output<Integer> slideBy) {
            $.slideBy = slideBy;
            return this;
        }

        public Builder slideBy(Integer slideBy) {
            return slideBy(Output.of(slideBy));
        }

        public Builder titleTemplate(/* @Nullable */ Output<String> titleTemplate) {
            $.titleTemplate = titleTemplate;
            return this;
        }

        public Builder titleTemplate(String titleTemplate) {
            return titleTemplate(Output.of(titleTemplate));
        }

        public Builder type(/* @Nullable */ Output<String> type) {
            $.type = type;
            return this;
        }

        public Builder type(String type) {
            return type(Output.of(type));
        }

        public Builder violationTimeLimitSeconds(/* @Nullable */ Output<Integer> violationTimeLimitSeconds) {
            $.violationTimeLimitSeconds = violationTimeLimitSeconds;
            return this;
        }

        public Builder violationTimeLimitSeconds(Integer violationTimeLimitSeconds) {
            return violationTimeLimitSeconds(Output.of(violationTimeLimitSeconds));
        }

        public Builder warning(/* @Nullable */ Output<NrqlAlertConditionWarningArgs> warning) {
            $.warning = warning;
            return this;
        }

        public Builder warning(NrqlAlertConditionWarningArgs warning) {
            return warning(Output.of(warning));
        }

        public NrqlAlertConditionArgs build() {
            if ($.nrql == null) {
                throw new MissingRequiredPropertyException("NrqlAlertConditionArgs", "nrql");
            }
            if ($.policyId == null) {
                throw new MissingRequiredPropertyException("NrqlAlertConditionArgs", "policyId");
            }
            return $;
        }
    }
}
