// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** A condition that takes part in a compound condition. */
public final class AlertCompoundConditionComponentConditionArgs extends com.pulumi.resources.ResourceArgs {

    public static final AlertCompoundConditionComponentConditionArgs Empty = new AlertCompoundConditionComponentConditionArgs();

    /** The alias used in the trigger expression. */
    @Import(name="alias", required=true)
    private Output<String> alias;

    public Output<String> alias() {
        return this.alias;
    }

    /** The ID of the component condition. */
    @Import(name="id", required=true)
    private Output<String> id;

    public Output<String> id() {
        return this.id;
    }

    private AlertCompoundConditionComponentConditionArgs() {}

    private AlertCompoundConditionComponentConditionArgs(AlertCompoundConditionComponentConditionArgs $) {
        this.alias = $.alias;
        this.id = $.id;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(AlertCompoundConditionComponentConditionArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private AlertCompoundConditionComponentConditionArgs $;

        public Builder() {
            $ = new AlertCompoundConditionComponentConditionArgs();
        }

        public Builder(AlertCompoundConditionComponentConditionArgs defaults) {
            $ = new AlertCompoundConditionComponentConditionArgs(Objects.requireNonNull(defaults));
        }

        public Builder alias(Output<String> alias) {
            $.alias = alias;
            return this;
        }

        public Builder alias(String alias) {
            return alias(Output.of(alias));
        }

        public Builder id(Output<String> id) {
            $.id = id;
            return this;
        }

        public Builder id(String id) {
            return id(Output.of(id));
        }

        public AlertCompoundConditionComponentConditionArgs build() {
            if ($.alias == null) {
                throw new MissingRequiredPropertyException("AlertCompoundConditionComponentConditionArgs", "alias");
            }
            if ($.id == null) {
                throw new MissingRequiredPropertyException("AlertCompoundConditionComponentConditionArgs", "id");
            }
            return $;
        }
    }
}
