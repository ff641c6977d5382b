package jp.twozeroseven.infra.platform.scaling;

import jp.twozeroseven.infra.settings.ScalingSettings;
import jp.twozeroseven.infra.support.FormerParent;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.Optional;

/**
 * What {@link ScheduledScaling} builds for one service.
 *
 * @param scope        provider, naming and tags of the target, actions and policies (the service's scope; their
 *                     {@code Service} tag is {@code service})
 * @param service      the service's name, which names the target, its actions and policies
 * @param scaling      the day's capacity windows and the tracking targets (stack config
 *                     {@code services.<name>.scaling})
 * @param scaled       what the scaling acts on: the ECS service and, behind the load balancer, its target groups
 * @param formerParent where the component lived before it moved, if it moved: its children carry aliases to their
 *                     URNs there (the component's own alias comes with its options); empty for one that never moved
 */
public record ScheduledScalingProps(Scope scope, String service, ScalingSettings scaling,
                                    ScheduledScaling.Scaled scaled, Optional<FormerParent> formerParent) {

    public ScheduledScalingProps {
        Required.components(ScheduledScalingProps.class, scope, service, scaling, scaled, formerParent);
    }
}
