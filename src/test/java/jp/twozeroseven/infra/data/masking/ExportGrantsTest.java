package jp.twozeroseven.infra.data.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import jp.twozeroseven.infra.catalog.Catalog;
import org.junit.jupiter.api.Test;

class ExportGrantsTest {
    @Test
    void grantsExactlyTheColumnsTheMaskedSelectReads() {
        Catalog catalog = new Catalog(1, List.of(ExportQueriesTest.DRIVERS));

        List<String> grants = ExportGrants.maskedExport(catalog, "embulk_masked");

        assertThat(grants).containsExactly("GRANT SELECT (\"id\", \"email\", \"phone\", \"address\", \"postal_code\", \"lat\", "
                + "\"birth_date\", \"last_seen_at\", \"status\", \"updated_at\") ON \"public\".\"drivers\" TO \"embulk_masked\"");
        assertThat(grants.get(0)).doesNotContain("family_name").doesNotContain("password_digest");
        assertThat(ExportQueriesTest.DRIVERS.incrementalColumn()).isEqualTo(Optional.of("updated_at"));
    }

    @Test
    void refusesARoleThatIsNotAPlainIdentifier() {
        Catalog catalog = new Catalog(1, List.of(ExportQueriesTest.DRIVERS));

        assertThatThrownBy(() -> ExportGrants.maskedExport(catalog, "embulk; DROP TABLE drivers"))
                .hasMessageContaining("is not a plain lower-case identifier");
    }
}
