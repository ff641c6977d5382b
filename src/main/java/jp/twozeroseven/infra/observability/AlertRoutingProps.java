package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.settings.ObservabilityMaintenanceWindow;
import jp.twozeroseven.infra.settings.ObservabilityRouting;
import jp.twozeroseven.infra.settings.SecretValue;
import jp.twozeroseven.infra.support.Required;

import java.util.List;
import java.util.Optional;

/**
 * Who hears about the stack's alert policies ({@link AlertRouting}).
 *
 * @param routing            paging on or off, and the Slack destination and channel
 * @param pagerDutyKey       the PagerDuty service integration key; required when {@code routing.paging()}
 * @param maintenanceWindows weekly windows (Asia/Tokyo) that mute the ticket policies
 */
public record AlertRoutingProps(ObservabilityRouting routing, Optional<SecretValue> pagerDutyKey,
                                List<ObservabilityMaintenanceWindow> maintenanceWindows) {

    public AlertRoutingProps {
        Required.components(AlertRoutingProps.class, routing, pagerDutyKey, maintenanceWindows);
        maintenanceWindows = List.copyOf(maintenanceWindows);
        if (routing.paging() && pagerDutyKey.isEmpty()) {
            throw new IllegalArgumentException("paging is on but no PagerDuty key was given; the settings parser "
                    + "should have said so");
        }
    }
}
