// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A destination of a workflow. */
public final class WorkflowDestinationArgs extends com.pulumi.resources.ResourceArgs {

    public static final WorkflowDestinationArgs Empty = new WorkflowDestinationArgs();

    /** The notification channel ID. */
    @Import(name="channelId", required=true)
    private Output<String> channelId;

    public Output<String> channelId() {
        return this.channelId;
    }

    /** ACTIVATED, ACKNOWLEDGED, PRIORITY_CHANGED, CLOSED, OTHER_UPDATES. */
    @Import(name="notificationTriggers")
    private /* @Nullable */ Output<List<String>> notificationTriggers;

    public Optional<Output<List<String>>> notificationTriggers() {
        return Optional.ofNullable(this.notificationTriggers);
    }

    private WorkflowDestinationArgs() {}

    private WorkflowDestinationArgs(WorkflowDestinationArgs $) {
        this.channelId = $.channelId;
        this.notificationTriggers = $.notificationTriggers;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(WorkflowDestinationArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private WorkflowDestinationArgs $;

        public Builder() {
            $ = new WorkflowDestinationArgs();
        }

        public Builder(WorkflowDestinationArgs defaults) {
            $ = new WorkflowDestinationArgs(Objects.requireNonNull(defaults));
        }

        public Builder channelId(Output<String> channelId) {
            $.channelId = channelId;
            return this;
        }

        public Builder channelId(String channelId) {
            return channelId(Output.of(channelId));
        }

        public Builder notificationTriggers(/* @Nullable */ Output<List<String>> notificationTriggers) {
            $.notificationTriggers = notificationTriggers;
            return this;
        }

        public Builder notificationTriggers(List<String> notificationTriggers) {
            return notificationTriggers(Output.of(notificationTriggers));
        }

        public Builder notificationTriggers(String... notificationTriggers) {
            return notificationTriggers(List.of(notificationTriggers));
        }

        public WorkflowDestinationArgs build() {
            if ($.channelId == null) {
                throw new MissingRequiredPropertyException("WorkflowDestinationArgs", "channelId");
            }
            return $;
        }
    }
}
