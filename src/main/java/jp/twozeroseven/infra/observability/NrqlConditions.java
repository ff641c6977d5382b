package jp.twozeroseven.infra.observability;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.newrelic.NrqlAlertCondition;
import jp.twozeroseven.infra.newrelic.NrqlAlertConditionArgs;
import jp.twozeroseven.infra.newrelic.inputs.NrqlAlertConditionCriticalArgs;
import jp.twozeroseven.infra.newrelic.inputs.NrqlAlertConditionNrqlArgs;
import jp.twozeroseven.infra.observability.alerts.NrqlConditionSpec;

/** Registers a {@link NrqlConditionSpec} as a New Relic NRQL alert condition in a policy. */
final class NrqlConditions {

    private NrqlConditions() {
    }

    static NrqlAlertCondition create(NewRelicScope scope, String logicalName, NrqlConditionSpec spec,
                                     Output<String> query, Output<String> policyId) {
        var args = NrqlAlertConditionArgs.builder()
                .accountId(scope.accountId())
                .policyId(policyId)
                .type("static")
                .name(spec.name())
                .enabled(true)
                .runbookUrl(scope.runbookUrl(spec.runbook()))
                .nrql(NrqlAlertConditionNrqlArgs.builder().query(query).build())
                .critical(NrqlAlertConditionCriticalArgs.builder()
                        .operator(spec.operator())
                        .threshold(spec.threshold())
                        .thresholdDuration(spec.thresholdDurationSeconds())
                        .thresholdOccurrences(spec.thresholdOccurrences())
                        .build())
                .aggregationWindow(spec.aggregationWindowSeconds())
                .violationTimeLimitSeconds(spec.violationTimeLimitSeconds())
                .fillOption("none");
        if (spec.sparseEvents()) {
            // One event a night: close each window on a timer instead of waiting for later events to arrive.
            args.aggregationMethod("event_timer").aggregationTimer("300");
        } else {
            args.aggregationMethod("event_flow").aggregationDelay("120");
        }
        spec.slideBySeconds().ifPresent(args::slideBy);
        spec.signalLossSeconds().ifPresent(seconds -> args
                .expirationDuration(seconds)
                .openViolationOnExpiration(true)
                .closeViolationsOnExpiration(true));
        return new NrqlAlertCondition(logicalName, args.build(), scope.options());
    }

    static NrqlAlertCondition create(NewRelicScope scope, String logicalName, NrqlConditionSpec spec,
                                     Output<String> policyId) {
        return create(scope, logicalName, spec, Output.of(spec.nrql()), policyId);
    }
}
