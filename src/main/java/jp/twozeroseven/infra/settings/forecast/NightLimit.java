package jp.twozeroseven.infra.settings.forecast;

import java.time.LocalTime;

/**
 * A time of day (Asia/Tokyo) the nightly run must have finished by.
 *
 * @param name      what happens then, e.g. "the 05:00 write peak"
 * @param settingKey the setting that places it, named in the problem when the forecast crosses it
 * @param at        the time of day
 * @param weekly    true for the Aurora maintenance window, which falls on one night a week (the forecast assumes
 *                  every night's size, so the worst night is that one)
 */
public record NightLimit(String name, String settingKey, LocalTime at, boolean weekly) {
}
