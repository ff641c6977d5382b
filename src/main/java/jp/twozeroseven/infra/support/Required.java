package jp.twozeroseven.infra.support;

import java.lang.reflect.RecordComponent;

/**
 * The null check of a props or data record, in one line of its compact constructor:
 * {@code Required.components(Props.class, name, task, stack)}. The values are the record's components in
 * declaration order; a null one is named by its component, so a wiring mistake in the composition reads
 * {@code AppService.Props.task is required} rather than a bare NullPointerException. Primitive components box and
 * are never null; a component that may be absent is an {@code Optional}, never a null.
 */
public final class Required {

    private Required() {
    }

    /**
     * @param record the record class whose compact constructor calls this
     * @param values every component's value, in the order the record declares them
     * @throws NullPointerException     naming the first null component
     * @throws IllegalArgumentException when the values do not match the record's components one for one (a
     *                                  programming mistake: a component was added to the record but not here)
     */
    public static void components(Class<? extends Record> record, Object... values) {
        RecordComponent[] components = record.getRecordComponents();
        if (components.length != values.length) {
            throw new IllegalArgumentException(displayName(record) + " has " + components.length
                    + " components but its null check names " + values.length + "; pass every component in order");
        }
        for (int i = 0; i < components.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(displayName(record) + "." + components[i].getName() + " is required");
            }
        }
    }

    private static String displayName(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        return enclosing == null ? type.getSimpleName() : displayName(enclosing) + "." + type.getSimpleName();
    }
}
