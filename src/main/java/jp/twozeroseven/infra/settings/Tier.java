package jp.twozeroseven.infra.settings;

/** How much a stack matters: production gets high availability and protection; staging is small and cheap. */
public enum Tier {
    PRODUCTION, STAGING;

    public boolean isProduction() {
        return this == PRODUCTION;
    }
}
