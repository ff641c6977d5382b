package jp.twozeroseven.infra.support;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.tagging.StackTags;

import java.util.Map;

/**
 * What every child resource of a component needs: its parent, the explicit provider, the stack's settings and
 * naming, and its tags. Passing one scope keeps components from each re-deriving them.
 */
public record Scope(Resource parent, ProviderResource aws, StackSettings settings, StackTags tags, String service) {

    public CustomResourceOptions options() {
        return CustomResourceOptions.builder().parent(parent).provider(aws).build();
    }

    /** Options for data that must survive a mistaken delete: protected in production. */
    public CustomResourceOptions statefulOptions() {
        boolean production = settings.tier().isProduction();
        return CustomResourceOptions.builder().parent(parent).provider(aws)
                .protect(production).retainOnDelete(production).build();
    }

    /** A physical name such as {@code platform-207-prod-api}. */
    public String name(String suffix) {
        return settings.namePrefix() + "-" + suffix;
    }

    public Map<String, String> tags(String name) {
        return tags.forResource(service, name);
    }

    public Scope child(Resource newParent) {
        return new Scope(newParent, aws, settings, tags, service);
    }

    public Scope forService(String otherService) {
        return new Scope(parent, aws, settings, tags, otherService);
    }
}
