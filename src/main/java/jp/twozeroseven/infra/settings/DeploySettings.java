package jp.twozeroseven.infra.settings;

import java.util.Map;

/**
 * Blue/green deploys through CodeDeploy.
 *
 * @param releaseTagPrefix          tags are immutable, so each release is a new tag with this prefix
 *                                  (release-2026...); in pipeline mode a push of such a tag starts a deploy
 * @param deploymentConfig          e.g. CodeDeployDefault.ECSAllAtOnce (staging) or ECSCanary10Percent5Minutes
 * @param terminationWaitMinutes    how long blue tasks stay after the switch, for a fast rollback
 * @param githubRepositories        service name → "org/repo" whose CI, in the GitHub environment named after the
 *                                  stack, assumes the service's release role: it pushes and deploys in codedeploy
 *                                  mode, and pushes the release image in pipeline mode; required for every service
 * @param createGithubOidcProvider  false when the account already has GitHub's OIDC provider (one per account);
 *                                  default true
 */
public record DeploySettings(DeployMode mode, String releaseTagPrefix, String deploymentConfig,
                             int terminationWaitMinutes, Map<String, String> githubRepositories,
                             boolean createGithubOidcProvider) {
}
