package jp.twozeroseven.infra.platform.scaling;

import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What one service's scaling acts on: a worker has neither target groups nor the load balancer's suffix. */
class ScaledTest {

    @Test
    void aServiceWithoutTheLoadBalancerScalesOnCpuAlone() {
        assertThatCode(() -> new ScheduledScaling.Scaled(Output.of("cluster"), Output.of("jobs"), Optional.empty(),
                Map.of())).doesNotThrowAnyException();
    }

    @Test
    void requestCountTrackingNeedsTheLoadBalancersSuffix() {
        // ALBRequestCountPerTarget's resource label is <load balancer suffix>/<target group suffix> (Application
        // Auto Scaling API reference, PredefinedMetricSpecification.ResourceLabel): without the first half there
        // is no label to build. Only the map's emptiness matters here, so a mock stands in for the target group.
        assertThatThrownBy(() -> new ScheduledScaling.Scaled(Output.of("cluster"), Output.of("api"),
                Optional.empty(), Map.of("blue", org.mockito.Mockito.mock(com.pulumi.aws.lb.TargetGroup.class))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the load balancer's ARN suffix");
    }

    @Test
    void everyComponentIsRequired() {
        assertThatThrownBy(() -> new ScheduledScaling.Scaled(Output.of("cluster"), Output.of("api"), null, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ScheduledScaling.Scaled.loadBalancerArnSuffix is required");
    }
}
