package jp.twozeroseven.infra.settings;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so that one run reports all of them, not just the first. */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    public void add(String key, String value, String message) {
        found.add(new Problem(key, value, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem> all() {
        return List.copyOf(found);
    }

    public void throwIfAny(String source) {
        if (!found.isEmpty()) {
            throw new SettingsException(source, found);
        }
    }
}
