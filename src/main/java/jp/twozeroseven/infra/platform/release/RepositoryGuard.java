package jp.twozeroseven.infra.platform.release;

import jp.twozeroseven.infra.iam.Condition;
import jp.twozeroseven.infra.iam.Effect;
import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.Principal;
import jp.twozeroseven.infra.iam.Statement;
import jp.twozeroseven.infra.support.Required;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The repository policy of every ECR repository: who may put an image in it, delete one, or change what guards it.
 *
 * <p>Grammar (Amazon ECR User Guide, "Private repository policies in Amazon ECR", repository-policies.html, and
 * "Private repository policy examples", repository-policy-examples.html): a repository policy is a subset of IAM
 * policy language scoped to the one repository, so its statements name a Principal and no Resource. An explicit
 * Deny in it overrides any Allow of an identity policy (IAM User Guide, "Policy evaluation logic"), and for a role
 * session {@code aws:PrincipalArn} is the role's ARN, for the account's root user {@code arn:aws:iam::<id>:root}
 * (IAM User Guide, "AWS global condition context keys", aws:PrincipalArn).
 *
 * <p>What it leaves alone, on purpose: pulls (ECS, CodePipeline's ECR source and Inspector read with
 * BatchGetImage/GetDownloadUrlForLayer/BatchCheckLayerAvailability/DescribeImages, all read-level), and what ECR does
 * itself: lifecycle expiry and replication are ECR's own actions, not a principal's call; pull-through cache
 * repositories (ecr:BatchImportUpstreamImage) are other repositories and never get this policy.
 */
public final class RepositoryGuard {

    /** The write half of a push (image-push-iam.html); BatchCheckLayerAvailability is a read and stays open. */
    public static final List<String> IMAGE_WRITES = List.of("ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
            "ecr:CompleteLayerUpload", "ecr:PutImage");
    /** A deleted image is a task that cannot start; the lifecycle policy expires old ones. */
    public static final List<String> IMAGE_DELETES = List.of("ecr:BatchDeleteImage");
    /** What Pulumi owns on the repository: rewriting any of these would lift the guard or expire running images. */
    public static final List<String> REPOSITORY_SETTINGS = List.of("ecr:SetRepositoryPolicy",
            "ecr:DeleteRepositoryPolicy", "ecr:PutLifecyclePolicy", "ecr:DeleteLifecyclePolicy",
            "ecr:PutImageTagMutability", "ecr:PutImageScanningConfiguration", "ecr:DeleteRepository");

    /**
     * The roles every guard names besides a repository's release role.
     *
     * @param accountId         the stack's account (its root user keeps the repository's settings)
     * @param deployRoleArn     the role Pulumi deploys with (dataPipeline.access.deployRoleArn): writes the settings,
     *                          and is the release role of the images the deploy workflow pushes (the Embulk image,
     *                          the sidecar mirrors)
     * @param breakGlassRoleArn the emergency role (dataPipeline.access.breakGlassRoleArn)
     */
    public record Roles(String accountId, String deployRoleArn, String breakGlassRoleArn) {
        public Roles {
            Required.components(Roles.class, accountId, deployRoleArn, breakGlassRoleArn);
        }

        /** The guard of a repository whose images {@code releaseRoleArn} pushes. */
        public PolicyDocument document(String releaseRoleArn) {
            return RepositoryGuard.document(releaseRoleArn, deployRoleArn, breakGlassRoleArn, accountId);
        }

        /** The guard of a repository the deploy workflow fills with the deploy role. */
        public PolicyDocument pushedByTheDeployer() {
            return document(deployRoleArn);
        }
    }

    /**
     * @param releaseRoleArn    the only role whose pushes count as releases (the service's GitHub OIDC release
     *                          role, or Pulumi's deploy role for the ETL image its workflow pushes)
     * @param deployRoleArn     the role Pulumi deploys with: it writes the repository settings
     * @param breakGlassRoleArn the emergency role: may push (a hotfix while GitHub is down), delete and rewrite
     * @param accountId         the account's root user keeps the settings (not pushes), so no mistake in the two
     *                          role ARNs can lock the repository: an ECR repository has no root exception of its own
     */
    public static PolicyDocument document(String releaseRoleArn, String deployRoleArn, String breakGlassRoleArn,
                                          String accountId) {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("AWS account id '" + accountId + "' must be exactly 12 digits");
        }
        for (String arn : new String[] {releaseRoleArn, deployRoleArn, breakGlassRoleArn}) {
            if (arn == null || !arn.matches("arn:aws:iam::" + accountId + ":role/[A-Za-z0-9+=,.@_/-]+")) {
                throw new IllegalArgumentException("repository guard: '" + arn + "' is not a role of account "
                        + accountId + " (arn:aws:iam::" + accountId + ":role/<name>)");
            }
        }
        String root = "arn:aws:iam::" + accountId + ":root";
        return new PolicyDocument(List.of(
                denyAllBut("PushOnlyByTheReleaseRole", IMAGE_WRITES, releaseRoleArn, breakGlassRoleArn),
                denyAllBut("NoImageDeletion", IMAGE_DELETES, breakGlassRoleArn),
                denyAllBut("SettingsOnlyByTheDeployer", REPOSITORY_SETTINGS, deployRoleArn, breakGlassRoleArn, root)));
    }

    private static Statement denyAllBut(String sid, List<String> actions, String... allowed) {
        List<String> principals = new ArrayList<>(new LinkedHashSet<>(List.of(allowed)));
        return new Statement(sid, Effect.DENY, actions, List.of(), List.of(Principal.anyone()),
                List.of(new Condition("ArnNotEquals", "aws:PrincipalArn", principals)));
    }

    private RepositoryGuard() {
    }
}
