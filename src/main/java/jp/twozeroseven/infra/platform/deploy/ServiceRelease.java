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
import jp.twozeroseven.infra.settings.DeployMode;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What starts one service's blue/green deploy ({@link DeployTrigger} explains the two modes): in pipeline mode its
 * deploy bundle, its CodePipeline and the EventBridge rule that starts it on a push of a release tag; in
 * codedeploy mode its two deploy documents, the role its repository's GitHub Actions deploy with, and the
 * repository policy that lets only that role push.
 */
public final class ServiceRelease {

    /**
     * @param service          the service's name; its documents live under {@code <service>/} in the bucket
     * @param mode             pipeline or codedeploy (deploy.mode)
     * @param releaseTagPrefix the tag prefix of release images (deploy.releaseTagPrefix)
     * @param deploymentConfig the CodeDeploy deployment config (deploy.deploymentConfig)
     * @param applicationName  the CodeDeploy application, and {@code groupName} the service's deployment group
     * @param githubRepository {@code org/repo} whose GitHub Actions deploy the service (codedeploy mode; else null)
     * @param stack            the stack's name: the GitHub environment allowed to deploy it
     */
    public record Props(String service, DeployMode mode, String releaseTagPrefix, String deploymentConfig,
                        String applicationName, String groupName, String githubRepository, String region,
                        String accountId, String stack) {
    }

    /** What the release works with. */
    public record Target(DeployTrigger shared, Output<String> kmsKeyArn, Repository repository, Role executionRole,
                         Role taskRole, Output<ServiceDeployDocuments> documents) {
    }

    /**
     * @param pipeline         the release pipeline (pipeline mode; else null)
     * @param ciRole           the CI deploy role (codedeploy mode; else null)
     * @param documentLocation where the deploy documents live (the zip, or the folder)
     */
    public record Created(Pipeline pipeline, Role ciRole, Output<String> documentLocation) {
    }

    private ServiceRelease() {
    }

    /**
     * @param scope   the service's scope: resources land under its parent and are tagged with its service
     * @param options a fresh builder of the created resources' options each call (parent, provider, aliases)
     */
    public static Created create(Scope scope, Props props, Target target,
                                 Supplier<CustomResourceOptions.Builder> options) {
        CodeDeployArns arns = new CodeDeployArns(props.region(), props.accountId());
        DeployPolicies.DeployTarget deploy = new DeployPolicies.DeployTarget(arns.application(props.applicationName()),
                arns.deploymentGroup(props.applicationName(), props.groupName()),
                arns.deploymentConfig(props.deploymentConfig()), null, null);
        if (props.mode() == DeployMode.PIPELINE) {
            return pipeline(scope, props, target, deploy, options);
        }
        return ciRole(scope, props, target, deploy, options);
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
                "CodePipeline deploys " + serviceName + " blue/green", props.accountId(), options.get().build());
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
        deployConfig.put("DeploymentGroupName", props.groupName());
        deployConfig.put("TaskDefinitionTemplateArtifact", DeployTrigger.BUNDLE_ARTIFACT);
        deployConfig.put("TaskDefinitionTemplatePath", ServiceDeployDocuments.TASKDEF_FILE);
        deployConfig.put("AppSpecTemplateArtifact", DeployTrigger.BUNDLE_ARTIFACT);
        deployConfig.put("AppSpecTemplatePath", ServiceDeployDocuments.APPSPEC_FILE);
        deployConfig.put("Image1ArtifactName", DeployTrigger.IMAGE_ARTIFACT);
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
                                PipelineStageActionArgs.builder().name(DeployTrigger.IMAGE_ACTION).category("Source")
                                        .owner("AWS").provider("ECR").version("1")
                                        .outputArtifacts(DeployTrigger.IMAGE_ARTIFACT)
                                        // The tag only seeds the action; each run gets the pushed digest
                                        // from the EventBridge target (ReleaseEvents).
                                        .configuration(repository.name().applyValue(r -> Map.of(
                                                "RepositoryName", r,
                                                "ImageTag", initialTag)))
                                        .build(),
                                PipelineStageActionArgs.builder().name(DeployTrigger.BUNDLE_ARTIFACT)
                                        .category("Source").owner("AWS").provider("S3").version("1")
                                        .outputArtifacts(DeployTrigger.BUNDLE_ARTIFACT)
                                        .configuration(artifacts.name().applyValue(b -> Map.of("S3Bucket", b,
                                                "S3ObjectKey", key, "PollForSourceChanges", "false")))
                                        .build())
                                .build(),
                        PipelineStageArgs.builder().name("Deploy").actions(PipelineStageActionArgs.builder()
                                        .name("BlueGreen").category("Deploy").owner("AWS")
                                        .provider("CodeDeployToECS").version("1")
                                        .inputArtifacts(DeployTrigger.IMAGE_ARTIFACT, DeployTrigger.BUNDLE_ARTIFACT)
                                        .configuration(deployConfig)
                                        .build())
                                .build())
                .tags(scope.tags(id))
                .build(), options.get().dependsOn(policy, bundle).build());
        startOnRelease(scope, props, target, pipeline, options);
        return new Created(pipeline, null, artifacts.name().applyValue(b -> "s3://" + b + "/" + key));
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
                        .inputTemplate(ReleaseEvents.sourceOverrideTemplate(DeployTrigger.IMAGE_ACTION))
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
        // Only this role may push to the service's repository, so nobody else can start a deploy of it.
        new RepositoryPolicy(scope.name(serviceName + "-push-guard"), RepositoryPolicyArgs.builder()
                .repository(target.repository().name())
                .policy(role.arn().applyValue(arn -> DeployPolicies.pushOnlyBy(arn).toJson()))
                .build(), options.get().build());
        return new Created(null, role, artifacts.name().applyValue(b -> "s3://" + b + "/" + prefix));
    }
}
