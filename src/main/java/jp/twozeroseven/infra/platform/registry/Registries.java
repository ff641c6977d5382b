package jp.twozeroseven.infra.platform.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's ECR repositories that belong to no service: the sidecar mirrors ({@link SidecarMirrors}). Each
 * service's own repository lives in its AppService ({@link #repository}, the one definition of an app repository:
 * scanned on push, immutable tags so a deployed tag always means the same image, KMS-encrypted, protected in
 * production, a lifecycle that keeps the last N release images), the ETL image's in the data pipeline. The
 * component keeps the URN it had when it held those repositories too, so a {@code pulumi up} from before
 * issue 17 deletes nothing.
 */
public final class Registries extends ComponentResource {

    public static final String TYPE = "platform207:registry:Registries";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Repository> repositories = new LinkedHashMap<>();

    /**
     * @param name    the component's name ({@code registries} under the platform; part of every mirror's URN)
     * @param props   what to build
     * @param options the component's own options: its parent (the platform)
     */
    public Registries(String name, RegistriesProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        repositories.putAll(SidecarMirrors.create(scope, props.sidecars(), props.kmsKeyArn(), props.guard()));
        this.registerOutputs(Map.of());
    }

    /** The sidecar mirrors by image name. */
    public Map<String, Repository> mirrors() {
        return java.util.Collections.unmodifiableMap(repositories);
    }

    /**
     * One image's repository and its lifecycle policy, under {@code scope}'s parent: the registry's own images
     * here, each service's own in its {@code AppService}.
     *
     * @param repositoryOptions the repository's options (protected in production: it holds the release images)
     */
    public static Repository repository(Scope scope, String image, Output<String> kmsKeyArn, String releaseTagPrefix,
                                        int keepReleaseImages, CustomResourceOptions repositoryOptions,
                                        CustomResourceOptions policyOptions) {
        String repoName = scope.name(image);
        Repository repo = immutableEncrypted(scope, repoName, kmsKeyArn, repositoryOptions);
        new LifecyclePolicy(repoName, LifecyclePolicyArgs.builder()
                .repository(repo.name())
                .policy(lifecyclePolicy(releaseTagPrefix, keepReleaseImages))
                .build(), policyOptions);
        return repo;
    }

    /**
     * The one shape of every ECR repository of the stack: immutable tags (a tag always means the image first pushed
     * under it), scanned on push, encrypted with the platform key, never force-deleted with its images.
     */
    public static Repository immutableEncrypted(Scope scope, String repoName, Output<String> kmsKeyArn,
                                         CustomResourceOptions options) {
        return new Repository(repoName, RepositoryArgs.builder()
                .name(repoName)
                .imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder()
                        .scanOnPush(true).build())
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                        .encryptionType("KMS").kmsKey(kmsKeyArn).build())
                .forceDelete(false)
                .tags(scope.tags(repoName))
                .build(), options);
    }

    /** The tag of the first image each service's Pulumi task definition names (pushed once, by hand). */
    public static String initialReleaseTag(String releasePrefix) {
        return releasePrefix + "initial";
    }

    /**
     * Keep the initial image forever and the newest {@code keep} release images; untagged layers from failed builds
     * go after 14 days. The initial image needs a rule of its own before the release rule: the task definition
     * Pulumi holds names it, so once the release rule expired it, recreating a service would fail. An image that
     * matches a rule can't be expired by a rule of lower priority (Amazon ECR User Guide, "Lifecycle policies",
     * lifecycle policy evaluation rules), and with immutable tags there is only ever one image with that tag.
     */
    public static String lifecyclePolicy(String releasePrefix, int keep) {
        ObjectNode policy = JSON.createObjectNode();
        ArrayNode rules = policy.putArray("rules");
        ObjectNode initial = rules.addObject();
        initial.put("rulePriority", 1);
        initial.put("description", "Keep the initial image the Pulumi task definitions name");
        ObjectNode initialSelection = initial.putObject("selection");
        initialSelection.put("tagStatus", "tagged");
        initialSelection.putArray("tagPrefixList").add(initialReleaseTag(releasePrefix));
        initialSelection.put("countType", "imageCountMoreThan");
        initialSelection.put("countNumber", 1);
        initial.putObject("action").put("type", "expire");
        ObjectNode release = rules.addObject();
        release.put("rulePriority", 2);
        release.put("description", "Keep the last " + keep + " release images");
        ObjectNode selection = release.putObject("selection");
        selection.put("tagStatus", "tagged");
        selection.putArray("tagPrefixList").add(releasePrefix);
        selection.put("countType", "imageCountMoreThan");
        selection.put("countNumber", keep);
        release.putObject("action").put("type", "expire");
        ObjectNode untagged = rules.addObject();
        untagged.put("rulePriority", 3);
        untagged.put("description", "Expire untagged images after 14 days");
        ObjectNode untaggedSelection = untagged.putObject("selection");
        untaggedSelection.put("tagStatus", "untagged");
        untaggedSelection.put("countType", "sinceImagePushed");
        untaggedSelection.put("countUnit", "days");
        untaggedSelection.put("countNumber", 14);
        untagged.putObject("action").put("type", "expire");
        return policy.toString();
    }
}
