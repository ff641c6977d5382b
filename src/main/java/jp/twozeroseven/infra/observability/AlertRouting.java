package jp.twozeroseven.infra.observability;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.newrelic.AlertMutingRule;
import jp.twozeroseven.infra.newrelic.AlertMutingRuleArgs;
import jp.twozeroseven.infra.newrelic.AlertPolicy;
import jp.twozeroseven.infra.newrelic.NotificationChannel;
import jp.twozeroseven.infra.newrelic.NotificationChannelArgs;
import jp.twozeroseven.infra.newrelic.NotificationDestination;
import jp.twozeroseven.infra.newrelic.NotificationDestinationArgs;
import jp.twozeroseven.infra.newrelic.Workflow;
import jp.twozeroseven.infra.newrelic.WorkflowArgs;
import jp.twozeroseven.infra.newrelic.inputs.AlertMutingRuleConditionArgs;
import jp.twozeroseven.infra.newrelic.inputs.AlertMutingRuleConditionConditionArgs;
import jp.twozeroseven.infra.newrelic.inputs.AlertMutingRuleScheduleArgs;
import jp.twozeroseven.infra.newrelic.inputs.NotificationChannelPropertyArgs;
import jp.twozeroseven.infra.newrelic.inputs.NotificationDestinationAuthTokenArgs;
import jp.twozeroseven.infra.newrelic.inputs.NotificationDestinationPropertyArgs;
import jp.twozeroseven.infra.newrelic.inputs.WorkflowDestinationArgs;
import jp.twozeroseven.infra.newrelic.inputs.WorkflowIssuesFilterArgs;
import jp.twozeroseven.infra.newrelic.inputs.WorkflowIssuesFilterPredicateArgs;
import jp.twozeroseven.infra.observability.routing.MutingSchedule;
import jp.twozeroseven.infra.settings.ObservabilityMaintenanceWindow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who hears about which policy. Paging stacks: critical policies go to PagerDuty, ticket policies to Slack.
 * Other stacks have no PagerDuty destination at all, and every policy goes to Slack. Planned maintenance mutes
 * the ticket policies only, and the workflows stay silent for fully muted issues: a critical policy is never muted,
 * so an outage that starts inside a maintenance window still pages.
 */
public final class AlertRouting {

    static final String MUTING_RULES_HANDLING = "DONT_NOTIFY_FULLY_MUTED_ISSUES";
    private static final List<String> TRIGGERS = List.of("ACTIVATED", "ACKNOWLEDGED", "CLOSED");

    private final Optional<Workflow> onCall;
    private final Workflow slack;
    private final List<AlertMutingRule> mutingRules = new ArrayList<>();

    /**
     * @param critical the policies that page (on paging stacks)
     * @param tickets  the policies that go to Slack, and that planned maintenance mutes
     */
    AlertRouting(NewRelicScope scope, AlertRoutingProps props, List<AlertPolicy> critical, List<AlertPolicy> tickets) {
        var routing = props.routing();
        NotificationChannel slackChannel = channel(scope, "slack", "SLACK", Output.of(routing.slackDestinationId()),
                "channelId", routing.slackChannelId());

        List<AlertPolicy> toSlack = new ArrayList<>(tickets);
        if (routing.paging()) {
            String key = props.pagerDutyKey().orElseThrow().reveal(); // AlertRoutingProps: paging needs the key
            NotificationDestination pagerDuty = new NotificationDestination("pagerduty-on-call",
                    NotificationDestinationArgs.builder()
                            .accountId(scope.accountId())
                            .name(scope.name("pagerduty-on-call"))
                            .type("PAGERDUTY_SERVICE_INTEGRATION")
                            .properties(NotificationDestinationPropertyArgs.builder().key("").value("").build())
                            .authToken(NotificationDestinationAuthTokenArgs.builder()
                                    .prefix("Token token=").token(Output.ofSecret(key)).build())
                            .build(), scope.options());
            NotificationChannel pagerDutyChannel = channel(scope, "pagerduty-on-call", "PAGERDUTY_SERVICE_INTEGRATION",
                    pagerDuty.id(), "summary", "{{ annotations.title.[0] }}");
            onCall = Optional.of(workflow(scope, "on-call", critical, pagerDutyChannel));
        } else {
            toSlack.addAll(0, critical);
            onCall = Optional.empty();
        }
        slack = workflow(scope, "slack", toSlack, slackChannel);

        for (ObservabilityMaintenanceWindow window : props.maintenanceWindows()) {
            mutingRules.add(mutingRule(scope, window, tickets));
        }
    }

    /**
     * A channel for alert issues (product {@code IINT}) to a destination, with the one property its type needs: the
     * Slack channel id, or the summary line of a PagerDuty incident.
     */
    private static NotificationChannel channel(NewRelicScope scope, String suffix, String type,
                                               Output<String> destinationId, String property, String value) {
        return new NotificationChannel(suffix, NotificationChannelArgs.builder()
                .accountId(scope.accountId())
                .name(scope.name(suffix))
                .type(type)
                .product("IINT")
                .destinationId(destinationId)
                .properties(NotificationChannelPropertyArgs.builder().key(property).value(value).build())
                .build(), scope.options());
    }

    private static Output<List<String>> ids(List<AlertPolicy> policies) {
        return Output.all(policies.stream().map(AlertPolicy::id).toList());
    }

    private static Workflow workflow(NewRelicScope scope, String suffix, List<AlertPolicy> policies,
                                     NotificationChannel channel) {
        return new Workflow(suffix, WorkflowArgs.builder()
                .accountId(scope.accountId())
                .name(scope.name(suffix))
                .enabled(true)
                .mutingRulesHandling(MUTING_RULES_HANDLING)
                .issuesFilter(WorkflowIssuesFilterArgs.builder()
                        .name(scope.name(suffix) + "-policies")
                        .type("FILTER")
                        .predicates(WorkflowIssuesFilterPredicateArgs.builder()
                                .attribute("labels.policyIds")
                                .operator("EXACTLY_MATCHES")
                                .values(ids(policies))
                                .build())
                        .build())
                .destinations(WorkflowDestinationArgs.builder()
                        .channelId(channel.id())
                        .notificationTriggers(TRIGGERS)
                        .build())
                .build(), scope.options());
    }

    private static AlertMutingRule mutingRule(NewRelicScope scope, ObservabilityMaintenanceWindow window,
                                              List<AlertPolicy> policies) {
        MutingSchedule schedule = MutingSchedule.weekly(window);
        return new AlertMutingRule("mute-" + window.name(), AlertMutingRuleArgs.builder()
                .accountId(scope.accountId())
                .name(scope.name("mute-" + window.name()))
                .description("Planned maintenance " + window.weekday() + " " + window.start() + "-" + window.end()
                        + " Asia/Tokyo")
                .enabled(true)
                .condition(AlertMutingRuleConditionArgs.builder()
                        .operator("AND")
                        .conditions(AlertMutingRuleConditionConditionArgs.builder()
                                .attribute("policyId").operator("IN").values(ids(policies)).build())
                        .build())
                .schedule(AlertMutingRuleScheduleArgs.builder()
                        .startTime(schedule.startTime())
                        .endTime(schedule.endTime())
                        .timeZone(schedule.timeZone())
                        .repeat(schedule.repeat())
                        .weeklyRepeatDays(schedule.weeklyRepeatDay())
                        .build())
                .build(), scope.options());
    }

    public Optional<Workflow> onCall() {
        return onCall;
    }

    public Workflow slack() {
        return slack;
    }

    public List<AlertMutingRule> mutingRules() {
        return mutingRules;
    }
}
