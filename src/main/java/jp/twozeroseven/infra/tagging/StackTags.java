package jp.twozeroseven.infra.tagging;

import jp.twozeroseven.infra.settings.StackSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags every AWS resource carries. The stack-wide ones go on the provider's {@code defaultTags}; a resource
 * adds only what differs ({@code Service}, {@code Name}), so a tag value is written in exactly one place.
 */
public final class StackTags {

    public static final String SHARED_SERVICE = "platform";

    private final Map<String, String> defaults;

    private StackTags(Map<String, String> defaults) {
        this.defaults = Map.copyOf(defaults);
    }

    public static StackTags of(StackSettings settings) {
        return of(settings.project(), settings.stack(), settings.owner(), settings.costCenter());
    }

    /** The stack-wide tags of a project's stack, without the rest of its settings (a component built alone). */
    public static StackTags of(String project, String environment, String owner, String costCenter) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Project", project);
        tags.put("Environment", environment);
        tags.put("Service", SHARED_SERVICE);
        tags.put("Owner", owner);
        tags.put("CostCenter", costCenter);
        tags.put("ManagedBy", "pulumi");
        return new StackTags(tags);
    }

    /** For the provider's {@code defaultTags}. */
    public Map<String, String> defaults() {
        return defaults;
    }

    /** Per-resource tags: the owning service and a human-readable name. */
    public Map<String, String> forResource(String service, String name) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Service", service);
        tags.put("Name", name);
        return tags;
    }

    public Map<String, String> forResource(String service, String name, Map<String, String> extra) {
        Map<String, String> tags = forResource(service, name);
        tags.putAll(extra);
        return tags;
    }
}
