package jp.twozeroseven.infra.settings;

import jp.twozeroseven.infra.support.LowerCaseName;

/**
 * The data zones an audience may read ({@code raw}, {@code masked} in the stack file); the query-results zone is
 * implied by having a workgroup at all.
 */
public enum AccessZone implements LowerCaseName {
    RAW,
    MASKED
}
