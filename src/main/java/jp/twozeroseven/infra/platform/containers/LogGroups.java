package jp.twozeroseven.infra.platform.containers;

/**
 * CloudWatch log groups for the sidecars' own logs. The app's logs go to New Relic through FireLens;
 * the sidecars log to CloudWatch so a broken log pipeline can still be diagnosed.
 */
public record LogGroups(String logRouter, String infraAgent) {

    public LogGroups {
        requireName("log router", logRouter);
        requireName("infrastructure agent", infraAgent);
    }

    private static void requireName(String what, String name) {
        if (name == null || !name.matches("[A-Za-z0-9_./#-]{1,512}")) {
            throw new IllegalArgumentException(what + " log group name '" + name + "' is not a valid CloudWatch log group name");
        }
    }
}
