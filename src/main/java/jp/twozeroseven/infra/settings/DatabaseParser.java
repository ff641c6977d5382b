package jp.twozeroseven.infra.settings;

final class DatabaseParser {

    private static final String UTC_WINDOW = "hh:mm-hh:mm in UTC, e.g. 17:00-18:00";

    private DatabaseParser() {
    }

    static DatabaseSettings parse(Section s, Tier tier) {
        String version = s.matching("engineVersion", "1[4-7]\\.\\d+", "an Aurora PostgreSQL version such as 16.10");
        // Aurora offers a minor version for a limited time; CreateDBCluster refuses one it no longer offers. The list
        // is cited to the Aurora PostgreSQL release calendar (aurora-postgresql-versions.yaml).
        if (!version.isEmpty() && AuroraEngineVersions.find(version).isEmpty()) {
            s.report("engineVersion", version, "not an Aurora PostgreSQL version this program lists as offered "
                    + AuroraEngineVersions.names() + "; pick one of those, or add the version with its dates from "
                    + "the Aurora PostgreSQL release calendar to src/main/resources/jp/twozeroseven/infra/settings/"
                    + AuroraEngineVersions.FILE);
        }
        if (!version.isEmpty()) {
            AuroraEngineVersions.endOfSupportProblem(version, java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                    .ifPresent(problem -> s.report("engineVersion", version, problem));
        }
        String instanceClass = s.matching("instanceClass", "db\\.(serverless|[a-z0-9]+\\.[a-z0-9]+)",
                "an instance class such as db.r7g.large");
        int instances = s.integer("instances", 1, 15);
        if (tier.isProduction() && s.has("instances") && instances < 2) {
            s.report("instances", String.valueOf(instances), "production needs a writer and at least one reader");
        }
        String database = s.matching("databaseName", "[a-z][a-z0-9_]{0,62}", "a lower-case database name");
        String user = s.matching("masterUsername", "[a-z][a-z0-9_]{0,15}", "a lower-case user name (not admin)");
        if ("admin".equals(user) || "postgres".equals(user)) {
            s.report("masterUsername", user, "reserved by Aurora; choose another name");
        }
        int retention = s.integer("backupRetentionDays", tier.isProduction() ? 7 : 1, 35);
        String backup = s.matching("backupWindow", "([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d", UTC_WINDOW);
        String maintenance = s.matching("maintenanceWindow",
                "(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d-(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d",
                "ddd:hh:mm-ddd:hh:mm in UTC, e.g. sun:18:00-sun:19:00");
        checkWindows(s, backup, maintenance);
        int insights = s.integer("performanceInsightsRetentionDays", 7, 731, 7);
        if (insights != 7 && insights % 31 != 0) {
            s.report("performanceInsightsRetentionDays", String.valueOf(insights), "expected 7 or a multiple of 31");
        }
        s.rejectUnknownKeys();
        return new DatabaseSettings(version, instanceClass, instances, database, user, retention, backup,
                maintenance, insights);
    }

    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;
    private static final java.util.List<String> WEEKDAYS = java.util.List.of("mon", "tue", "wed", "thu", "fri", "sat",
            "sun");

    /** RDS refuses a backup window under 30 minutes, or one that overlaps the weekly maintenance window. */
    private static void checkWindows(Section s, String backup, String maintenance) {
        if (backup.isEmpty()) {
            return;
        }
        int start = minutes(backup.substring(0, 5));
        int length = Math.floorMod(minutes(backup.substring(6)) - start, DAY);
        if (length < 30) {
            s.report("backupWindow", backup, "must last at least 30 minutes, e.g. 17:00-18:00");
            return;
        }
        if (maintenance.isEmpty()) {
            return;
        }
        int mStart = weekMinutes(maintenance.substring(0, 9));
        int mLength = Math.floorMod(weekMinutes(maintenance.substring(10)) - mStart, WEEK);
        for (int day = 0; day < 7; day++) {
            if (overlaps(day * DAY + start, length, mStart, mLength)) {
                s.report("backupWindow", backup, "overlaps the maintenance window " + maintenance
                        + " (platform-207:database.maintenanceWindow); move one of them");
                return;
            }
        }
    }

    private static boolean overlaps(int aStart, int aLength, int bStart, int bLength) {
        int offset = Math.floorMod(bStart - aStart, WEEK);
        int back = Math.floorMod(aStart - bStart, WEEK);
        return offset < aLength || back < bLength;
    }

    private static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    private static int weekMinutes(String dddhhmm) {
        return WEEKDAYS.indexOf(dddhhmm.substring(0, 3)) * DAY + minutes(dddhhmm.substring(4));
    }
}
