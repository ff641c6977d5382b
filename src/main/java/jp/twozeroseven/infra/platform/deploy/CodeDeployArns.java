package jp.twozeroseven.infra.platform.deploy;

/**
 * CodeDeploy ARNs built from names: the provider does not return them for groups and configs, and IAM policies
 * need them before the resources exist.
 */
public record CodeDeployArns(String region, String accountId) {

    public String application(String applicationName) {
        return prefix() + "application:" + applicationName;
    }

    public String deploymentGroup(String applicationName, String groupName) {
        return prefix() + "deploymentgroup:" + applicationName + "/" + groupName;
    }

    public String deploymentConfig(String configName) {
        return prefix() + "deploymentconfig:" + configName;
    }

    private String prefix() {
        return "arn:aws:codedeploy:" + region + ":" + accountId + ":";
    }
}
