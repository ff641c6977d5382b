package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.AuroraEngineVersions;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.List;

/**
 * A new cluster can start only on a minor version Aurora still offers, and after that Aurora moves it: minor
 * upgrades are applied in the maintenance window when the instances have auto minor version upgrade on, so the
 * program must not try to set the cluster's version back (it ignores {@code engineVersion}).
 */
public final class AuroraMinorVersionsOffered extends AwsRule {

    public AuroraMinorVersionsOffered() {
        super("aurora-minor-version-offered",
                "Aurora offers each minor version for a limited time (its end of standard support date in the release "
                        + "calendar); minor upgrades are applied in the maintenance window when auto minor version "
                        + "upgrade is on.",
                "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurorapostgresql-release-calendar.html",
                "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_UpgradeDBInstance.PostgreSQL.MinorUpgrade.html");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<String> problems = unless(stack.ofType("aws:rds/clusterInstance:ClusterInstance"),
                instance -> instance.inputs().path("autoMinorVersionUpgrade").asBoolean(false),
                "autoMinorVersionUpgrade is off, so the cluster stays on a minor version until Aurora ends its support");
        List<SynthesizedResource> clusters = stack.ofType("aws:rds/cluster:Cluster").stream()
                .filter(c -> "aurora-postgresql".equals(c.inputs().path("engine").asText())).toList();
        problems.addAll(each(clusters, (cluster, problem) -> {
            String version = cluster.inputs().path("engineVersion").asText();
            if (AuroraEngineVersions.find(version).isEmpty()) {
                problem.accept("engineVersion " + version + " is not listed as offered " + AuroraEngineVersions.names());
            }
            if (!cluster.options().ignoreChanges().contains("engineVersion")) {
                problem.accept("does not ignore engineVersion, so a preview after a minor upgrade would try to set "
                        + "the version back");
            }
        }));
        return problems;
    }
}
