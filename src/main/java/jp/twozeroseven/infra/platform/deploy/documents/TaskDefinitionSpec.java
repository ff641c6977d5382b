package jp.twozeroseven.infra.platform.deploy.documents;

import jp.twozeroseven.infra.platform.containers.ServiceTask;

/**
 * Inputs of the CodeDeploy {@code taskdef.json}. The app image is always replaced by {@code <IMAGE1_NAME>},
 * whatever {@code task} says, because CodeDeploy fills it in from the pushed image.
 */
public record TaskDefinitionSpec(String family, String executionRoleArn, String taskRoleArn,
                                 CpuArchitecture cpuArchitecture, ServiceTask task) {

    public TaskDefinitionSpec {
        if (family == null || !family.matches("[A-Za-z0-9_-]{1,255}")) {
            throw new IllegalArgumentException("task definition family '" + family + "' may contain only letters, digits, '-' and '_'");
        }
        requireRoleArn("execution role", executionRoleArn);
        requireRoleArn("task role", taskRoleArn);
        if (cpuArchitecture == null) {
            throw new IllegalArgumentException("task definition " + family + " needs a CPU architecture (X86_64 or ARM64)");
        }
        if (task == null) {
            throw new IllegalArgumentException("task definition " + family + " needs its service task");
        }
    }

    private static void requireRoleArn(String what, String arn) {
        if (arn == null || !arn.matches("arn:aws:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]+")) {
            throw new IllegalArgumentException(what + " ARN '" + arn + "' must look like arn:aws:iam::123456789012:role/name");
        }
    }
}
