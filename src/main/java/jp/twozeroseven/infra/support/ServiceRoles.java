package jp.twozeroseven.infra.support;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.iam.PolicyDocuments;

/**
 * An IAM role that one AWS service assumes on behalf of this account only (the trust policy pins
 * {@code aws:SourceAccount}, against the confused-deputy problem). Its permissions are added by the caller.
 * Not a component: the role is a direct child of the caller's {@code scope} (its parent, provider, account, tags).
 */
public final class ServiceRoles {

    private ServiceRoles() {
    }

    /**
     * @param scope            the caller's child scope: parent, provider, the account the trust pins, tags
     * @param name             the role's logical and physical name
     * @param servicePrincipal the service that assumes it, e.g. {@code states.amazonaws.com}
     * @param description      what the role is for, shown in the IAM console
     */
    public static Role create(Scope scope, String name, String servicePrincipal, String description) {
        return create(scope, name, servicePrincipal, description, scope.options());
    }

    /** The same with explicit options (a role that moved carries an alias to its old parent). */
    public static Role create(Scope scope, String name, String servicePrincipal, String description,
                              CustomResourceOptions options) {
        return new Role(name, RoleArgs.builder()
                .name(name)
                .description(description)
                .assumeRolePolicy(PolicyDocuments.serviceTrust(servicePrincipal, scope.accountId()).toJson())
                .tags(scope.tags(name))
                .build(), options);
    }
}
