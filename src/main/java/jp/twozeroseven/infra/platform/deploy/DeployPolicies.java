package jp.twozeroseven.infra.platform.deploy;

import jp.twozeroseven.infra.iam.Condition;
import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.Effect;
import jp.twozeroseven.infra.iam.Statement;

import java.util.ArrayList;
import java.util.List;

/** The least-privilege permission policies of the deploy roles. */
public final class DeployPolicies {

    /** What a blue/green deploy of one service touches. */
    public record DeployTarget(String applicationArn, String deploymentGroupArn, String deploymentConfigArn,
                               String executionRoleArn, String taskRoleArn) {
    }

    private DeployPolicies() {
    }

    /**
     * CodePipeline: read the bundle and write artifacts in its bucket, read the image, register the task
     * definition and create the deployment.
     */
    public static PolicyDocument pipelineRole(String artifactBucketArn, String kmsKeyArn, String repositoryArn,
                                              DeployTarget target) {
        return pipelineRole(artifactBucketArn, kmsKeyArn, repositoryArn, target, List.of());
    }

    /**
     * @param documentPrefixes every service's deploy-document folder in the bucket ({@code api/}, {@code web/}):
     *                         Pulumi writes them, so no pipeline may overwrite or delete one, its own or another
     *                         service's (CodePipeline keeps its artifacts in a folder named after the pipeline)
     */
    public static PolicyDocument pipelineRole(String artifactBucketArn, String kmsKeyArn, String repositoryArn,
                                              DeployTarget target, List<String> documentPrefixes) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.allow("ArtifactObjects", List.of("s3:GetObject", "s3:GetObjectVersion",
                "s3:PutObject"), List.of(artifactBucketArn + "/*")));
        if (!documentPrefixes.isEmpty()) {
            statements.add(new Statement("DeployDocumentsAreWrittenByPulumiOnly", Effect.DENY,
                    List.of("s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion"),
                    documentPrefixes.stream().map(p -> artifactBucketArn + "/" + p + "*").toList(), List.of(), List.of()));
        }
        statements.add(Statement.allow("ArtifactBucket", List.of("s3:GetBucketVersioning", "s3:GetBucketLocation",
                "s3:ListBucket"), List.of(artifactBucketArn)));
        statements.add(Statement.allow("ArtifactEncryption", List.of("kms:Decrypt", "kms:GenerateDataKey"),
                List.of(kmsKeyArn)));
        statements.add(Statement.allow("ReadReleaseImage", List.of("ecr:DescribeImages"), List.of(repositoryArn)));
        // The CodeDeployToECS action looks the application up before it registers the revision.
        statements.add(Statement.allow("ReadApplication", List.of("codedeploy:GetApplication"),
                List.of(target.applicationArn())));
        statements.addAll(deployStatements(target));
        return new PolicyDocument(statements);
    }

    /**
     * The app repository's CI in codedeploy mode: read the published documents, register the task definition,
     * pass the service's two roles to ECS, and create and follow the deployment of its own group.
     */
    public static PolicyDocument ciDeployRole(String documentsArnPattern, String kmsKeyArn, String region,
                                              DeployTarget target) {
        return ciDeployRole(documentsArnPattern, kmsKeyArn, region, target, null);
    }

    /**
     * The same, plus pushing the service's image to its own repository (docs/blue-green.md: CI builds and pushes).
     * Pushing takes GetAuthorizationToken, which has no resource-level permissions (Resource "*"), and the layer
     * upload and PutImage actions on the repository (Amazon ECR User Guide, "Required IAM permissions for pushing
     * an image", image-push-iam.html).
     *
     * @param repositoryArn the service's repository, or null for a role that does not push
     */
    public static PolicyDocument ciDeployRole(String documentsArnPattern, String kmsKeyArn, String region,
                                              DeployTarget target, String repositoryArn) {
        List<Statement> statements = new ArrayList<>();
        if (repositoryArn != null) {
            statements.addAll(pushImage(repositoryArn));
        }
        statements.addAll(readDocuments(documentsArnPattern, kmsKeyArn, region));
        statements.addAll(deployStatements(target));
        return new PolicyDocument(statements);
    }

    /** The actions {@code docker push} to one ECR repository needs (image-push-iam.html). */
    public static final List<String> PUSH_ACTIONS = List.of("ecr:BatchCheckLayerAvailability",
            "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage");

    static List<Statement> pushImage(String repositoryArn) {
        return List.of(
                Statement.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                Statement.allow("PushServiceImage", PUSH_ACTIONS, List.of(repositoryArn)));
    }

    /** EventBridge starts exactly these pipelines. */
    public static PolicyDocument startPipelines(List<String> pipelineArns) {
        return PolicyDocument.of(Statement.allow("StartReleasePipelines", List.of("codepipeline:StartPipelineExecution"),
                pipelineArns));
    }

    /**
     * A worker's release (docs/workers.md): push its image, read its published taskdef.json, register a revision
     * of its family, pass its two task roles to ECS, and point its one service at the revision and follow the
     * rollout (ecs:UpdateService and ecs:DescribeServices take the service's ARN as resource: Service Authorization
     * Reference, Amazon ECS, resource type "service"). No CodeDeploy: ECS's rolling update deploys it.
     *
     * @param serviceArn the worker's ECS service ({@code arn:aws:ecs:<region>:<account>:service/<cluster>/<name>})
     */
    public static PolicyDocument rollingDeploy(String documentsArnPattern, String kmsKeyArn, String region,
                                               String serviceArn, String executionRoleArn, String taskRoleArn,
                                               String repositoryArn) {
        List<Statement> statements = new ArrayList<>(pushImage(repositoryArn));
        statements.addAll(readDocuments(documentsArnPattern, kmsKeyArn, region));
        statements.addAll(taskDefinitionStatements(executionRoleArn, taskRoleArn));
        statements.add(Statement.allow("UpdateOwnService", List.of("ecs:UpdateService", "ecs:DescribeServices"),
                List.of(serviceArn)));
        return new PolicyDocument(statements);
    }

    private static List<Statement> readDocuments(String documentsArnPattern, String kmsKeyArn, String region) {
        return List.of(
                Statement.allow("ReadDeployDocuments", List.of("s3:GetObject"), List.of(documentsArnPattern)),
                // The documents bucket is SSE-KMS: GetObject needs Decrypt, and only through S3.
                Statement.allow("DecryptDeployDocuments", List.of("kms:Decrypt"), List.of(kmsKeyArn))
                        .withConditions(List.of(Condition.of("StringEquals", "kms:ViaService",
                                "s3." + region + ".amazonaws.com"))));
    }

    private static List<Statement> deployStatements(DeployTarget target) {
        List<Statement> statements = new ArrayList<>(taskDefinitionStatements(target.executionRoleArn(),
                target.taskRoleArn()));
        statements.addAll(codeDeployStatements(target));
        return statements;
    }

    private static List<Statement> taskDefinitionStatements(String executionRoleArn, String taskRoleArn) {
        return List.of(
                // RegisterTaskDefinition supports no resource-level permissions.
                Statement.allow("RegisterTaskDefinition", List.of("ecs:RegisterTaskDefinition"), List.of("*")),
                // taskdef.json carries tags, and ECS then also checks TagResource, but only for this action.
                Statement.allow("TagOnRegister", List.of("ecs:TagResource"), List.of("*"))
                        .withConditions(List.of(Condition.of("StringEquals", "ecs:CreateAction",
                                "RegisterTaskDefinition"))),
                Statement.allow("PassTaskRoles", List.of("iam:PassRole"),
                                List.of(executionRoleArn, taskRoleArn))
                        .withConditions(List.of(Condition.of("StringEquals", "iam:PassedToService",
                                "ecs-tasks.amazonaws.com"))));
    }

    private static List<Statement> codeDeployStatements(DeployTarget target) {
        return List.of(
                Statement.allow("CreateDeployment", List.of("codedeploy:CreateDeployment",
                        "codedeploy:GetDeployment"), List.of(target.deploymentGroupArn())),
                Statement.allow("ApplicationRevisions", List.of("codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"),
                        List.of(target.applicationArn())),
                Statement.allow("DeploymentConfig", List.of("codedeploy:GetDeploymentConfig"),
                        List.of(target.deploymentConfigArn())));
    }
}
