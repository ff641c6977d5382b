package jp.twozeroseven.infra.data.masking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.twozeroseven.infra.catalog.Anonymity;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.Entity;
import jp.twozeroseven.infra.catalog.PseudonymForm;
import jp.twozeroseven.infra.catalog.DataClass;

/**
 * What each masked value must be, computed in Java independently of the SQL (javax.crypto HMAC, the generator's
 * record of each spelling's canonical value, BigDecimal rounding, java.time truncation, k-anonymity groups counted
 * in Java), so the database result is checked, not echoed.
 */
final class ExpectedMasking {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final Map<String, String> truth;

    /** @param truth canonical value of every generated spelling (null for blanks), see SyntheticJapaneseData#truth */
    ExpectedMasking(Map<String, String> truth) {
        this.truth = truth;
    }

    /** Truncation units from the finest to the coarsest. */
    private static final java.util.List<String> UNITS = java.util.List.of("hour", "day", "month", "year");

    /**
     * Issue 15, "time that doesn't give rows away": in a masked table every kept or truncated time is cut at least to
     * the coarsest truncation among the table's event times (class timestamp_identifying), or to the day.
     */
    Object expected(CatalogTable table, CatalogColumn column, Object raw, String key) {
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

    Object expected(CatalogColumn column, Object raw, String key) {
        if (raw == null) {
            return null;
        }
        return switch (column.masking()) {
            case KEEP -> raw;
            case PSEUDONYMIZE -> {
                String canonical = canonical(column, raw);
                yield canonical == null ? null : hmacHex(key, column.entity().orElseThrow().name() + ":" + canonical);
            }
            case PREFECTURE -> known(raw, () -> Prefectures.ALL.stream()
                    .filter(p -> raw.toString().startsWith(p)).findFirst().orElse(null));
            case POSTAL_PREFIX3 -> known(raw, () -> raw.toString().replaceAll("[^0-9]", "").substring(0, 3));
            case ROUND_2DP -> new BigDecimal(raw.toString()).setScale(2, RoundingMode.HALF_UP);
            case TRUNCATE_YEAR -> truncate(raw, "year");
            case TRUNCATE_MONTH -> truncate(raw, "month");
            case TRUNCATE_DAY -> truncate(raw, "day");
            case TRUNCATE_HOUR -> truncate(raw, "hour");
            case DROP -> throw new IllegalArgumentException(column.name() + " is dropped");
        };
    }

    /**
     * Expected output row by row: the masked values, then (for a table with an anonymity rule) the quasi-identifiers
     * of every row whose group holds fewer than k subjects set to NULL, plus the smallest group of at least k when the
     * suppressed rows alone are fewer than k. Counted here over Java's own expected values.
     */
    List<Map<String, Object>> expectedRows(CatalogTable table, List<Map<String, Object>> rawRows, String key) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> raw : rawRows) {
            Map<String, Object> row = new HashMap<>();
            for (CatalogColumn column : table.columns()) {
                if (column.masking() != jp.twozeroseven.infra.catalog.Masking.DROP) {
                    row.put(column.name(), expected(table, column, raw.get(column.name()), key));
                }
            }
            if (MaskingPlan.needsKey(table)) {
                row.put(MaskingPlan.KEY_ID_COLUMN, hmacHex(key, MaskingPlan.KEY_ID_MESSAGE).substring(0, 16));
            }
            rows.add(row);
        }
        table.anonymity().ifPresent(rule -> suppress(rows, rule));
        return rows;
    }

    private static void suppress(List<Map<String, Object>> rows, Anonymity rule) {
        Map<List<Object>, Set<Object>> subjects = new HashMap<>();
        for (Map<String, Object> row : rows) {
            Set<Object> group = subjects.computeIfAbsent(quasi(row, rule), q -> new HashSet<>());
            if (rule.subject().isEmpty()) {
                group.add(new Object()); // every row is its own subject
            } else if (row.get(rule.subject().get()) != null) {
                group.add(row.get(rule.subject().get())); // count(DISTINCT ...) ignores NULL
            }
        }
        int k = rule.minimumK();
        long small = subjects.values().stream().filter(s -> s.size() < k).mapToLong(Set::size).sum();
        int smallestBig = subjects.values().stream().mapToInt(Set::size).filter(n -> n >= k).min().orElse(-1);
        for (Map<String, Object> row : rows) {
            int n = subjects.get(quasi(row, rule)).size();
            if (n < k || (small > 0 && small < k && n == smallestBig)) {
                rule.quasiIdentifiers().forEach(q -> row.put(q, null));
            }
        }
    }

    static List<Object> quasi(Map<String, Object> row, Anonymity rule) {
        List<Object> values = new ArrayList<>();
        rule.quasiIdentifiers().forEach(q -> values.add(comparable(row.get(q))));
        return values;
    }

    /** Numbers and instants compared by value, not by scale or offset. */
    static Object comparable(Object value) {
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros();
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return value;
    }

    /** The canonical value hashed: the generator's record for generated spellings, Java's NFKC for plain ids. */
    String canonical(CatalogColumn column, Object raw) {
        String text = raw.toString();
        if (truth.containsKey(text)) {
            return truth.get(text);
        }
        Entity entity = column.entity().orElseThrow();
        if (entity.form() == PseudonymForm.PHONE || entity.form() == PseudonymForm.EMAIL) {
            throw new IllegalStateException("no recorded canonical value for contact spelling '" + text + "'");
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return nfkc.isEmpty() ? null : entity.form() == PseudonymForm.TEXT ? nfkc.replaceAll("\\s+", " ") : nfkc;
    }

    private Object known(Object raw, java.util.function.Supplier<Object> otherwise) {
        return truth.containsKey(raw.toString()) ? truth.get(raw.toString()) : otherwise.get();
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
