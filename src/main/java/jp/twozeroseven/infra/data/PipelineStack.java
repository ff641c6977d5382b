package jp.twozeroseven.infra.data;

import jp.twozeroseven.infra.support.Required;

/**
 * Where the pipeline is deployed: the facts about the stack that its names, ARNs and retention derive from. Plain
 * values, filled once by the stack composition ({@code composition.DataPipelinePropsFrom}); no component of the
 * pipeline reads the stack settings itself.
 *
 * @param stack            the Pulumi stack ({@code prod}, {@code stg}): the {@code stack} attribute of the New
 *                         Relic events and the Slack messages. Required.
 * @param account          the 12-digit AWS account id every ARN in the IAM documents names. Required.
 * @param region           the AWS region of every resource and ARN ({@code ap-northeast-1}). Required.
 * @param namePrefix       {@code <project>-<stack>}, the prefix of the physical names the pipeline builds itself
 *                         (log group and secret paths, the Glue database prefix); the same one {@code Scope.name}
 *                         applies. Required.
 * @param production       a production tier: secrets keep a 30-day recovery window (7 otherwise) and replaced
 *                         exports 30 days of noncurrent versions (7 otherwise)
 * @param logRetentionDays retention of every log group of the pipeline (stack key {@code logRetentionDays},
 *                         default 90)
 */
public record PipelineStack(String stack, String account, String region, String namePrefix, boolean production,
                            int logRetentionDays) {

    public PipelineStack {
        if (account == null || !account.matches("\\d{12}")) {
            throw new IllegalArgumentException("account must be a 12-digit AWS account id, got " + account);
        }
        Required.components(PipelineStack.class, stack, account, region, namePrefix, production, logRetentionDays);
        if (logRetentionDays < 1) {
            throw new IllegalArgumentException("logRetentionDays must be positive, got " + logRetentionDays);
        }
    }

    /** Secrets Manager's recovery window of the pipeline's secrets. */
    public int secretRecoveryDays() {
        return production ? 30 : 7;
    }

    /** Days the data buckets keep a replaced export's previous version. */
    public int replacedVersionDays() {
        return production ? 30 : 7;
    }

    /** The Glue database prefix: Glue names take no hyphen. */
    public String databasePrefix() {
        return namePrefix.replace('-', '_');
    }
}
