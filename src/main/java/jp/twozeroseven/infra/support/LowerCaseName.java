package jp.twozeroseven.infra.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose constants are written in YAML (the data catalog, the stack files) as their Java names in lower
 * case: {@code FREE_TEXT} is {@code free_text}. The spelling is this one rule, not a second list beside the
 * constants to keep in step with them; an enum whose YAML spelling cannot follow it keeps a field of its own.
 * Implemented by the enum itself ({@link #name()} is {@link Enum#name()}).
 */
public interface LowerCaseName {

    /** The constant's Java name; every enum has it. */
    String name();

    /** How the YAML writes this constant: its name in lower case. */
    default String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant the YAML names exactly so (no other case, no other separator), or empty. */
    static <E extends Enum<E> & LowerCaseName> Optional<E> fromYaml(Class<E> type, String yamlName) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.yamlName().equals(yamlName)).findFirst();
    }

    /** Every spelling in declaration order, comma separated, for a message that lists the choices. */
    static <E extends Enum<E> & LowerCaseName> String allowedNames(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(LowerCaseName::yamlName).toList());
    }
}
