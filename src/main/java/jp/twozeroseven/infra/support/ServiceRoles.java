package jp.twozeroseven.infra.support;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import jp.twozeroseven.infra.iam.PolicyDocuments;

/**
 * An IAM role that one AWS service assumes on behalf of this account only (the trust policy pins
 * {@code aws:SourceAccount}, against the confused-deputy problem). Its permissions are added by the caller.
 */
public final class ServiceRoles {

    private ServiceRoles() {
    }

    public static Role create(Scope scope, String name, String servicePrincipal, String description) {
        return new Role(name, RoleArgs.builder()
                .name(name)
                .description(description)
                .assumeRolePolicy(PolicyDocuments.serviceTrust(servicePrincipal, scope.settings().accountId()).toJson())
                .tags(scope.tags(name))
                .build(), scope.options());
    }
}
