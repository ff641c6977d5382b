package jp.twozeroseven.infra.settings;

/**
 * Where the Embulk tasks run first. Fargate Spot runs only X86_64 Linux tasks (ECS developer guide, "AWS Fargate
 * capacity providers": "Linux tasks with the ARM64 architecture don't support the Fargate Spot capacity provider"),
 * so {@link #SPOT_FIRST} requires {@code embulkTask.architecture: x86_64}.
 */
public enum EtlCapacity {
    /** FARGATE_SPOT first; a lost Spot task or any RunTask API error runs again on FARGATE. */
    SPOT_FIRST("spot-first"),
    /** FARGATE only (the only choice for ARM64). */
    ON_DEMAND("on-demand");

    private final String yamlName;

    EtlCapacity(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
