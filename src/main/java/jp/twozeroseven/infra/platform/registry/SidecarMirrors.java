package jp.twozeroseven.infra.platform.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryPolicy;
import com.pulumi.aws.ecr.RepositoryPolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.Statement;
import jp.twozeroseven.infra.platform.release.RepositoryGuard;
import jp.twozeroseven.infra.support.Scope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's own copy of each sidecar image ({@link SidecarImages}): one ECR repository per image, filled by
 * images/sidecars/mirror.sh, so that a task start pulls nothing from Docker Hub or another publisher. Like the app
 * repositories: immutable tags (a mirrored version is the one image first copied), scanned on push, encrypted
 * with the platform key, protected in production. The repositories are children of {@link Registries}, the
 * platform's component for repositories that belong to no service.
 */
public final class SidecarMirrors {

    /** Versions kept per mirror: the pinned one and enough earlier ones for a rollback to an older task definition. */
    public static final int KEEP_VERSIONS = 10;
    static final List<String> PULL_ACTIONS = List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SidecarMirrors() {
    }

    /**
     * One mirror repository, its lifecycle and its push guard per image, as children of {@code scope}'s parent.
     * The deploy workflow fills the mirrors with Pulumi's deploy role (.github/workflows/deploy.yml, mirror.sh),
     * so that role is their release role.
     */
    static Map<String, Repository> create(Scope scope, SidecarImages images, Output<String> kmsKeyArn,
                                          RepositoryGuard.Roles guard) {
        Map<String, Repository> repositories = new LinkedHashMap<>();
        for (SidecarImage image : images.images()) {
            String repoName = image.repositoryName(scope.namePrefix());
            Repository repo = Registries.immutableEncrypted(scope, repoName, kmsKeyArn, scope.statefulOptions());
            new LifecyclePolicy(repoName, LifecyclePolicyArgs.builder()
                    .repository(repo.name())
                    .policy(lifecyclePolicy(KEEP_VERSIONS))
                    .build(), scope.options());
            new RepositoryPolicy(repoName + "-push-guard", RepositoryPolicyArgs.builder()
                    .repository(repo.name())
                    .policy(guard.pushedByTheDeployer().toJson())
                    .build(), scope.options());
            repositories.put(image.name(), repo);
        }
        return repositories;
    }

    /**
     * Keep the newest {@code keep} mirrored versions. No rule for untagged images: the per-platform manifests of a
     * copied index are untagged, and the index is what the tasks name.
     */
    public static String lifecyclePolicy(int keep) {
        ObjectNode policy = JSON.createObjectNode();
        ObjectNode rule = policy.putArray("rules").addObject();
        rule.put("rulePriority", 1);
        rule.put("description", "Keep the last " + keep + " mirrored versions");
        ObjectNode selection = rule.putObject("selection");
        selection.put("tagStatus", "tagged");
        selection.putArray("tagPatternList").add("*");
        selection.put("countType", "imageCountMoreThan");
        selection.put("countNumber", keep);
        rule.putObject("action").put("type", "expire");
        return policy.toString();
    }

    /** What an execution role needs to pull the sidecars from the mirrors (its ecr:GetAuthorizationToken is its own). */
    public static PolicyDocument pullPolicy(List<String> mirrorRepositoryArns) {
        return PolicyDocument.of(Statement.allow("PullSidecarMirrors", PULL_ACTIONS, mirrorRepositoryArns));
    }

    /** Lets a task execution role pull the stack's sidecar mirrors: an inline policy of its own, beside the role's. */
    public static RolePolicy grantPull(String name, Role executionRole, Scope scope) {
        return new RolePolicy(name, RolePolicyArgs.builder()
                .role(executionRole.id())
                .policy(pullPolicy(SidecarImages.pinned().repositoryArns(scope.region(), scope.accountId(),
                        scope.namePrefix())).toJson())
                .build(), scope.options());
    }
}
