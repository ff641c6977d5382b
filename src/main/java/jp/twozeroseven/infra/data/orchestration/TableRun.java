package jp.twozeroseven.infra.data.orchestration;

/** One table to ETL in an execution, and the run group (schedule bucket) it belongs to. */
public record TableRun(String name, String runGroup) {

    public TableRun {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("table name '" + name + "' must be a plain SQL identifier (letters, digits, _)");
        }
        if (runGroup == null || !runGroup.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("run group '" + runGroup + "' of table " + name + " must be lower-case letters, digits, '-'");
        }
    }
}
