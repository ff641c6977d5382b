package jp.twozeroseven.infra.data.orchestration;

/**
 * One table to ETL in an execution, the run group (schedule bucket) it belongs to, and what its task needs.
 *
 * @param incremental         whether the table keeps a watermark (then a dated export needs mode backfill)
 * @param ephemeralStorageGiB the task's Fargate ephemeral storage, 21..200 GiB (ECS API reference, EphemeralStorage)
 * @param catchUpWindow       the most one run reads past the watermark, in the incremental column's unit (0 = all)
 * @param taskDefinition      the task definition family that exports this item's zone: the masked export for every
 *                            table, and a second item with the raw export's family for a table in rawZoneTables
 */
public record TableRun(String name, String runGroup, boolean incremental, int ephemeralStorageGiB, long catchUpWindow,
                       String taskDefinition) {

    public TableRun {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("table name '" + name + "' must be a plain SQL identifier (letters, digits, _)");
        }
        if (runGroup == null || !runGroup.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("run group '" + runGroup + "' of table " + name + " must be lower-case letters, digits, '-'");
        }
        if (ephemeralStorageGiB < 21 || ephemeralStorageGiB > 200) {
            throw new IllegalArgumentException("ephemeral storage " + ephemeralStorageGiB + " GiB of table " + name
                    + " must be 21..200 (Fargate's range)");
        }
        if (taskDefinition == null || !taskDefinition.matches("[A-Za-z0-9_-]{1,255}")) {
            throw new IllegalArgumentException("task definition '" + taskDefinition + "' of table " + name
                    + " must be a family name without a revision (letters, digits, _ and -)");
        }
        if (catchUpWindow < 0) {
            throw new IllegalArgumentException("catch-up window " + catchUpWindow + " of table " + name + " is negative");
        }
    }

    /** An incremental table with the smallest settable disk and no catch-up window. */
    public TableRun(String name, String runGroup, String taskDefinition) {
        this(name, runGroup, true, 21, 0, taskDefinition);
    }
}
