package jp.twozeroseven.infra.platform.service;

import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.Statement;

import java.util.List;

/** The execution role's permissions: pull its own image, write its own log groups, read its own secrets. */
public final class TaskRoles {

    private TaskRoles() {
    }

    public static PolicyDocument executionPolicy(String repositoryArn, List<String> logGroupArns,
                                                 List<String> secretArns, String kmsKeyArn) {
        return PolicyDocument.of(
                // GetAuthorizationToken has no resource-level permissions; AWS documents "*" for it.
                Statement.allow("EcrToken", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                Statement.allow("PullOwnImage", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer"), List.of(repositoryArn)),
                Statement.allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        logGroupArns.stream().map(arn -> arn + ":*").toList()),
                Statement.allow("ReadOwnSecrets", List.of("secretsmanager:GetSecretValue"), secretArns),
                Statement.allow("DecryptOwnSecrets", List.of("kms:Decrypt"), List.of(kmsKeyArn)));
    }
}
