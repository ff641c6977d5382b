package jp.twozeroseven.infra.settings;

/** The data zones an audience may read; the query-results zone is implied by having a workgroup at all. */
public enum AccessZone {
    RAW("raw"),
    MASKED("masked");

    private final String yamlName;

    AccessZone(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
