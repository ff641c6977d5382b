package jp.twozeroseven.infra.catalog;

import java.util.Objects;

/**
 * What a pseudonymized column identifies ({@code driver}, {@code customer}, {@code phone}, ...). The entity name
 * is part of the hashed input, so equal values of different entities never share a pseudonym, while every column
 * that names the same entity joins.
 */
public record Entity(String name, PseudonymForm form) {
    public Entity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(form, "form");
    }
}
