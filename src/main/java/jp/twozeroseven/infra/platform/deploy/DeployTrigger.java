package jp.twozeroseven.infra.platform.deploy;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.iam.PolicyDocuments;
import jp.twozeroseven.infra.platform.storage.SecureBucket;
import jp.twozeroseven.infra.platform.storage.SecureBucketProps;
import jp.twozeroseven.infra.settings.DeployMode;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.util.List;
import java.util.Map;

/**
 * What starts a blue/green deploy, per stack setting {@code deploy.mode}:
 * <ul>
 *   <li>{@code pipeline}: an ECR push of a release tag (by the service's GitHub OIDC release role) starts a
 *   CodePipeline V2 per service, whose sources are the pushed image and a zip with taskdef.json and appspec.yaml
 *   in the artifact bucket;</li>
 *   <li>{@code codedeploy}: no pipeline; the app repository's GitHub Actions assume a deploy role through OIDC
 *   and call CodeDeploy themselves, reading the same two files from the bucket.</li>
 * </ul>
 * Either way the files come from the same generators as the Pulumi-managed task definition. This component holds
 * what the services share: the artifact bucket, the GitHub OIDC provider and the role EventBridge starts pipelines
 * with. Each service's pipeline or CI role lives in its AppService ({@link ServiceRelease}).
 */
public final class DeployTrigger extends ComponentResource {

    public static final String TYPE = "platform207:deploy:DeployTrigger";
    public static final String BUNDLE_KEY = "deploy-bundle.zip";
    static final String GITHUB_OIDC_URL = "https://" + PolicyDocuments.GITHUB_OIDC_HOST;
    /** GitHub's published OIDC thumbprints; IAM now verifies GitHub through its trusted CAs, but the API takes them. */
    static final List<String> GITHUB_THUMBPRINTS = List.of("6938fd4d98bab03faadb97b34396831e3780aea1",
            "1c58a3a8518e8759bf075b76b750d4f2df264fcd");

    /**
     * What the services' deploys share.
     *
     * @param scope                    provider, naming and tags of the bucket, the provider and the role
     * @param mode                     pipeline or codedeploy (stack config {@code deploy.mode})
     * @param createGithubOidcProvider whether this stack creates the account's GitHub OIDC provider, or reuses
     *                                 the one the account has (stack config {@code deploy.githubOidcProvider})
     * @param accountId                the stack's account (the ARN of a reused provider)
     * @param services                 every service's name: their deploy-document folders in the bucket
     * @param kmsKeyArn                the platform key the artifact bucket is encrypted with
     * @param accessLogBucket          the S3 server access log bucket the artifact bucket logs to
     */
    public record Props(Scope scope, DeployMode mode, boolean createGithubOidcProvider, String accountId,
                        List<String> services, Output<String> kmsKeyArn, Output<String> accessLogBucket) {
        public Props {
            Required.components(Props.class, scope, mode, createGithubOidcProvider, accountId, services, kmsKeyArn,
                    accessLogBucket);
            services = List.copyOf(services);
        }
    }

    private final DeployMode mode;
    private final SecureBucket artifacts;
    private final Output<String> githubProvider;
    private final Role releaseEvents;
    private final Props props;
    private final Scope scope;

    /**
     * @param name    the component's name ({@code deploy-trigger} under the platform; part of every child's URN)
     * @param props   what to build
     * @param options the component's own options: its parent (the platform)
     */
    public DeployTrigger(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        scope = props.scope().child(this);
        this.props = props;
        mode = props.mode();
        artifacts = new SecureBucket("deploy-artifacts", new SecureBucketProps(scope,
                SecureBucket.BucketSpec.of(props.kmsKeyArn(), props.accessLogBucket())),
                ComponentResourceOptions.builder().parent(scope.parent()).build());
        // IAM allows one provider per URL and account: reuse the account's own when it already has one.
        // Both modes: the services' CI deploy roles (codedeploy) or release roles (pipeline) trust it.
        githubProvider = props.createGithubOidcProvider() ? githubProvider(scope).arn()
                : Output.of(githubProviderArn(props.accountId()));
        releaseEvents = mode != DeployMode.PIPELINE ? null : ServiceRoles.create(scope, scope.name("release-events"),
                "events.amazonaws.com", "EventBridge starts the release pipelines on an ECR push of a release tag");
        this.registerOutputs(Map.of("artifactBucket", artifacts.name()));
    }

    /** EventBridge may start exactly these pipelines (pipeline mode; call once, with every service's pipeline). */
    public void allowStarting(List<Output<String>> pipelineArns) {
        if (releaseEvents == null) {
            return;
        }
        new RolePolicy(scope.name("release-events"), RolePolicyArgs.builder()
                .role(releaseEvents.id())
                .policy(Output.all(pipelineArns).applyValue(arns -> DeployPolicies.startPipelines(arns).toJson()))
                .build(), scope.options());
    }

    private static OpenIdConnectProvider githubProvider(Scope scope) {
        String name = scope.name("github-actions");
        return new OpenIdConnectProvider(name, OpenIdConnectProviderArgs.builder()
                .url(GITHUB_OIDC_URL)
                .clientIdLists("sts.amazonaws.com")
                .thumbprintLists(GITHUB_THUMBPRINTS)
                .tags(scope.tags(name))
                .build(), scope.options());
    }

    static String githubProviderArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + PolicyDocuments.GITHUB_OIDC_HOST;
    }

    public DeployMode mode() {
        return mode;
    }

    public SecureBucket artifacts() {
        return artifacts;
    }

    /**
     * The GitHub OIDC provider's ARN, created here or the account's own ({@code deploy.githubOidcProvider:
     * existing}); the services' CI deploy roles and release roles trust it.
     */
    public Output<String> githubProvider() {
        return githubProvider;
    }

    /** The role EventBridge starts release pipelines with (pipeline mode; null in codedeploy mode). */
    public Role releaseEvents() {
        return releaseEvents;
    }

    /** Every service's deploy-document folder in the bucket, sorted: no pipeline may write one. */
    public List<String> documentPrefixes() {
        return props.services().stream().sorted().map(s -> s + "/").toList();
    }
}
