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
import com.pulumi.aws.ecr.RepositoryPolicy;
import com.pulumi.aws.ecr.RepositoryPolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.iam.PolicyDocuments;
import jp.twozeroseven.infra.platform.registry.Registries;
import jp.twozeroseven.infra.platform.release.ReleaseRolePolicies;
import jp.twozeroseven.infra.platform.release.RepositoryGuard;
import jp.twozeroseven.infra.settings.DeployMode;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What starts one service's blue/green deploy ({@link DeployTrigger} explains the two modes), and who may start it:
 * in pipeline mode its deploy bundle, its CodePipeline, the EventBridge rule that starts it on a push of a release
 * tag and its release role, which its repository's GitHub Actions (in the GitHub environment named after the stack)
 * push the release image with; in codedeploy mode its two deploy documents and the CI role those GitHub Actions
 * push and deploy with. Either way its ECR repository's policy ({@link RepositoryGuard}) lets only that role (and
 * the break-glass role) push, so nobody else can start a deploy of it.
 */
public final class ServiceRelease {

    /** The release pipeline's image source action and its artifact, and its deploy-bundle artifact. */
    static final String IMAGE_ACTION = "Image";
    static final String IMAGE_ARTIFACT = "ReleaseImage";
    static final String BUNDLE_ARTIFACT = "DeployBundle";

    /**
     * @param service          the service's name; its documents live under {@code <service>/} in the bucket
     * @param mode             pipeline or codedeploy (deploy.mode)
     * @param releaseTagPrefix the tag prefix of release images (deploy.releaseTagPrefix)
     * @param deploymentConfig the CodeDeploy deployment config (deploy.deploymentConfig)
     * @param applicationName  the CodeDeploy application, and {@code groupName} the service's deployment group
     *                         (empty for a service ECS deploys by rolling update: a worker has none)
     * @param githubRepository {@code org/repo} whose GitHub Actions release the service (both modes)
     * @param stack            the stack's name: the GitHub environment allowed to release it
     * @param deployRoleArn    Pulumi's deploy role: the only one that may rewrite the repository's settings
     * @param breakGlassRoleArn the emergency role: may push, delete images and rewrite settings
     */
    public record Props(String service, DeployMode mode, String releaseTagPrefix, String deploymentConfig,
                        String applicationName, Optional<String> groupName, String githubRepository, String region,
                        String accountId, String stack, String deployRoleArn, String breakGlassRoleArn) {
    }

    /** What the release works with. */
    public record Target(DeployTrigger shared, Output<String> kmsKeyArn, Repository repository, Role executionRole,
                         Role taskRole, Output<ServiceDeployDocuments> documents) {
    }

    /**
     * @param pipeline         the release pipeline (pipeline mode; else null)
     * @param ciRole           the CI deploy role (codedeploy mode; else null)
     * @param documentLocation where the deploy documents live (the zip, or the folder)
     * @param releaseRole      the GitHub OIDC role that pushes release images (pipeline mode; else null)
     * @param pushGuard        the repository policy that lets only the release (or CI) role push
     */
    public record Created(Pipeline pipeline, Role ciRole, Output<String> documentLocation, Role releaseRole,
                          RepositoryPolicy pushGuard) {
    }

    private ServiceRelease() {
    }

    /**
     * An ECS service's ARN in the long format, which names its cluster:
     * {@code arn:aws:ecs:<region>:<account>:service/<cluster>/<service>} (Amazon ECS Developer Guide, "Amazon
     * Resource Names (ARNs) and IDs"; long ARNs are the only format for services created since 2021). Derived
     * from names rather than read from the provider, so the policy is whole in a first preview.
     */
    public static String ecsServiceArn(String region, String accountId, String cluster, String service) {
        return "arn:aws:ecs:" + region + ":" + accountId + ":service/" + cluster + "/" + service;
    }

    private static String blueGreenGroup(Props props) {
        return props.groupName().orElseThrow(() -> new IllegalArgumentException(props.service()
                + ": a CodeDeploy release needs the service's deployment group; a rolling-update service has none"));
    }

    /**
     * @param scope   the service's scope: resources land under its parent and are tagged with its service
     * @param options a fresh builder of the created resources' options each call (parent, provider, aliases)
     */
    public static Created create(Scope scope, Props props, Target target,
                                 Supplier<CustomResourceOptions.Builder> options) {
        CodeDeployArns arns = new CodeDeployArns(props.region(), props.accountId());
        DeployPolicies.DeployTarget deploy = new DeployPolicies.DeployTarget(arns.application(props.applicationName()),
                arns.deploymentGroup(props.applicationName(), blueGreenGroup(props)),
                arns.deploymentConfig(props.deploymentConfig()), null, null);
        if (props.mode() == DeployMode.PIPELINE) {
            return pipeline(scope, props, target, deploy, options);
        }
        return ciRole(scope, props, target, deploy, options);
    }

    /**
     * The release of a worker (a service without a load balancer, which CodeDeploy cannot deploy: its ECS
     * blue/green needs target groups and listeners). Its {@code taskdef.json} is published under
     * {@code <service>/}; the GitHub Actions of its repository, in the environment named after the stack, push the
     * image, render it into the app container of taskdef.json, register the revision and update the one service,
     * whose rolling deployment (circuit breaker and rollback on) replaces the tasks. The role is the release role
     * ({@code -release-push}) in pipeline mode and the CI role ({@code -ci-deploy}) in codedeploy mode, as for the
     * other services, and the repository's push guard names it.
     *
     * <p>Not a CodePipeline with the ECS standard deploy action: that action needs an {@code imagedefinitions.json}
     * naming the pushed image as its one input artifact (CodePipeline user guide, "Amazon Elastic Container Service
     * deploy action reference" and "Image definitions file reference"), and the ECR source action outputs only
     * {@code imageDetail.json}, so a build step would have to write it; the CodePipeline Commands action is not in
     * the provider this program pins (pulumi-aws 6.83, PipelineStageAction has no commands). docs/workers.md.
     *
     * @param serviceArn the worker's ECS service, the only one its role may update
     */
    public static Created rolling(Scope scope, Props props, Target target, Output<String> serviceArn) {
        String serviceName = props.service();
        var artifacts = target.shared().artifacts();
        String prefix = serviceName + "/";
        String key = prefix + ServiceDeployDocuments.TASKDEF_FILE;
        new BucketObjectv2(scope.name(serviceName + "-" + ServiceDeployDocuments.TASKDEF_FILE),
                BucketObjectv2Args.builder()
                        .bucket(artifacts.name())
                        .key(key)
                        .content(target.documents().applyValue(ServiceDeployDocuments::taskDefinitionJson))
                        .contentType("application/json")
                        .tags(scope.tags(key))
                        .build(), scope.options());
        boolean pipelineMode = props.mode() == DeployMode.PIPELINE;
        String id = scope.name(serviceName + (pipelineMode ? "-release-push" : "-ci-deploy"));
        Role role = new Role(id, RoleArgs.builder()
                .name(id)
                .description("GitHub Actions of " + props.githubRepository() + " (environment " + props.stack()
                        + ") release " + serviceName + " by rolling update")
                // Derived from the provider output: IAM wants the federated principal to exist.
                .assumeRolePolicy(target.shared().githubProvider().applyValue(created -> ReleaseRolePolicies.trust(
                        DeployTrigger.githubProviderArn(props.accountId()), props.githubRepository(),
                        props.stack()).toJson()))
                .maxSessionDuration(3600)
                .tags(scope.tags(id))
                .build(), scope.options());
        new RolePolicy(id, RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.all(artifacts.arn(), target.kmsKeyArn(), serviceArn, target.executionRole().arn(),
                                target.taskRole().arn(), target.repository().arn())
                        .applyValue(a -> DeployPolicies.rollingDeploy(a.get(0) + "/" + prefix + "*", a.get(1),
                                props.region(), a.get(2), a.get(3), a.get(4), a.get(5)).toJson()))
                .build(), scope.options());
        RepositoryPolicy guard = pushGuard(scope, props, target.repository(), role, scope.options());
        return new Created(null, pipelineMode ? null : role,
                artifacts.name().applyValue(b -> "s3://" + b + "/" + prefix), pipelineMode ? role : null, guard);
    }

    private static Created pipeline(Scope scope, Props props, Target target, DeployPolicies.DeployTarget deploy,
                                    Supplier<CustomResourceOptions.Builder> options) {
        String serviceName = props.service();
        var artifacts = target.shared().artifacts();
        String id = scope.name(serviceName + "-release");
        String key = serviceName + "/" + DeployTrigger.BUNDLE_KEY;
        BucketObjectv2 bundle = new BucketObjectv2(id + "-bundle", BucketObjectv2Args.builder()
                .bucket(artifacts.name())
                .key(key)
                .contentBase64(target.documents().applyValue(ServiceDeployDocuments::bundleBase64))
                .contentType("application/zip")
                .tags(scope.tags(key))
                .build(), options.get().build());
        Repository repository = target.repository();
        Role role = ServiceRoles.create(scope, id, "codepipeline.amazonaws.com",
                "CodePipeline deploys " + serviceName + " blue/green", options.get().build());
        List<String> prefixes = target.shared().documentPrefixes();
        RolePolicy policy = new RolePolicy(id, RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.all(artifacts.arn(), target.kmsKeyArn(), repository.arn(),
                        target.executionRole().arn(), target.taskRole().arn()).applyValue(a ->
                        DeployPolicies.pipelineRole(a.get(0), a.get(1), a.get(2), new DeployPolicies.DeployTarget(
                                deploy.applicationArn(), deploy.deploymentGroupArn(), deploy.deploymentConfigArn(),
                                a.get(3), a.get(4)), prefixes).toJson()))
                .build(), options.get().build());
        Map<String, String> deployConfig = new LinkedHashMap<>();
        deployConfig.put("ApplicationName", props.applicationName());
        deployConfig.put("DeploymentGroupName", blueGreenGroup(props));
        deployConfig.put("TaskDefinitionTemplateArtifact", BUNDLE_ARTIFACT);
        deployConfig.put("TaskDefinitionTemplatePath", ServiceDeployDocuments.TASKDEF_FILE);
        deployConfig.put("AppSpecTemplateArtifact", BUNDLE_ARTIFACT);
        deployConfig.put("AppSpecTemplatePath", ServiceDeployDocuments.APPSPEC_FILE);
        deployConfig.put("Image1ArtifactName", IMAGE_ARTIFACT);
        deployConfig.put("Image1ContainerName", "IMAGE1_NAME");
        String initialTag = Registries.initialReleaseTag(props.releaseTagPrefix());
        Pipeline pipeline = new Pipeline(id, PipelineArgs.builder()
                .name(id)
                .pipelineType("V2")
                // One CodeDeploy deployment per group at a time: later releases wait instead of failing.
                .executionMode("QUEUED")
                .roleArn(role.arn())
                .artifactStores(PipelineArtifactStoreArgs.builder()
                        .type("S3").location(artifacts.name())
                        .encryptionKey(PipelineArtifactStoreEncryptionKeyArgs.builder()
                                .type("KMS").id(target.kmsKeyArn()).build())
                        .build())
                .stages(PipelineStageArgs.builder().name("Source").actions(
                                PipelineStageActionArgs.builder().name(IMAGE_ACTION).category("Source")
                                        .owner("AWS").provider("ECR").version("1")
                                        .outputArtifacts(IMAGE_ARTIFACT)
                                        // The tag only seeds the action; each run gets the pushed digest
                                        // from the EventBridge target (ReleaseEvents).
                                        .configuration(repository.name().applyValue(r -> Map.of(
                                                "RepositoryName", r,
                                                "ImageTag", initialTag)))
                                        .build(),
                                PipelineStageActionArgs.builder().name(BUNDLE_ARTIFACT)
                                        .category("Source").owner("AWS").provider("S3").version("1")
                                        .outputArtifacts(BUNDLE_ARTIFACT)
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
                .build(), options.get().dependsOn(policy, bundle).build());
        startOnRelease(scope, props, target, pipeline, options);
        Role releaseRole = releaseRole(scope, props, target.shared(), repository);
        // New in pipeline mode (issue 14): no former parent to alias.
        RepositoryPolicy guard = pushGuard(scope, props, repository, releaseRole, scope.options());
        return new Created(pipeline, null, artifacts.name().applyValue(b -> "s3://" + b + "/" + key), releaseRole,
                guard);
    }

    /**
     * The role the service's GitHub Actions push release images with (pipeline mode), trusted only by jobs of its
     * repository in the GitHub environment named after the stack ({@link ReleaseRolePolicies}).
     */
    private static Role releaseRole(Scope scope, Props props, DeployTrigger shared, Repository repository) {
        String id = scope.name(props.service() + "-release-push");
        String github = props.githubRepository();
        String provider = DeployTrigger.githubProviderArn(props.accountId());
        Role role = new Role(id, RoleArgs.builder()
                .name(id)
                .description("GitHub Actions of " + github + " (environment " + props.stack()
                        + ") push the release images of " + props.service())
                // Derived from the provider output, as the CI role's: IAM wants the federated principal to exist.
                .assumeRolePolicy(shared.githubProvider().applyValue(created ->
                        ReleaseRolePolicies.trust(provider, github, props.stack()).toJson()))
                .maxSessionDuration(3600)
                .tags(scope.tags(id))
                .build(), scope.options());
        new RolePolicy(id, RolePolicyArgs.builder()
                .role(role.id())
                .policy(repository.arn().applyValue(arn -> ReleaseRolePolicies.permissions(arn).toJson()))
                .build(), scope.options());
        return role;
    }

    /** Only {@code releaseRole} (and the break-glass role) may push to the repository ({@link RepositoryGuard}). */
    private static RepositoryPolicy pushGuard(Scope scope, Props props, Repository repository, Role releaseRole,
                                              CustomResourceOptions options) {
        return new RepositoryPolicy(scope.name(props.service() + "-push-guard"), RepositoryPolicyArgs.builder()
                .repository(repository.name())
                .policy(releaseRole.arn().applyValue(arn -> RepositoryGuard.document(arn, props.deployRoleArn(),
                        props.breakGlassRoleArn(), props.accountId()).toJson()))
                .build(), options);
    }

    private static void startOnRelease(Scope scope, Props props, Target target, Pipeline pipeline,
                                       Supplier<CustomResourceOptions.Builder> options) {
        String ruleName = scope.name(props.service() + "-release-pushed");
        EventRule rule = new EventRule(ruleName, EventRuleArgs.builder()
                .name(ruleName)
                .description("A " + props.releaseTagPrefix() + "* image of " + props.service()
                        + " was pushed to ECR")
                .eventPattern(target.repository().name().applyValue(repo ->
                        ReleaseEvents.ecrPushPattern(repo, props.releaseTagPrefix())))
                .tags(scope.tags(ruleName))
                .build(), options.get().build());
        new EventTarget(ruleName, EventTargetArgs.builder()
                .rule(rule.name())
                .arn(pipeline.arn())
                .roleArn(target.shared().releaseEvents().arn())
                .inputTransformer(EventTargetInputTransformerArgs.builder()
                        .inputPaths(ReleaseEvents.inputPaths())
                        .inputTemplate(ReleaseEvents.sourceOverrideTemplate(IMAGE_ACTION))
                        .build())
                .build(), options.get().build());
    }

    private static Created ciRole(Scope scope, Props props, Target target, DeployPolicies.DeployTarget deploy,
                                  Supplier<CustomResourceOptions.Builder> options) {
        String serviceName = props.service();
        var artifacts = target.shared().artifacts();
        String prefix = serviceName + "/";
        for (String file : List.of(ServiceDeployDocuments.TASKDEF_FILE, ServiceDeployDocuments.APPSPEC_FILE)) {
            boolean taskdef = file.equals(ServiceDeployDocuments.TASKDEF_FILE);
            new BucketObjectv2(scope.name(serviceName + "-" + file), BucketObjectv2Args.builder()
                    .bucket(artifacts.name())
                    .key(prefix + file)
                    .content(target.documents().applyValue(d -> taskdef ? d.taskDefinitionJson() : d.appSpecYaml()))
                    .contentType(taskdef ? "application/json" : "application/yaml")
                    .tags(scope.tags(prefix + file))
                    .build(), options.get().build());
        }
        String repository = props.githubRepository();
        String[] orgAndRepo = repository.split("/", 2);
        // Only jobs bound to the GitHub environment named after this stack may deploy it: the environment's
        // protection rules (reviewers, branches) then gate production deploys.
        String subject = PolicyDocuments.githubEnvironmentSubject(orgAndRepo[0], orgAndRepo[1], props.stack());
        String id = scope.name(serviceName + "-ci-deploy");
        Role role = new Role(id, RoleArgs.builder()
                .name(id)
                .description("GitHub Actions of " + repository + " deploy " + serviceName + " through CodeDeploy")
                // IAM fixes the provider's ARN (account + host); deriving it from the provider output keeps the
                // role created after the provider, which IAM requires of a federated principal.
                .assumeRolePolicy(target.shared().githubProvider().applyValue(created -> PolicyDocuments
                        .githubOidcTrust(DeployTrigger.githubProviderArn(props.accountId()), List.of(subject))
                        .toJson()))
                .maxSessionDuration(3600)
                .tags(scope.tags(id))
                .build(), options.get().build());
        new RolePolicy(id, RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.all(artifacts.arn(), target.kmsKeyArn(), target.executionRole().arn(),
                                target.taskRole().arn(), target.repository().arn())
                        .applyValue(a -> DeployPolicies.ciDeployRole(
                                a.get(0) + "/" + prefix + "*", a.get(1), props.region(),
                                new DeployPolicies.DeployTarget(deploy.applicationArn(), deploy.deploymentGroupArn(),
                                        deploy.deploymentConfigArn(), a.get(2), a.get(3)), a.get(4)).toJson()))
                .build(), options.get().build());
        // Only this role may push to the service's repository, so nobody else can start a deploy of it. It lived
        // under DeployTrigger before issue 17: the options carry that alias, and it keeps its name.
        RepositoryPolicy guard = pushGuard(scope, props, target.repository(), role, options.get().build());
        return new Created(null, role, artifacts.name().applyValue(b -> "s3://" + b + "/" + prefix), null, guard);
    }
}
