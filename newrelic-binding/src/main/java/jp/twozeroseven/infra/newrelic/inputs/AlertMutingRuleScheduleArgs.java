// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Integer;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The schedule of a muting rule. */
public final class AlertMutingRuleScheduleArgs extends com.pulumi.resources.ResourceArgs {

    public static final AlertMutingRuleScheduleArgs Empty = new AlertMutingRuleScheduleArgs();

    /** Local date-time when repetition stops. */
    @Import(name="endRepeat")
    private /* @Nullable */ Output<String> endRepeat;

    public Optional<Output<String>> endRepeat() {
        return Optional.ofNullable(this.endRepeat);
    }

    /** Local date-time the window ends, e.g. 2023-01-01T06:00:00. */
    @Import(name="endTime")
    private /* @Nullable */ Output<String> endTime;

    public Optional<Output<String>> endTime() {
        return Optional.ofNullable(this.endTime);
    }

    /** DAILY, WEEKLY or MONTHLY. */
    @Import(name="repeat")
    private /* @Nullable */ Output<String> repeat;

    public Optional<Output<String>> repeat() {
        return Optional.ofNullable(this.repeat);
    }

    /** How many times the window repeats. */
    @Import(name="repeatCount")
    private /* @Nullable */ Output<Integer> repeatCount;

    public Optional<Output<Integer>> repeatCount() {
        return Optional.ofNullable(this.repeatCount);
    }

    /** Local date-time the window starts. */
    @Import(name="startTime")
    private /* @Nullable */ Output<String> startTime;

    public Optional<Output<String>> startTime() {
        return Optional.ofNullable(this.startTime);
    }

    /** IANA time zone, e.g. Asia/Tokyo. */
    @Import(name="timeZone", required=true)
    private Output<String> timeZone;

    public Output<String> timeZone() {
        return this.timeZone;
    }

    /** MONDAY ... SUNDAY for WEEKLY repeats. */
    @Import(name="weeklyRepeatDays")
    private /* @Nullable */ Output<List<String>> weeklyRepeatDays;

    public Optional<Output<List<String>>> weeklyRepeatDays() {
        return Optional.ofNullable(this.weeklyRepeatDays);
    }

    private AlertMutingRuleScheduleArgs() {}

    private AlertMutingRuleScheduleArgs(AlertMutingRuleScheduleArgs $) {
        this.endRepeat = $.endRepeat;
        this.endTime = $.endTime;
        this.repeat = $.repeat;
        this.repeatCount = $.repeatCount;
        this.startTime = $.startTime;
        this.timeZone = $.timeZone;
        this.weeklyRepeatDays = $.weeklyRepeatDays;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(AlertMutingRuleScheduleArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private AlertMutingRuleScheduleArgs $;

        public Builder() {
            $ = new AlertMutingRuleScheduleArgs();
        }

        public Builder(AlertMutingRuleScheduleArgs defaults) {
            $ = new AlertMutingRuleScheduleArgs(Objects.requireNonNull(defaults));
        }

        public Builder endRepeat(/* @Nullable */ Output<String> endRepeat) {
            $.endRepeat = endRepeat;
            return this;
        }

        public Builder endRepeat(String endRepeat) {
            return endRepeat(Output.of(endRepeat));
        }

        public Builder endTime(/* @Nullable */ Output<String> endTime) {
            $.endTime = endTime;
            return this;
        }

        public Builder endTime(String endTime) {
            return endTime(Output.of(endTime));
        }

        public Builder repeat(/* @Nullable */ Output<String> repeat) {
            $.repeat = repeat;
            return this;
        }

        public Builder repeat(String repeat) {
            return repeat(Output.of(repeat));
        }

        public Builder repeatCount(/* @Nullable */ Output<Integer> repeatCount) {
            $.repeatCount = repeatCount;
            return this;
        }

        public Builder repeatCount(Integer repeatCount) {
            return repeatCount(Output.of(repeatCount));
        }

        public Builder startTime(/* @Nullable */ Output<String> startTime) {
            $.startTime = startTime;
            return this;
        }

        public Builder startTime(String startTime) {
            return startTime(Output.of(startTime));
        }

        public Builder timeZone(Output<String> timeZone) {
            $.timeZone = timeZone;
            return this;
        }

        public Builder timeZone(String timeZone) {
            return timeZone(Output.of(timeZone));
        }

        public Builder weeklyRepeatDays(/* @Nullable */ Output<List<String>> weeklyRepeatDays) {
            $.weeklyRepeatDays = weeklyRepeatDays;
            return this;
        }

        public Builder weeklyRepeatDays(List<String> weeklyRepeatDays) {
            return weeklyRepeatDays(Output.of(weeklyRepeatDays));
        }

        public Builder weeklyRepeatDays(String... weeklyRepeatDays) {
            return weeklyRepeatDays(List.of(weeklyRepeatDays));
        }

        public AlertMutingRuleScheduleArgs build() {
            if ($.timeZone == null) {
                throw new MissingRequiredPropertyException("AlertMutingRuleScheduleArgs", "timeZone");
            }
            return $;
        }
    }
}
