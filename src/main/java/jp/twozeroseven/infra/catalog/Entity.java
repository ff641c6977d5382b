package jp.twozeroseven.infra.catalog;

import jp.twozeroseven.infra.support.Required;

/**
 * What a pseudonymized column identifies ({@code driver}, {@code customer}, {@code phone}, ...). The entity name
 * is part of the hashed input, so equal values of different entities never share a pseudonym, while every column
 * that names the same entity joins.
 */
public record Entity(String name, PseudonymForm form) {
    public Entity {
        Required.components(Entity.class, name, form);
    }
}
