package jp.twozeroseven.infra.platform.deploy;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreEncryptionKeyArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.iam.PolicyDocuments;
import jp.twozeroseven.infra.platform.service.AppService;
import jp.twozeroseven.infra.platform.storage.SecureBucket;
import jp.twozeroseven.infra.settings.DeployMode;
import jp.twozeroseven.infra.settings.DeploySettings;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What starts a blue/green deploy, per stack setting {@code deploy.mode}:
 * <ul>
 *   <li>{@code pipeline}: an ECR push of a release tag starts a CodePipeline V2 per service, whose sources are
 *   the pushed image and a zip with taskdef.json and appspec.yaml in the artifact bucket;</li>
 *   <li>{@code codedeploy}: no pipeline; the app repository's GitHub Actions assume a deploy role through OIDC
 *   and call CodeDeploy themselves, reading the same two files from the bucket.</li>
 * </ul>
 * Either way the files come from the same generators as the Pulumi-managed task definition.
 */
public final class DeployTrigger extends ComponentResource {

    public static final String TYPE = "platform207:deploy:DeployTrigger";
    public static final String BUNDLE_KEY = "deploy-bundle.zip";
    static final String IMAGE_ACTION = "Image";
    static final String IMAGE_ARTIFACT = "ReleaseImage";
    static final String BUNDLE_ARTIFACT = "DeployBundle";
    static final String GITHUB_OIDC_URL = "https://" + PolicyDocuments.GITHUB_OIDC_HOST;
    /** GitHub's published OIDC thumbprints; IAM now verifies GitHub through its trusted CAs, but the API takes them. */
    static final List<String> GITHUB_THUMBPRINTS = List.of("6938fd4d98bab03faadb97b34396831e3780aea1",
            "1c58a3a8518e8759bf075b76b750d4f2df264fcd");

    /** What the trigger needs from the platform. */
    public record Wiring(Map<String, AppService> services, Map<String, Repository> repositories,
                         BlueGreenDeployments deployments, Output<String> kmsKeyArn,
                         Output<String> accessLogBucket) {
    }

    private final DeployMode mode;
    private final SecureBucket artifacts;
    private final Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    private final Map<String, Role> ciRoles = new LinkedHashMap<>();
    private final Map<String, Output<String>> documentLocations = new LinkedHashMap<>();
    private final Output<String> githubProviderArn;

    public DeployTrigger(String name, Scope parentScope, Wiring wiring) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(parentScope.parent()).build());
        Scope scope = parentScope.child(this);
        DeploySettings deploy = scope.settings().deploy();
        mode = deploy.mode();
        artifacts = new SecureBucket("deploy-artifacts", scope,
                SecureBucket.BucketSpec.of(wiring.kmsKeyArn(), wiring.accessLogBucket()));
        CodeDeployArns arns = new CodeDeployArns(scope.settings().region(), scope.settings().accountId());
        // IAM allows one provider per URL and account: reuse the account's own when it already has one.
        // Both modes: the release roles (platform/release) trust it in pipeline mode, the CI roles in codedeploy mode.
        Output<String> github = githubProviderArn = deploy.createGithubOidcProvider() ? githubProvider(scope).arn()
                : Output.of(githubProviderArn(scope.settings().accountId()));
        List<Output<String>> pipelineArns = new ArrayList<>();
        wiring.services().forEach((serviceName, service) -> {
            Scope serviceScope = scope.forService(serviceName);
            Output<ServiceDeployDocuments> documents = Output.tuple(service.task(),
                            service.taskDefinition().family(), service.executionRole().arn(), service.taskRole().arn(),
                            service.network())
                    .applyValue(t -> ServiceDeployDocuments.of(service.settings(), t.t2, t.t3, t.t4, t.t1, t.t5));
            DeployPolicies.DeployTarget target = new DeployPolicies.DeployTarget(
                    arns.application(wiring.deployments().applicationName()),
                    arns.deploymentGroup(wiring.deployments().applicationName(),
                            wiring.deployments().groupNames().get(serviceName)),
                    arns.deploymentConfig(deploy.deploymentConfig()), null, null);
            if (mode == DeployMode.PIPELINE) {
                Pipeline pipeline = pipeline(serviceScope, serviceName, service, documents, target, wiring);
                pipelines.put(serviceName, pipeline);
                pipelineArns.add(pipeline.arn());
            } else {
                ciRoles.put(serviceName, ciRole(serviceScope, serviceName, service, documents, target, wiring,
                        github, deploy.githubRepositories().get(serviceName)));
            }
        });
        if (mode == DeployMode.PIPELINE) {
            startOnRelease(scope, wiring, Output.all(pipelineArns));
        }
        this.registerOutputs(Map.of("artifactBucket", artifacts.name()));
    }

    private Pipeline pipeline(Scope scope, String serviceName, AppService service,
                              Output<ServiceDeployDocuments> documents, DeployPolicies.DeployTarget target,
                              Wiring wiring) {
        String id = scope.name(serviceName + "-release");
        String key = serviceName + "/" + BUNDLE_KEY;
        BucketObjectv2 bundle = new BucketObjectv2(id + "-bundle", BucketObjectv2Args.builder()
                .bucket(artifacts.name())
                .key(key)
                .contentBase64(documents.applyValue(ServiceDeployDocuments::bundleBase64))
                .contentType("application/zip")
                .tags(scope.tags(key))
                .build(), scope.options());
        documentLocations.put(serviceName, artifacts.name().applyValue(b -> "s3://" + b + "/" + key));
        Repository repository = wiring.repositories().get(serviceName);
        Role role = ServiceRoles.create(scope, id, "codepipeline.amazonaws.com", "CodePipeline deploys " + serviceName + " blue/green");
        RolePolicy policy = new RolePolicy(id, RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.all(artifacts.arn(), wiring.kmsKeyArn(), repository.arn(),
                        service.executionRole().arn(), service.taskRole().arn()).applyValue(a ->
                        DeployPolicies.pipelineRole(a.get(0), a.get(1), a.get(2), new DeployPolicies.DeployTarget(
                                target.applicationArn(), target.deploymentGroupArn(), target.deploymentConfigArn(),
                                a.get(3), a.get(4)), wiring.services().keySet().stream().sorted()
                                .map(s -> s + "/").toList()).toJson()))
                .build(), scope.options());
        Map<String, String> deployConfig = new LinkedHashMap<>();
        deployConfig.put("ApplicationName", wiring.deployments().applicationName());
        deployConfig.put("DeploymentGroupName", wiring.deployments().groupNames().get(serviceName));
        deployConfig.put("TaskDefinitionTemplateArtifact", BUNDLE_ARTIFACT);
        deployConfig.put("TaskDefinitionTemplatePath", ServiceDeployDocuments.TASKDEF_FILE);
        deployConfig.put("AppSpecTemplateArtifact", BUNDLE_ARTIFACT);
        deployConfig.put("AppSpecTemplatePath", ServiceDeployDocuments.APPSPEC_FILE);
        deployConfig.put("Image1ArtifactName", IMAGE_ARTIFACT);
        deployConfig.put("Image1ContainerName", "IMAGE1_NAME");
        return new Pipeline(id, PipelineArgs.builder()
                .name(id)
                .pipelineType("V2")
                // One CodeDeploy deployment per group at a time: later releases wait instead of failing.
                .executionMode("QUEUED")
                .roleArn(role.arn())
                .artifactStores(PipelineArtifactStoreArgs.builder()
                        .type("S3").location(artifacts.name())
                        .encryptionKey(PipelineArtifactStoreEncryptionKeyArgs.builder()
                                .type("KMS").id(wiring.kmsKeyArn()).build())
                        .build())
                .stages(PipelineStageArgs.builder().name("Source").actions(
                                PipelineStageActionArgs.builder().name(IMAGE_ACTION).category("Source").owner("AWS")
                                        .provider("ECR").version("1").outputArtifacts(IMAGE_ARTIFACT)
                                        // The tag only seeds the action; each run gets the pushed digest
                                        // from the EventBridge target (ReleaseEvents).
                                        .configuration(repository.name().applyValue(r -> Map.of(
                                                "RepositoryName", r,
                                                "ImageTag", AppService.initialImageTag(scope))))
                                        .build(),
                                PipelineStageActionArgs.builder().name(BUNDLE_ARTIFACT).category("Source")
                                        .owner("AWS").provider("S3").version("1").outputArtifacts(BUNDLE_ARTIFACT)
                                        .configuration(artifacts.name().applyValue(b -> Map.of("S3Bucket", b,
                                                "S3ObjectKey", key, "PollForSourceChanges", "false")))
                                        .build())
                                .build(),
                        PipelineStageArgs.builder().name("Deploy").actions(PipelineStageActionArgs.builder()
                                        .name("BlueGreen").category("Deploy").owner("AWS")
                                        .provider("CodeDeployToECS").version("1")
                                        .inputArtifacts(IMAGE_ARTIFACT, BUNDLE_ARTIFACT)
                                        .configuration(deployConfig)
                                        .build())
                                .build())
                .tags(scope.tags(id))
                .build(), com.pulumi.resources.CustomResourceOptions.builder().parent(this)
                .provider(scope.aws()).dependsOn(policy, bundle).build());
    }

    private void startOnRelease(Scope scope, Wiring wiring, Output<List<String>> pipelineArns) {
        String roleName = scope.name("release-events");
        Role role = ServiceRoles.create(scope, roleName, "events.amazonaws.com", "EventBridge starts the release pipelines on an ECR push of a release tag");
        new RolePolicy(roleName, RolePolicyArgs.builder()
                .role(role.id())
                .policy(pipelineArns.applyValue(arns -> DeployPolicies.startPipelines(arns).toJson()))
                .build(), scope.options());
        pipelines.forEach((serviceName, pipeline) -> {
            Scope serviceScope = scope.forService(serviceName);
            String ruleName = scope.name(serviceName + "-release-pushed");
            EventRule rule = new EventRule(ruleName, EventRuleArgs.builder()
                    .name(ruleName)
                    .description("A " + scope.settings().deploy().releaseTagPrefix() + "* image of " + serviceName
                            + " was pushed to ECR")
                    .eventPattern(wiring.repositories().get(serviceName).name().applyValue(repo ->
                            ReleaseEvents.ecrPushPattern(repo, scope.settings().deploy().releaseTagPrefix())))
                    .tags(serviceScope.tags(ruleName))
                    .build(), serviceScope.options());
            new EventTarget(ruleName, EventTargetArgs.builder()
                    .rule(rule.name())
                    .arn(pipeline.arn())
                    .roleArn(role.arn())
                    .inputTransformer(EventTargetInputTransformerArgs.builder()
                            .inputPaths(ReleaseEvents.inputPaths())
                            .inputTemplate(ReleaseEvents.sourceOverrideTemplate(IMAGE_ACTION))
                            .build())
                    .build(), serviceScope.options());
        });
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

    private Role ciRole(Scope scope, String serviceName, AppService service, Output<ServiceDeployDocuments> documents,
                        DeployPolicies.DeployTarget target, Wiring wiring, Output<String> github,
                        String repository) {
        String prefix = serviceName + "/";
        for (String file : List.of(ServiceDeployDocuments.TASKDEF_FILE, ServiceDeployDocuments.APPSPEC_FILE)) {
            boolean taskdef = file.equals(ServiceDeployDocuments.TASKDEF_FILE);
            new BucketObjectv2(scope.name(serviceName + "-" + file), BucketObjectv2Args.builder()
                    .bucket(artifacts.name())
                    .key(prefix + file)
                    .content(documents.applyValue(d -> taskdef ? d.taskDefinitionJson() : d.appSpecYaml()))
                    .contentType(taskdef ? "application/json" : "application/yaml")
                    .tags(scope.tags(prefix + file))
                    .build(), scope.options());
        }
        documentLocations.put(serviceName, artifacts.name().applyValue(b -> "s3://" + b + "/" + prefix));
        String[] orgAndRepo = repository.split("/", 2);
        // Only jobs bound to the GitHub environment named after this stack may deploy it: the environment's
        // protection rules (reviewers, branches) then gate production deploys.
        String subject = PolicyDocuments.githubEnvironmentSubject(orgAndRepo[0], orgAndRepo[1],
                scope.settings().stack());
        String id = scope.name(serviceName + "-ci-deploy");
        Role role = new Role(id, RoleArgs.builder()
                .name(id)
                .description("GitHub Actions of " + repository + " deploy " + serviceName + " through CodeDeploy")
                // IAM fixes the provider's ARN (account + host); deriving it from the provider output keeps the
                // role created after the provider, which IAM requires of a federated principal.
                .assumeRolePolicy(github.applyValue(created -> PolicyDocuments.githubOidcTrust(
                        githubProviderArn(scope.settings().accountId()), List.of(subject)).toJson()))
                .maxSessionDuration(3600)
                .tags(scope.tags(id))
                .build(), scope.options());
        new RolePolicy(id, RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.all(artifacts.arn(), wiring.kmsKeyArn(), service.executionRole().arn(),
                        service.taskRole().arn(), wiring.repositories().get(serviceName).arn())
                        .applyValue(a -> DeployPolicies.ciDeployRole(
                        a.get(0) + "/" + prefix + "*", a.get(1), scope.settings().region(),
                        new DeployPolicies.DeployTarget(target.applicationArn(), target.deploymentGroupArn(),
                                target.deploymentConfigArn(), a.get(2), a.get(3)), a.get(4)).toJson()))
                .build(), scope.options());
        // Only this role may push to the service's repository: platform/release/ReleaseGuards.
        return role;
    }

    static String githubProviderArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + PolicyDocuments.GITHUB_OIDC_HOST;
    }

    /** The account's GitHub OIDC provider, created here or named by {@code deploy.githubOidcProvider: existing}. */
    public Output<String> githubProviderArn() {
        return githubProviderArn;
    }

    public DeployMode mode() {
        return mode;
    }

    public SecureBucket artifacts() {
        return artifacts;
    }

    public Map<String, Pipeline> pipelines() {
        return pipelines;
    }

    public Map<String, Role> ciRoles() {
        return ciRoles;
    }

    /** Service → where its deploy documents live (the zip in pipeline mode, the folder in codedeploy mode). */
    public Map<String, Output<String>> documentLocations() {
        return documentLocations;
    }
}
