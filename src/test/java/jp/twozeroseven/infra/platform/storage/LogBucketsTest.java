package jp.twozeroseven.infra.platform.storage;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.platform.loadbalancer.PublicLoadBalancer;
import jp.twozeroseven.infra.platform.loadbalancer.PublicLoadBalancerProps;
import jp.twozeroseven.infra.settings.Tier;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.ComponentHarness;
import jp.twozeroseven.infra.testsupport.ComponentHarness.Built;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.twozeroseven.infra.testsupport.ComponentHarness.PREFIX;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log buckets and the load balancer that logs to one of them, built alone from props. */
class LogBucketsTest {

    private static final String LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";

    private static Built logBucketsAndAlb(Tier tier, LogBucketsProps props) {
        return ComponentHarness.build(tier, scope -> {
            LogBuckets buckets = LogBuckets.create(scope, props);
            new PublicLoadBalancer("lb", new PublicLoadBalancerProps(scope,
                    Output.of(List.of("subnet-a", "subnet-c")), Output.of("sg-alb"),
                    buckets.loadBalancerLogs(), "arn:aws:acm:ap-northeast-1:123456789012:certificate/x",
                    "ELBSecurityPolicy-TLS13-1-2-2021-06", 9443, 120, false), ComponentResourceOptions.Empty);
        });
    }

    @Test
    void logsExpireAfterTheGivenDaysAndOldVersionsAfterTheirOwn() {
        Built built = logBucketsAndAlb(Tier.STAGING, new LogBucketsProps(45, 10));
        assertThat(built.ofType(LIFECYCLE)).extracting(SynthesizedResource::name)
                .containsExactlyInAnyOrder(PREFIX + "-access-logs", PREFIX + "-alb-logs");
        assertThat(built.ofType(LIFECYCLE)).allSatisfy(l -> {
            assertThat(l.inputs().at("/rules/0/expiration/days").asInt()).isEqualTo(45);
            assertThat(l.inputs().at("/rules/0/noncurrentVersionExpiration/noncurrentDays").asInt()).isEqualTo(10);
        });
    }

    @Test
    void deliveryIsAdmittedForTheScopesAccountAndRegion() {
        Built built = logBucketsAndAlb(Tier.STAGING, LogBucketsProps.expiringAfter(30));
        var access = json(built.named("aws:s3/bucketPolicy:BucketPolicy", PREFIX + "-access-logs").inputs().at("/policy"));
        assertThat(access.at("/Statement/1/Condition/StringEquals/aws:SourceAccount").asText())
                .isEqualTo(ComponentHarness.ACCOUNT);
        // ap-northeast-1 predates the log-delivery service principal: ELB's account there writes the logs
        // (Elastic Load Balancing User Guide, "Access logs for your Application Load Balancer", attaching a policy to the bucket).
        var alb = json(built.named("aws:s3/bucketPolicy:BucketPolicy", PREFIX + "-alb-logs").inputs().at("/policy"));
        assertThat(alb.at("/Statement/1/Principal/AWS/0").asText()).isEqualTo("arn:aws:iam::582318560864:root");
    }

    @Test
    void theLoadBalancerTakesItsListenersAndTimeoutsFromProps() {
        Built built = logBucketsAndAlb(Tier.STAGING, LogBucketsProps.expiringAfter(30));
        SynthesizedResource alb = built.named("aws:lb/loadBalancer:LoadBalancer", PREFIX + "-alb");
        assertThat(alb.inputs().at("/idleTimeout").asInt()).isEqualTo(120);
        assertThat(alb.inputs().at("/enableDeletionProtection").asBoolean()).isFalse();
        assertThat(alb.inputs().at("/accessLogs/bucket").asText()).isEqualTo(PREFIX + "-alb-logs");
        assertThat(built.named("aws:lb/listener:Listener", PREFIX + "-alb-test").inputs().at("/port").asInt())
                .isEqualTo(9443);
    }

    @Test
    void aProtectingScopeProtectsTheLogBuckets() {
        Built built = logBucketsAndAlb(Tier.PRODUCTION, LogBucketsProps.expiringAfter(30));
        assertThat(built.ofType("aws:s3/bucketV2:BucketV2")).hasSize(2)
                .allSatisfy(b -> assertThat(b.options().protect()).isTrue());
    }

    @Test
    void badPropsAreRefusedBeforeAnythingIsRegistered() {
        assertThatThrownBy(() -> new LogBucketsProps(0, 30)).hasMessageContaining("expireAfterDays=0");
    }
}
