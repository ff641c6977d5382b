package jp.twozeroseven.infra.platform.database;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.settings.Tier;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.ComponentHarness;
import jp.twozeroseven.infra.testsupport.ComponentHarness.Built;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.twozeroseven.infra.testsupport.ComponentHarness.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/** Aurora built on its own from props; protection follows the scope, everything else the props. */
class AuroraDatabaseTest {

    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final String ID = PREFIX + "-aurora";

    private static Built database(Tier tier, int instances) {
        return ComponentHarness.build(tier, scope -> new AuroraDatabase("db", new AuroraDatabaseProps(scope,
                Output.of(List.of("subnet-a", "subnet-c")), Output.of("sg-db"),
                Output.of("arn:aws:kms:ap-northeast-1:123456789012:key/db"),
                List.of("ap-northeast-1a", "ap-northeast-1c"), "16.4", "db.t4g.medium", instances, "delivery",
                "admin207", 7, "17:00-18:00", "sun:18:30-sun:19:30", 7, 90), ComponentResourceOptions.Empty));
    }

    @Test
    void theClusterTakesItsEngineWindowsAndRetentionFromProps() {
        Built db = database(Tier.STAGING, 2);
        SynthesizedResource cluster = db.named(CLUSTER, ID);
        assertThat(cluster.inputs().at("/engineVersion").asText()).isEqualTo("16.4");
        assertThat(cluster.inputs().at("/databaseName").asText()).isEqualTo("delivery");
        assertThat(cluster.inputs().at("/masterUsername").asText()).isEqualTo("admin207");
        assertThat(cluster.inputs().at("/backupRetentionPeriod").asInt()).isEqualTo(7);
        assertThat(cluster.inputs().at("/preferredBackupWindow").asText()).isEqualTo("17:00-18:00");
        assertThat(cluster.inputs().at("/preferredMaintenanceWindow").asText()).isEqualTo("sun:18:30-sun:19:30");
        assertThat(cluster.inputs().at("/kmsKeyId").asText()).isEqualTo("arn:aws:kms:ap-northeast-1:123456789012:key/db");
        assertThat(db.named("aws:rds/clusterParameterGroup:ClusterParameterGroup", ID).inputs().at("/family").asText())
                .isEqualTo("aurora-postgresql16");
        assertThat(db.named("aws:cloudwatch/logGroup:LogGroup", ID + "-postgresql-log").inputs()
                .at("/retentionInDays").asInt()).isEqualTo(90);
    }

    @Test
    void instancesGoRoundRobinOverTheGivenZonesInPromotionOrder() {
        Built db = database(Tier.STAGING, 3);
        assertThat(db.ofType(INSTANCE)).extracting(i -> i.inputs().at("/availabilityZone").asText())
                .containsExactly("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1a");
        assertThat(db.ofType(INSTANCE)).extracting(i -> i.inputs().at("/promotionTier").asInt())
                .containsExactly(0, 1, 2);
        assertThat(db.ofType(INSTANCE)).allSatisfy(i ->
                assertThat(i.inputs().at("/instanceClass").asText()).isEqualTo("db.t4g.medium"));
        // Three or more: the ETL endpoint's one static member is the last instance (AuroraDatabase#etlEndpoint).
        assertThat(db.named("aws:rds/clusterEndpoint:ClusterEndpoint", ID + "-etl").inputs().at("/staticMembers/0")
                .asText()).isEqualTo(ID + "-3");
    }

    @Test
    void aProtectingScopeProtectsAndRetainsTheDataAndKeepsAFinalSnapshot() {
        Built db = database(Tier.PRODUCTION, 2);
        SynthesizedResource cluster = db.named(CLUSTER, ID);
        assertThat(cluster.options().protect()).isTrue();
        assertThat(cluster.options().retainOnDelete()).isTrue();
        assertThat(cluster.inputs().at("/deletionProtection").asBoolean()).isTrue();
        assertThat(cluster.inputs().at("/skipFinalSnapshot").asBoolean()).isFalse();
        assertThat(db.ofType(INSTANCE)).allSatisfy(i -> assertThat(i.options().protect()).isTrue());
    }

    @Test
    void aNonProtectingScopeLetsTheStackBeTornDown() {
        Built db = database(Tier.STAGING, 2);
        SynthesizedResource cluster = db.named(CLUSTER, ID);
        assertThat(cluster.options().protect()).isFalse();
        assertThat(cluster.options().retainOnDelete()).isFalse();
        assertThat(cluster.inputs().at("/deletionProtection").asBoolean()).isFalse();
        assertThat(cluster.inputs().at("/skipFinalSnapshot").asBoolean()).isTrue();
        assertThat(cluster.options().ignoreChanges()).containsExactly("engineVersion");
        // Two instances: the ETL endpoint is every reader, no static member.
        assertThat(db.named("aws:rds/clusterEndpoint:ClusterEndpoint", ID + "-etl").inputs().at("/staticMembers")
                .isMissingNode()).isTrue();
    }

    @Test
    void theComponentIsTheParentOfEveryChild() {
        Built db = database(Tier.STAGING, 2);
        assertThat(db.custom()).isNotEmpty().allSatisfy(r ->
                assertThat(r.urn()).contains("::" + AuroraDatabase.TYPE + "$"));
    }
}
