package jp.twozeroseven.infra.data.image;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.platform.registry.Registries;
import com.pulumi.aws.ecr.RepositoryPolicy;
import com.pulumi.aws.ecr.RepositoryPolicyArgs;
import jp.twozeroseven.infra.platform.release.RepositoryGuard;
import jp.twozeroseven.infra.support.FormerParent;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;


/**
 * The ECR repository of the Embulk image, owned by the data pipeline that runs it: scanned on push, immutable tags
 * (a task definition's tag always means the same image), KMS-encrypted, protected in production, with the lifecycle
 * the app repositories have.
 *
 * <p>Until issue 17 the platform's {@code Registries} created it beside the app images. Both resources keep their
 * name, physical name and type and carry an alias to that parent, so {@code pulumi up} moves them in state and
 * replaces nothing (a new URN alone would delete the repository and its images).
 */
public final class EtlRepository {

    /** The image's name: the repository is {@code <prefix>-embulk}, tagged {@code Service=embulk}. */
    public static final String IMAGE = "embulk";
    /** The repository's parent before issue 17: {@code AppPlatform$Registries} named {@code registries}. */
    public static final FormerParent FORMER_PARENT = new FormerParent(
            "platform207:app:AppPlatform$platform207:registry:Registries", "registries");

    /** The guard's name after the prefix: {@code <prefix>-etl-push-guard}. */
    static final String PUSH_GUARD = "etl-push-guard";

    private final Repository repository;

    /**
     * @param kmsKeyArn       the key that encrypts the images (the platform key, which encrypted it before)
     * @param lifecyclePolicy the lifecycle policy document (JSON): the one the app repositories carry, so images
     *                        expire the same way they did under the platform
     * @param guard           who may push to it and rewrite it: its images are pushed by their workflow
     *                        (.github/workflows/embulk-image.yml) with Pulumi's deploy role, its release role
     */
    public record Props(Output<String> kmsKeyArn, String lifecyclePolicy, RepositoryGuard.Roles guard) {
        public Props {
            Required.components(Props.class, kmsKeyArn, lifecyclePolicy, guard);
        }
    }


    /** @param scope the data pipeline's scope: the repository is its direct child */
    public EtlRepository(Scope scope, Props props) {
        String name = scope.name(IMAGE);
        repository = Registries.immutableEncrypted(scope.forService(IMAGE), name, props.kmsKeyArn(),
                moved(scope.statefulOptions()));
        new LifecyclePolicy(name, LifecyclePolicyArgs.builder()
                .repository(repository.name())
                .policy(props.lifecyclePolicy())
                .build(), moved(scope.options()));
        // New with issue 14 (no former parent): only the deploy role (and break-glass) may push or rewrite it.
        new RepositoryPolicy(scope.name(PUSH_GUARD), RepositoryPolicyArgs.builder()
                .repository(repository.name())
                .policy(props.guard().pushedByTheDeployer().toJson())
                .build(), scope.options());
    }

    private static CustomResourceOptions moved(CustomResourceOptions options) {
        return CustomResourceOptions.merge(options, CustomResourceOptions.builder()
                .aliases(FORMER_PARENT.alias()).build());
    }

    public Output<String> url() {
        return repository.repositoryUrl();
    }

    public Output<String> arn() {
        return repository.arn();
    }

    public Repository repository() {
        return repository;
    }
}
