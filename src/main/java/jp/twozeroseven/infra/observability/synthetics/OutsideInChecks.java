package jp.twozeroseven.infra.observability.synthetics;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.newrelic.ServiceLevel;
import jp.twozeroseven.infra.newrelic.ServiceLevelArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsBadEventsArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsValidEventsArgs;
import jp.twozeroseven.infra.newrelic.synthetics.Monitor;
import jp.twozeroseven.infra.newrelic.synthetics.MonitorArgs;
import jp.twozeroseven.infra.observability.slo.SloSpec;

/**
 * The outside-in view of one service: a SIMPLE synthetic monitor on its public URL every minute from Tokyo and
 * Singapore, and an availability service level over the monitor's checks (the objective and period of the service's
 * availability SLO). The outage condition over the same checks is registered by the caller in its critical policy.
 */
public final class OutsideInChecks {

    private final Monitor monitor;
    private final ServiceLevel availability;

    /** @param sloName the availability SLO's name: the service level is {@code <service>-slo-<sloName>} */
    public OutsideInChecks(String accountId, String monitorName, SloSpec spec, String sloName, PublicCheck check,
                           CustomResourceOptions options) {
        monitor = new Monitor(spec.service() + "-public", MonitorArgs.builder()
                .accountId(accountId)
                .name(monitorName)
                .type("SIMPLE")
                .status("ENABLED")
                .period("EVERY_MINUTE")
                .uri(check.uri())
                .locationsPublics(check.locations())
                .verifySsl(true)
                .bypassHeadRequest(true)
                .treatRedirectAsFailure(check.redirectFails())
                .build(), options);
        Output<String> guid = monitor.id();
        availability = new ServiceLevel(spec.service() + "-slo-" + sloName, ServiceLevelArgs.builder()
                .guid(guid)
                .name(spec.apmAppName() + " " + sloName)
                .description("Share of synthetic checks of " + check.uri() + " that succeeded, from "
                        + String.join(" and ", check.locations()) + " (generated)")
                .events(ServiceLevelEventsArgs.builder()
                        .accountId(accountId)
                        .validEvents(ServiceLevelEventsValidEventsArgs.builder()
                                .from("SyntheticCheck").where(guid.applyValue(OutsideInNrql::valid)).build())
                        .badEvents(ServiceLevelEventsBadEventsArgs.builder()
                                .from("SyntheticCheck").where(guid.applyValue(OutsideInNrql::bad)).build())
                        .build())
                .objective(spec.objective())
                .build(), options);
    }

    public Monitor monitor() {
        return monitor;
    }

    public ServiceLevel availability() {
        return availability;
    }
}
