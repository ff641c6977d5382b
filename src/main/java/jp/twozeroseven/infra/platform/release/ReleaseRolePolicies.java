package jp.twozeroseven.infra.platform.release;

import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.PolicyDocuments;
import jp.twozeroseven.infra.iam.Statement;
import jp.twozeroseven.infra.platform.deploy.DeployPolicies;

import java.util.List;

/**
 * The release role of a service in pipeline mode: GitHub Actions of the service's repository, in the GitHub
 * environment named after the stack, push the release image and nothing else; the push starts the pipeline.
 */
public final class ReleaseRolePolicies {

    private ReleaseRolePolicies() {
    }

    /**
     * Only tokens whose subject is {@code repo:<org>/<repo>:environment:<stack>} (GitHub Docs, "About security
     * hardening with OpenID Connect", filtering for a specific environment): the environment's protection rules
     * (reviewers, allowed branches) gate every release of the stack.
     */
    public static PolicyDocument trust(String githubProviderArn, String githubRepository, String environment) {
        String[] orgAndRepo = githubRepository.split("/", 2);
        if (orgAndRepo.length != 2) {
            throw new IllegalArgumentException("GitHub repository '" + githubRepository + "' must be org/repository");
        }
        return PolicyDocuments.githubOidcTrust(githubProviderArn,
                List.of(PolicyDocuments.githubEnvironmentSubject(orgAndRepo[0], orgAndRepo[1], environment)));
    }

    /**
     * Log in to ECR (GetAuthorizationToken has no resource-level permissions, so "*") and push to the service's own
     * repository (Amazon ECR User Guide, "Required IAM permissions for pushing an image", image-push-iam.html);
     * DescribeImages on it, so the job can see whether its tag exists (tags are immutable).
     */
    public static PolicyDocument permissions(String repositoryArn) {
        if (repositoryArn == null || !repositoryArn.matches("arn:aws:ecr:[a-z0-9-]+:\\d{12}:repository/.+")) {
            throw new IllegalArgumentException("'" + repositoryArn + "' is not an ECR repository ARN");
        }
        return new PolicyDocument(List.of(
                Statement.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                Statement.allow("PushReleaseImage", DeployPolicies.PUSH_ACTIONS, List.of(repositoryArn)),
                Statement.allow("SeeReleaseTags", List.of("ecr:DescribeImages"), List.of(repositoryArn))));
    }
}
