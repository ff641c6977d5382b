package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.AuroraEngineVersions;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.List;

/**
 * A new cluster can start only on a minor version Aurora still offers, and after that Aurora moves it: minor
 * upgrades are applied in the maintenance window when the instances have auto minor version upgrade on, so the
 * program must not try to set the cluster's version back (it ignores {@code engineVersion}).
 */
public final class AuroraMinorVersionsOffered implements AwsRule {

    @Override
    public String id() {
        return "aurora-minor-version-offered";
    }

    @Override
    public String requirement() {
        return "Aurora offers each minor version for a limited time (its end of standard support date in the release "
                + "calendar); minor upgrades are applied in the maintenance window when auto minor version upgrade "
                + "is on.";
    }

    @Override
    public String source() {
        return "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurorapostgresql-release-calendar.html; "
                + "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_UpgradeDBInstance.PostgreSQL.MinorUpgrade.html";
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<String> problems = new ArrayList<>();
        for (SynthesizedResource cluster : stack.ofType("aws:rds/cluster:Cluster")) {
            if (!"aurora-postgresql".equals(cluster.inputs().path("engine").asText())) {
                continue;
            }
            String version = cluster.inputs().path("engineVersion").asText();
            if (AuroraEngineVersions.find(version).isEmpty()) {
                problems.add(cluster.urn() + ": engineVersion " + version + " is not listed as offered "
                        + AuroraEngineVersions.names());
            }
            if (!cluster.options().ignoreChanges().contains("engineVersion")) {
                problems.add(cluster.urn() + ": does not ignore engineVersion, so a preview after a minor upgrade "
                        + "would try to set the version back");
            }
        }
        for (SynthesizedResource instance : stack.ofType("aws:rds/clusterInstance:ClusterInstance")) {
            if (!instance.inputs().path("autoMinorVersionUpgrade").asBoolean(false)) {
                problems.add(instance.urn() + ": autoMinorVersionUpgrade is off, so the cluster stays on a minor "
                        + "version until Aurora ends its support");
            }
        }
        return problems;
    }
}
