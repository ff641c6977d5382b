package jp.twozeroseven.infra.support;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import jp.twozeroseven.infra.tagging.StackTags;

import java.util.Map;
import java.util.Objects;

/**
 * Where and how a component's child resources are created, and nothing about what they are: the explicit AWS
 * provider (with the region and account it is pinned to), the physical-name prefix, whether stateful resources are
 * protected, and the tags. What a component builds comes from its props record; the stack composition
 * ({@code jp.twozeroseven.infra.composition}) is the one place that turns settings into props.
 *
 * <p>How a component uses it: a component takes {@code (String name, XProps props, ComponentResourceOptions options)};
 * its own parent comes through {@code options}, and {@code props.scope()} says how its children are named, tagged and
 * provisioned. Inside the constructor it calls {@code props.scope().child(this)} and gives every child
 * {@link #options()} or {@link #statefulOptions()}. The AWS provider is passed explicitly on every child custom
 * resource (never through {@code ComponentResourceOptions.providers}), so every resource names its provider in the
 * registration and the synth shows it. Helpers that create resources directly under their caller (no component of
 * their own, such as {@link ServiceRoles}) take the caller's child scope as their first argument.
 *
 * <p>{@link #parent()} is the component whose children this scope creates (null at the stack root); it is set by
 * {@link #child(Resource)} and never parents a component itself.
 */
public final class Scope {

    private final Resource parent;
    private final ProviderResource aws;
    private final String region;
    private final String accountId;
    private final String namePrefix;
    private final boolean protectStateful;
    private final StackTags tags;
    private final String service;

    private Scope(Resource parent, ProviderResource aws, String region, String accountId, String namePrefix,
                  boolean protectStateful, StackTags tags, String service) {
        this.parent = parent;
        this.aws = aws;
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.namePrefix = Objects.requireNonNull(namePrefix, "namePrefix");
        this.protectStateful = protectStateful;
        this.tags = Objects.requireNonNull(tags, "tags");
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * The stack root's scope.
     *
     * @param aws             the explicit AWS provider every child resource names
     * @param region          the region {@code aws} is configured for (ARNs, endpoint service names)
     * @param accountId       the one account {@code aws} may touch ({@code allowedAccountIds}; ARNs, trust policies)
     * @param namePrefix      the prefix of every physical name, e.g. {@code platform-207-prod}
     * @param protectStateful whether {@link #statefulOptions()} protects and retains data that cannot be recreated
     *                        (true in production)
     * @param tags            the stack's tags
     * @param service         the {@code Service} tag of the resources created through this scope
     */
    public static Scope root(ProviderResource aws, String region, String accountId, String namePrefix,
                             boolean protectStateful, StackTags tags, String service) {
        return new Scope(null, aws, region, accountId, namePrefix, protectStateful, tags, service);
    }

    public CustomResourceOptions options() {
        return CustomResourceOptions.builder().parent(parent).provider(aws).build();
    }

    /** Options for data that must survive a mistaken delete: protected and retained when the stack protects them. */
    public CustomResourceOptions statefulOptions() {
        return CustomResourceOptions.builder().parent(parent).provider(aws)
                .protect(protectStateful).retainOnDelete(protectStateful).build();
    }

    /** A physical name such as {@code platform-207-prod-api}. */
    public String name(String suffix) {
        return namePrefix + "-" + suffix;
    }

    public Map<String, String> tags(String name) {
        return tags.forResource(service, name);
    }

    /** The tags of {@link #tags(String)} and then {@code extra}, such as a subnet's {@code Tier}. */
    public Map<String, String> tags(String name, Map<String, String> extra) {
        return tags.forResource(service, name, extra);
    }

    public Scope child(Resource newParent) {
        return new Scope(newParent, aws, region, accountId, namePrefix, protectStateful, tags, service);
    }

    public Scope forService(String otherService) {
        return new Scope(parent, aws, region, accountId, namePrefix, protectStateful, tags, otherService);
    }

    public Resource parent() {
        return parent;
    }

    public ProviderResource aws() {
        return aws;
    }

    /** The region the provider is configured for. */
    public String region() {
        return region;
    }

    /** The one account the provider may touch. */
    public String accountId() {
        return accountId;
    }

    /** The prefix of every physical name, e.g. {@code platform-207-prod}. */
    public String namePrefix() {
        return namePrefix;
    }

    /** Whether stateful resources are protected and retained on delete (production). */
    public boolean protectsStateful() {
        return protectStateful;
    }

    public StackTags tags() {
        return tags;
    }

    public String service() {
        return service;
    }
}
