package jp.twozeroseven.infra.data.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.twozeroseven.infra.data.catalog.Anonymity;
import jp.twozeroseven.infra.data.catalog.CatalogColumn;
import jp.twozeroseven.infra.data.catalog.CatalogTable;
import jp.twozeroseven.infra.data.catalog.ColumnType;
import jp.twozeroseven.infra.data.catalog.DataClass;
import jp.twozeroseven.infra.data.catalog.Entity;
import jp.twozeroseven.infra.data.catalog.PseudonymForm;
import jp.twozeroseven.infra.data.catalog.Masking;
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
                .contains("FROM \"public\".\"drivers\" AS t")
                .contains("current_setting('app.pseudonym_key')")
                .contains("WHERE CASE WHEN k.pseudonym_key ~ '^[0-9a-f]{64}$'")
                .contains("left(encode(hmac('pseudonym-key-id', k.pseudonym_key, 'sha256'), 'hex'), 16) AS \"pseudonym_key_id\"")
                .endsWith("  AND t.\"updated_at\" > :updated_at\n");
        assertThat(sql).doesNotContain("family_name").doesNotContain("password_digest");
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
                .endsWith("WHERE t.\"updated_at\" > :updated_at\n");
        assertThatThrownBy(() -> ExportQueries.raw(DRIVERS, Set.of("vehicles")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'drivers' is not allowed in the raw zone (allowed: vehicles)");
        assertThatThrownBy(() -> ExportQueries.raw(DRIVERS, Set.of()))
                .hasMessageContaining("(allowed: none)");
    }

    @Test
    void anIncrementalColumnWhoseNameAppearsAsACastIsRefused() {
        CatalogTable table = new CatalogTable("t", "public", "t", List.of(
                CatalogColumn.of("id", ColumnType.BIGINT, DataClass.IDENTIFIER).withEntity(new Entity("t", PseudonymForm.ID)),
                CatalogColumn.of("text", ColumnType.BIGINT, DataClass.INTERNAL)), Optional.of("text"), "nightly");

        assertThatThrownBy(() -> ExportQueries.masked(table)).hasMessageContaining("also occurs as ':text'");
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
                DRIVERS.incrementalColumn(), "nightly", Optional.of(new Anonymity(List.of("birth_date", "postal_code"),
                Optional.empty(), 5)));

        String sql = ExportQueries.masked(drivers);

        assertThat(sql)
                .contains("CASE WHEN q.\"_suppressed\" IS NOT FALSE THEN NULL ELSE date_trunc('year', t.\"birth_date\")::date END"
                        + " AS \"birth_date\"")
                .contains("LEFT JOIN (SELECT g.\"_quasi_identifiers\"")
                .contains("FROM \"public\".\"drivers\" AS s CROSS JOIN")
                .contains("GROUP BY 1) AS g) AS q ON q.\"_quasi_identifiers\" = ROW(date_trunc('year', t.\"birth_date\")::date, ")
                .endsWith("  AND t.\"updated_at\" > :updated_at\n");
        // The increment filter applies to the outer rows only: the groups see the whole table.
        assertThat(sql.substring(sql.indexOf("LEFT JOIN"), sql.indexOf(") AS q ON"))).doesNotContain(":updated_at");
        assertThat(sql).contains("t.\"status\" AS \"status\"");
    }
}
