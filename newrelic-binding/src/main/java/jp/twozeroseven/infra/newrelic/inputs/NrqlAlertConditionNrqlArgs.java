// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** The NRQL block of a NRQL alert condition. */
public final class NrqlAlertConditionNrqlArgs extends com.pulumi.resources.ResourceArgs {

    public static final NrqlAlertConditionNrqlArgs Empty = new NrqlAlertConditionNrqlArgs();

    /** The account to query, if not the condition's account. */
    @Import(name="dataAccountId")
    private /* @Nullable */ Output<String> dataAccountId;

    public Optional<Output<String>> dataAccountId() {
        return Optional.ofNullable(this.dataAccountId);
    }

    /** The NRQL query (no SINCE/UNTIL). */
    @Import(name="query", required=true)
    private Output<String> query;

    public Output<String> query() {
        return this.query;
    }

    private NrqlAlertConditionNrqlArgs() {}

    private NrqlAlertConditionNrqlArgs(NrqlAlertConditionNrqlArgs $) {
        this.dataAccountId = $.dataAccountId;
        this.query = $.query;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(NrqlAlertConditionNrqlArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private NrqlAlertConditionNrqlArgs $;

        public Builder() {
            $ = new NrqlAlertConditionNrqlArgs();
        }

        public Builder(NrqlAlertConditionNrqlArgs defaults) {
            $ = new NrqlAlertConditionNrqlArgs(Objects.requireNonNull(defaults));
        }

        public Builder dataAccountId(/* @Nullable */ Output<String> dataAccountId) {
            $.dataAccountId = dataAccountId;
            return this;
        }

        public Builder dataAccountId(String dataAccountId) {
            return dataAccountId(Output.of(dataAccountId));
        }

        public Builder query(Output<String> query) {
            $.query = query;
            return this;
        }

        public Builder query(String query) {
            return query(Output.of(query));
        }

        public NrqlAlertConditionNrqlArgs build() {
            if ($.query == null) {
                throw new MissingRequiredPropertyException("NrqlAlertConditionNrqlArgs", "query");
            }
            return $;
        }
    }
}
