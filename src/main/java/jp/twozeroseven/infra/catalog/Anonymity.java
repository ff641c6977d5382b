package jp.twozeroseven.infra.catalog;

import jp.twozeroseven.infra.support.Required;

import java.util.List;
import java.util.Optional;

/**
 * The k-anonymity rule of one masked table: the columns an attacker may know about a person from elsewhere
 * (quasi-identifiers), whose masked values must be shared by at least {@code minimumK} subjects, and the column
 * that names the subject when a row is not a person (stops.customer_id); without it every row is one subject.
 */
public record Anonymity(List<String> quasiIdentifiers, Optional<String> subject, int minimumK) {
    public Anonymity {
        Required.components(Anonymity.class, quasiIdentifiers, subject, minimumK);
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        if (quasiIdentifiers.isEmpty() || minimumK < 2) {
            throw new IllegalArgumentException("an anonymity rule needs quasi-identifiers and k >= 2");
        }
    }
}
