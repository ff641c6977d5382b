package jp.twozeroseven.infra.settings;

import java.util.List;

/**
 * Everything the program needs to know about one stack, validated. Components take these records and never read
 * Pulumi config themselves.
 *
 * @param logRetentionDays CloudWatch Logs retention for every log group
 * @param dataPipeline     the nightly export, its table catalog (loaded and validated) and the access matrix
 */
public record StackSettings(String project, String stack, Tier tier, String region, String accountId,
                            String owner, String costCenter, int logRetentionDays,
                            NetworkSettings network, LoadBalancerSettings loadBalancer,
                            List<ServiceSettings> services, DatabaseSettings database, RegistrySettings registry,
                            DeploySettings deploy, CdnSettings cdn, DataPipelineSettings dataPipeline,
                            StackSecrets secrets, ObservabilitySettings observability) {

    /** A name prefix for every physical resource, e.g. {@code platform-207-prod}. */
    public String namePrefix() {
        return project + "-" + stack;
    }
}
