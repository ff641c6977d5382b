package jp.twozeroseven.infra.settings;

/**
 * One key that a parse read, as {@link Section} reports it to a recorder: the tests prove with these that
 * {@link StackConfigKeys} declares exactly the keys the parsers read, with the kinds and defaults they use.
 *
 * @param pattern  the key below the project namespace, e.g. {@code services.<name>.scaling.windows[].min}
 * @param set      true when the stack set the key
 * @param fallback the value the parser used because the key was absent, or null (set, required, or optional)
 */
public record KeyRead(String pattern, Kind kind, boolean set, String fallback) {

    /** Stands for a name the stack chooses, such as a service or an audience. */
    public static final String NAME = "<name>";

    /** The kind of value an accessor of {@link Section} reads. */
    public enum Kind {
        TEXT("text"),
        WHOLE_NUMBER("whole number"),
        NUMBER("number"),
        BOOLEAN("true or false"),
        CHOICE("one of"),
        TEXT_LIST("list of text"),
        OBJECT("object"),
        OBJECT_LIST("list of objects"),
        NAMED_OBJECTS("object of named entries"),
        STRING_MAP("object of text values");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
