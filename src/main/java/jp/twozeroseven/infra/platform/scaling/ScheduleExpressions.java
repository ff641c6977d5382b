package jp.twozeroseven.infra.platform.scaling;

import java.time.LocalTime;

/** Application Auto Scaling schedule expressions; the time zone is set on the action, not in the expression. */
public final class ScheduleExpressions {

    public static final String TOKYO = "Asia/Tokyo";

    private ScheduleExpressions() {
    }

    /** {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)}: every day at {@code start}. */
    public static String dailyAt(LocalTime start) {
        return "cron(" + start.getMinute() + " " + start.getHour() + " * * ? *)";
    }
}
