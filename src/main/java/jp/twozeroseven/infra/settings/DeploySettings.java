package jp.twozeroseven.infra.settings;

import java.util.Map;

/**
 * Blue/green deploys through CodeDeploy.
 *
 * @param releaseTagPrefix             the image tag whose push starts a deploy in pipeline mode; default "release"
 * @param deploymentConfig       e.g. CodeDeployDefault.ECSAllAtOnce (staging) or ECSCanary10Percent5Minutes
 * @param terminationWaitMinutes how long blue tasks stay after the switch, for a fast rollback
 * @param githubRepositories     service name → "org/repo" whose CI may deploy in codedeploy mode
 */
public record DeploySettings(DeployMode mode, String releaseTagPrefix, String deploymentConfig,
                             int terminationWaitMinutes, Map<String, String> githubRepositories) {
}
