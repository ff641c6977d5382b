package jp.twozeroseven.infra.settings;

/**
 * The Embulk Fargate task: one JVM exporting one table.
 *
 * @param imageTag immutable tag of the Embulk image in the ETL ECR repository
 */
public record DataPipelineTask(int cpu, int memory, CpuArchitecture architecture, String imageTag) {
}
