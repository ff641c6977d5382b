package jp.twozeroseven.infra.data.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.twozeroseven.infra.catalog.Anonymity;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.ColumnType;
import jp.twozeroseven.infra.catalog.DataClass;
import jp.twozeroseven.infra.catalog.Entity;
import jp.twozeroseven.infra.catalog.PseudonymForm;
import jp.twozeroseven.infra.catalog.Masking;
import org.junit.jupiter.api.Test;

class ExportQueriesTest {
    static final CatalogTable DRIVERS = new CatalogTable("drivers", "public", "drivers", List.of(
            CatalogColumn.of("id", ColumnType.BIGINT, DataClass.IDENTIFIER).withEntity(new Entity("driver", PseudonymForm.ID)),
            CatalogColumn.of("email", ColumnType.TEXT, DataClass.CONTACT).withEntity(new Entity("email", PseudonymForm.EMAIL)),
            CatalogColumn.of("phone", ColumnType.TEXT, DataClass.CONTACT).withEntity(new Entity("phone", PseudonymForm.PHONE)),
            CatalogColumn.of("family_name", ColumnType.TEXT, DataClass.NAME),
            CatalogColumn.of("password_digest", ColumnType.TEXT, DataClass.SECRET),
            CatalogColumn.of("address", ColumnType.TEXT, DataClass.ADDRESS),
            new CatalogColumn("postal_code", ColumnType.TEXT, DataClass.ADDRESS, Optional.of(Masking.POSTAL_PREFIX3)),
            CatalogColumn.of("lat", ColumnType.NUMERIC, DataClass.LOCATION),
            CatalogColumn.of("birth_date", ColumnType.DATE, DataClass.BIRTH_DATE),
            CatalogColumn.of("last_seen_at", ColumnType.TIMESTAMPTZ, DataClass.TIMESTAMP_IDENTIFYING),
            CatalogColumn.of("status", ColumnType.TEXT, DataClass.INTERNAL),
            CatalogColumn.of("updated_at", ColumnType.TIMESTAMPTZ, DataClass.INTERNAL)),
            Optional.of("updated_at"), "nightly");

    /**
     * The catch-up bound with no window: its own conjunct, measured from the first row past the watermark (the
     * subquery), which PostgreSQL folds to true for 0.
     */
    private static final String DRIVERS_NO_WINDOW = "  AND (0 = 0 OR t.\"updated_at\" < (SELECT min(w.\"updated_at\") FROM "
            + "\"public\".\"drivers\" AS w WHERE (w.\"updated_at\", w.\"id\") > (:embulk_wm_updated_at, :embulk_wm_id))"
            + " + make_interval(days => 0))\n";

    @Test
    void maskedSelectAppliesEachClassRuleAndReadsTheKeyFromTheSession() {
        String sql = ExportQueries.masked(DRIVERS);

        assertThat(sql)
                .contains("encode(hmac('driver:' || nullif(regexp_replace(normalize(t.\"id\"::text, NFKC), ")
                .contains("encode(hmac('email:' || nullif(lower(regexp_replace(normalize(t.\"email\"::text, NFKC), ")
                .contains("encode(hmac('phone:' || substring(regexp_replace(")
                .contains("substring(normalize(t.\"address\", NFKC) from '^")
                .contains("left(substring(regexp_replace(normalize(t.\"postal_code\", NFKC), '[^0-9]', '', 'g') "
                        + "from '^[0-9]{7}$'), 3) AS \"postal_code\"")
                .contains("round(t.\"lat\"::numeric, 2)::double precision AS \"lat\"")
                .contains("date_trunc('year', t.\"birth_date\")::date AS \"birth_date\"")
                .contains("date_trunc('day', t.\"last_seen_at\", 'Asia/Tokyo') AS \"last_seen_at\"")
                .contains("t.\"status\" AS \"status\"")
                // Issue 15 item 3: the kept updated_at is cut to the table's grain (last_seen_at: the day) ...
                .contains("date_trunc('day', t.\"updated_at\", 'Asia/Tokyo') AS \"updated_at\"")
                .contains("FROM \"public\".\"drivers\" AS t")
                .contains("current_setting('app.pseudonym_key')")
                .contains("WHERE CASE WHEN k.pseudonym_key ~ '^[0-9a-f]{64}$'")
                .contains("left(encode(hmac('pseudonym-key-id', k.pseudonym_key, 'sha256'), 'hex'), 16) AS \"pseudonym_key_id\"")
                // ... while the watermark is exact, FIRST in the result (embulk-input-jdbc v0.11.1
                // JdbcInputConnection.java:393-401 reads last_record by result position), with the id as the unique
                // tie-breaker, in the predicate and in the order.
                .startsWith("-- masked export of drivers, generated from the table catalog\nSELECT\n"
                        + "  t.\"updated_at\" AS \"embulk_wm_updated_at\",\n"
                        + "  t.\"id\" AS \"embulk_wm_id\",\n")
                .endsWith("  AND (t.\"updated_at\", t.\"id\") > (:embulk_wm_updated_at, :embulk_wm_id)\n"
                        + DRIVERS_NO_WINDOW
                        + "ORDER BY \"embulk_wm_updated_at\", \"embulk_wm_id\"\n");
        assertThat(sql).doesNotContain("family_name").doesNotContain("password_digest");
        assertThat(ExportQueries.watermarkColumns(DRIVERS)).containsExactly("embulk_wm_updated_at", "embulk_wm_id");
    }

    @Test
    void tablesWithoutPseudonymsNeedNoKey() {
        CatalogTable vehicles = new CatalogTable("vehicles", "fleet", "vehicle", List.of(
                CatalogColumn.of("id", ColumnType.BIGINT, DataClass.INTERNAL),
                CatalogColumn.of("model", ColumnType.TEXT, DataClass.PUBLIC)), Optional.empty(), "nightly");

        String sql = ExportQueries.masked(vehicles);

        assertThat(sql).doesNotContain("current_setting").doesNotContain("WHERE").contains("FROM \"fleet\".\"vehicle\" AS t");
        assertThat(MaskingPlan.needsKey(vehicles)).isFalse();
    }

    @Test
    void aTableThatDropsEverythingIsRefused() {
        CatalogTable notes = new CatalogTable("notes", "public", "notes",
                List.of(CatalogColumn.of("body", ColumnType.TEXT, DataClass.FREE_TEXT)), Optional.empty(), "nightly");

        assertThatThrownBy(() -> ExportQueries.masked(notes)).hasMessageContaining("'notes' drops every column");
    }

    @Test
    void rawSelectIsUnmaskedAndOnlyForAllowedTables() {
        String sql = ExportQueries.raw(DRIVERS, Set.of("drivers"));

        assertThat(sql).contains("t.\"family_name\" AS \"family_name\"").contains("t.\"password_digest\"")
                .doesNotContain("hmac").doesNotContain("current_setting")
                .contains("  t.\"updated_at\" AS \"updated_at\"")
                .endsWith("WHERE (t.\"updated_at\", t.\"id\") > (:embulk_wm_updated_at, :embulk_wm_id)\n"
                        + DRIVERS_NO_WINDOW
                        + "ORDER BY \"embulk_wm_updated_at\", \"embulk_wm_id\"\n");
        assertThatThrownBy(() -> ExportQueries.raw(DRIVERS, Set.of("vehicles")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'drivers' is not allowed in the raw zone (allowed: vehicles)");
        assertThatThrownBy(() -> ExportQueries.raw(DRIVERS, Set.of()))
                .hasMessageContaining("(allowed: none)");
    }

    @Test
    void aColumnNamedLikeAWatermarkIsRefused() {
        CatalogTable table = new CatalogTable("t", "public", "t", List.of(
                CatalogColumn.of("id", ColumnType.BIGINT, DataClass.INTERNAL),
                CatalogColumn.of("embulk_wm_id", ColumnType.BIGINT, DataClass.INTERNAL)), Optional.of("id"), "nightly");

        assertThatThrownBy(() -> ExportQueries.masked(table)).hasMessageContaining("reserves for its watermark");
    }

    @Test
    void aCatchUpWindowIsDigitsOrOneLiquidReferenceNothingElse() {
        assertThat(ExportQueries.masked(DRIVERS, "{{ env.EXPORT_CATCH_UP_WINDOW }}"))
                .contains("  AND ({{ env.EXPORT_CATCH_UP_WINDOW }} = 0 OR t.\"updated_at\" < (SELECT min(")
                .contains(" + make_interval(days => {{ env.EXPORT_CATCH_UP_WINDOW }}))\n");
        for (String bad : List.of("-1", "01", "1 OR true", "{{ env.X }} OR 1", "")) {
            assertThatThrownBy(() -> ExportQueries.masked(DRIVERS, bad)).as(bad)
                    .hasMessageContaining("catch-up window '" + bad + "' is neither a non-negative integer");
        }
    }

    @Test
    void anIdIncrementalTableOrdersByTheIdAlone() {
        CatalogTable events = new CatalogTable("events", "public", "events", List.of(
                CatalogColumn.of("id", ColumnType.BIGINT, DataClass.INTERNAL),
                CatalogColumn.of("occurred_at", ColumnType.TIMESTAMPTZ, DataClass.TIMESTAMP_IDENTIFYING)),
                Optional.of("id"), "nightly");

        assertThat(ExportQueries.masked(events))
                .contains("date_trunc('day', t.\"occurred_at\", 'Asia/Tokyo') AS \"occurred_at\"")
                .endsWith("WHERE t.\"id\" > :embulk_wm_id\n"
                        + "  AND (0 = 0 OR t.\"id\" < (SELECT min(w.\"id\") FROM \"public\".\"events\" AS w WHERE w.\"id\" > :embulk_wm_id) + 0)\n"
                        + "ORDER BY \"embulk_wm_id\"\n");
        // With a window of ids: at most that many id values from the first id past the watermark.
        assertThat(ExportQueries.masked(events, "500000"))
                .contains("  AND (500000 = 0 OR t.\"id\" < (SELECT min(w.\"id\") FROM \"public\".\"events\" AS w WHERE "
                        + "w.\"id\" > :embulk_wm_id) + 500000)\n");
    }

    @Test
    void everyKeptTimeIsCutToTheCoarsestEventTimeOfItsTable() {
        CatalogTable hires = new CatalogTable("hires", "public", "hires", List.of(
                CatalogColumn.of("id", ColumnType.BIGINT, DataClass.INTERNAL),
                new CatalogColumn("hired_on", ColumnType.DATE, DataClass.TIMESTAMP_IDENTIFYING, Optional.of(Masking.TRUNCATE_MONTH)),
                new CatalogColumn("arrived_at", ColumnType.TIMESTAMPTZ, DataClass.TIMESTAMP_IDENTIFYING, Optional.of(Masking.TRUNCATE_HOUR)),
                CatalogColumn.of("route_date", ColumnType.DATE, DataClass.INTERNAL),
                CatalogColumn.of("created_at", ColumnType.TIMESTAMPTZ, DataClass.INTERNAL)), Optional.empty(), "nightly");

        assertThat(MaskingPlan.timeGrain(hires)).isEqualTo(Masking.TRUNCATE_MONTH);
        assertThat(ExportQueries.masked(hires))
                .contains("date_trunc('month', t.\"hired_on\")::date AS \"hired_on\"")
                .contains("date_trunc('month', t.\"arrived_at\", 'Asia/Tokyo') AS \"arrived_at\"")
                .contains("date_trunc('month', t.\"route_date\")::date AS \"route_date\"")
                .contains("date_trunc('month', t.\"created_at\", 'Asia/Tokyo') AS \"created_at\"");
        assertThat(MaskingPlan.timeGrain(DRIVERS)).as("no coarser event time: the day").isEqualTo(Masking.TRUNCATE_DAY);
    }

    @Test
    void maskedColumnTypesFollowTheMasking() {
        assertThat(MaskingPlan.maskedColumns(DRIVERS)).extracting(OutputColumn::name, OutputColumn::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("id", OutputType.STRING),
                        org.assertj.core.groups.Tuple.tuple("email", OutputType.STRING),
                        org.assertj.core.groups.Tuple.tuple("phone", OutputType.STRING),
                        org.assertj.core.groups.Tuple.tuple("address", OutputType.STRING),
                        org.assertj.core.groups.Tuple.tuple("postal_code", OutputType.STRING),
                        org.assertj.core.groups.Tuple.tuple("lat", OutputType.DOUBLE),
                        org.assertj.core.groups.Tuple.tuple("birth_date", OutputType.DATE),
                        org.assertj.core.groups.Tuple.tuple("last_seen_at", OutputType.TIMESTAMP),
                        org.assertj.core.groups.Tuple.tuple("status", OutputType.STRING),
                        org.assertj.core.groups.Tuple.tuple("updated_at", OutputType.TIMESTAMP),
                        org.assertj.core.groups.Tuple.tuple("pseudonym_key_id", OutputType.STRING));
    }

    @Test
    void aTableWithAnAnonymityRuleJoinsItsGroupsCountedOverTheWholeTableAndSuppressesItsQuasiIdentifiers() {
        CatalogTable drivers = new CatalogTable(DRIVERS.name(), "public", "drivers", DRIVERS.columns(),
                DRIVERS.incrementalColumn(), "nightly", Optional.empty(), Optional.of(new Anonymity(List.of("birth_date", "postal_code"),
                Optional.empty(), 5)));

        String sql = ExportQueries.masked(drivers);

        assertThat(sql)
                .contains("CASE WHEN q.\"_suppressed\" IS NOT FALSE THEN NULL ELSE date_trunc('year', t.\"birth_date\")::date END"
                        + " AS \"birth_date\"")
                .contains("LEFT JOIN (SELECT g.\"_quasi_identifiers\"")
                .contains("FROM \"public\".\"drivers\" AS s CROSS JOIN")
                .contains("GROUP BY 1) AS g) AS q ON q.\"_quasi_identifiers\" = ROW(date_trunc('year', t.\"birth_date\")::date, ")
                .endsWith("  AND (t.\"updated_at\", t.\"id\") > (:embulk_wm_updated_at, :embulk_wm_id)\n"
                        + DRIVERS_NO_WINDOW
                        + "ORDER BY \"embulk_wm_updated_at\", \"embulk_wm_id\"\n");
        // The increment filter applies to the outer rows only: the groups see the whole table.
        assertThat(sql.substring(sql.indexOf("LEFT JOIN"), sql.indexOf(") AS q ON"))).doesNotContain(":embulk_wm_");
        assertThat(sql).contains("t.\"status\" AS \"status\"");
    }
}
