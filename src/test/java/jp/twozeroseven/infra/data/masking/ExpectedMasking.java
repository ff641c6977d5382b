package jp.twozeroseven.infra.data.masking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.twozeroseven.infra.data.catalog.CatalogColumn;
import jp.twozeroseven.infra.data.catalog.CatalogTable;
import jp.twozeroseven.infra.data.catalog.DataClass;

/**
 * What each masked value must be, computed in Java independently of the SQL (javax.crypto HMAC,
 * BigDecimal rounding, java.time truncation), so the database result is checked, not echoed.
 */
final class ExpectedMasking {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private ExpectedMasking() {
    }

    /** Truncation units from the finest to the coarsest. */
    private static final java.util.List<String> UNITS = java.util.List.of("hour", "day", "month", "year");

    /**
     * Issue 15, "time that doesn't give rows away": in a masked table every kept or truncated time is cut at least to
     * the coarsest truncation among the table's event times (class timestamp_identifying), or to the day.
     */
    static Object expected(CatalogTable table, CatalogColumn column, Object raw, String key) {
        boolean time = raw instanceof OffsetDateTime || raw instanceof LocalDate;
        String own = switch (column.masking()) {
            case KEEP -> "hour";
            case TRUNCATE_HOUR -> "hour";
            case TRUNCATE_DAY -> "day";
            case TRUNCATE_MONTH -> "month";
            case TRUNCATE_YEAR -> "year";
            default -> null;
        };
        if (!time || own == null) {
            return expected(column, raw, key);
        }
        String grain = table.columns().stream().filter(c -> c.dataClass() == DataClass.TIMESTAMP_IDENTIFYING)
                .map(c -> c.masking().yamlName().replace("truncate_", ""))
                .filter(UNITS::contains)
                .max(java.util.Comparator.comparingInt(UNITS::indexOf)).orElse("day");
        String unit = UNITS.indexOf(own) >= UNITS.indexOf(grain) ? own : grain;
        return truncate(raw, unit);
    }

    static Object expected(CatalogColumn column, Object raw, String key) {
        if (raw == null) {
            return null;
        }
        return switch (column.masking()) {
            case KEEP -> raw;
            case PSEUDONYMIZE -> hmacHex(key, normalised(column, raw));
            case PREFECTURE -> Prefectures.ALL.stream()
                    .filter(p -> raw.toString().replaceFirst("^〒[0-9]{3}-[0-9]{4} ", "").startsWith(p))
                    .findFirst().orElse(null);
            case POSTAL_PREFIX3 -> raw.toString().replaceAll("[^0-9]", "").substring(0, 3);
            case ROUND_2DP -> new BigDecimal(raw.toString()).setScale(2, RoundingMode.HALF_UP);
            case TRUNCATE_YEAR -> truncate(raw, "year");
            case TRUNCATE_MONTH -> truncate(raw, "month");
            case TRUNCATE_DAY -> truncate(raw, "day");
            case TRUNCATE_HOUR -> truncate(raw, "hour");
            case DROP -> throw new IllegalArgumentException(column.name() + " is dropped");
        };
    }

    static String normalised(CatalogColumn column, Object raw) {
        String text = raw.toString();
        return column.dataClass() == DataClass.CONTACT ? text.strip().toLowerCase(Locale.ROOT) : text;
    }

    static String hmacHex(String key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object truncate(Object raw, String unit) {
        if (raw instanceof LocalDate date) {
            return switch (unit) {
                case "year" -> date.with(TemporalAdjusters.firstDayOfYear());
                case "month" -> date.with(TemporalAdjusters.firstDayOfMonth());
                default -> date;
            };
        }
        ZonedDateTime tokyo = ((OffsetDateTime) raw).atZoneSameInstant(TOKYO);
        ZonedDateTime truncated = switch (unit) {
            case "year" -> tokyo.with(TemporalAdjusters.firstDayOfYear()).truncatedTo(ChronoUnit.DAYS);
            case "month" -> tokyo.with(TemporalAdjusters.firstDayOfMonth()).truncatedTo(ChronoUnit.DAYS);
            case "day" -> tokyo.truncatedTo(ChronoUnit.DAYS);
            default -> tokyo.truncatedTo(ChronoUnit.HOURS);
        };
        return truncated.toOffsetDateTime();
    }
}
