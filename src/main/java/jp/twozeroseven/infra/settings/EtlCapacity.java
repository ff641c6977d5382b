package jp.twozeroseven.infra.settings;

import jp.twozeroseven.infra.support.LowerCaseName;

/**
 * Where the Embulk tasks run first. Fargate Spot runs only X86_64 Linux tasks (ECS developer guide, "AWS Fargate
 * capacity providers": "Linux tasks with the ARM64 architecture don't support the Fargate Spot capacity provider"),
 * so {@link #SPOT_FIRST} requires {@code embulkTask.architecture: x86_64}.
 */
public enum EtlCapacity implements LowerCaseName {
    /** FARGATE_SPOT first; a lost Spot task or any RunTask API error runs again on FARGATE. */
    SPOT_FIRST,
    /** FARGATE only (the only choice for ARM64). */
    ON_DEMAND;

    /** The stack file joins the words with a hyphen: {@code spot-first}, {@code on-demand}. */
    @Override
    public String yamlName() {
        return LowerCaseName.super.yamlName().replace('_', '-');
    }
}
