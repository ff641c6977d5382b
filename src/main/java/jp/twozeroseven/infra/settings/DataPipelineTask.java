package jp.twozeroseven.infra.settings;

/**
 * The Embulk Fargate task: one JVM exporting one table.
 *
 * @param imageTag       immutable tag of the Embulk image in the ETL ECR repository
 * @param timeoutMinutes how long one table's task may run before Step Functions stops it and reports the table as
 *                       failed; without it a hung export holds the whole nightly run open (default 240)
 */
public record DataPipelineTask(int cpu, int memory, CpuArchitecture architecture, String imageTag, int timeoutMinutes) {

    public static final int DEFAULT_TIMEOUT_MINUTES = 240;

    public int timeoutSeconds() {
        return timeoutMinutes * 60;
    }
}
