package jp.twozeroseven.infra.settings;

import java.util.List;

/**
 * The declaration of one stack-config key: what docs/stack-config.md says about it. {@link StackConfigKeys} holds
 * them all; the tests prove against recorded parses ({@link KeyRead}) that the parsers read exactly these keys, as
 * these kinds, falling back to these defaults.
 *
 * @param path    below the project namespace; {@code <name>} is a name the stack chooses, {@code []} a list item
 * @param type    what the value must look like, beyond its kind (ranges, formats, allowed values)
 * @param meaning what the key does, and why it has its default or limits
 */
public record ConfigKey(String path, KeyRead.Kind kind, String type, Default byDefault, String meaning) {

    /** What the parser does when the key is absent. */
    public record Default(Form form, List<String> values, String text) {

        public enum Form {
            /** Absent is reported as a mistake. */
            REQUIRED,
            /** Absent means this one value. */
            VALUE,
            /** Absent means one value in production stacks and another in staging. */
            BY_TIER,
            /** Absent means a value computed from other keys ({@link #text} says how). */
            DERIVED,
            /** Absent means the feature is off or the list is empty ({@link #text} says what). */
            OPTIONAL
        }

        public static Default required() {
            return new Default(Form.REQUIRED, List.of(), "");
        }

        /** Required only together with other keys, which {@code when} names; absent otherwise. */
        public static Default requiredWhen(String when) {
            return new Default(Form.OPTIONAL, List.of(), "required " + when);
        }

        public static Default value(Object value) {
            return new Default(Form.VALUE, List.of(String.valueOf(value)), "");
        }

        public static Default byTier(Object production, Object staging) {
            return new Default(Form.BY_TIER, List.of(String.valueOf(production), String.valueOf(staging)), "");
        }

        public static Default derived(String how) {
            return new Default(Form.DERIVED, List.of(), how);
        }

        public static Default optional(String absentMeans) {
            return new Default(Form.OPTIONAL, List.of(), absentMeans);
        }

        /** The values a parse may fall back to; empty when the form does not fix them. */
        public List<String> fallbacks() {
            return values;
        }
    }
}
