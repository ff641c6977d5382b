package jp.twozeroseven.infra.data.access;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.settings.AccessAudience;
import jp.twozeroseven.infra.settings.AccessZone;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** One role per audience for Redash's Athena data sources, trusted only by the Redash host role. */
public final class RedashRoles extends ComponentResource {

    public static final String TYPE = "platform207:data:RedashRoles";
    public static final String AUDIENCE_TAG = "DataAudience";
    public static final String RAW_READER_TAG = "RawZoneReader";

    private final Map<String, Role> roles = new LinkedHashMap<>();

    /**
     * @param scope             provider, naming and tags of the roles. Required.
     * @param plan              the access matrix applied to the catalog: one role per audience, granted its tables
     * @param redashHostRoleArn the Redash host's role ({@code dataPipeline.redashHostRoleArn}), the only principal
     *                          every audience role trusts. Required; it must exist before the first up.
     * @param arns              the buckets, key and Glue ARNs the grants name. Required.
     * @param workgroupOf       audience name to its Athena workgroup's name. Required.
     */
    public record Props(Scope scope, AccessPlan plan, String redashHostRoleArn, Output<PipelineArns> arns,
                        Function<String, String> workgroupOf) {
        public Props {
            Required.components(Props.class, scope, plan, redashHostRoleArn, arns, workgroupOf);
        }
    }

    public RedashRoles(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        AccessPlan plan = props.plan();
        for (AccessAudience audience : plan.matrix().audiences()) {
            String roleName = roleName(scope, audience.name());
            boolean rawReader = !plan.readableTables(audience, AccessZone.RAW).isEmpty();
            Role role = new Role(roleName, RoleArgs.builder()
                    .name(roleName)
                    .description("Redash Athena data source for " + audience.name())
                    .maxSessionDuration(3600)
                    .assumeRolePolicy(PipelinePolicies.redashTrust(props.redashHostRoleArn(), audience.externalId()).toJson())
                    .tags(scope.tags().forResource(scope.service(), roleName,
                            Map.of(AUDIENCE_TAG, audience.name(), RAW_READER_TAG, String.valueOf(rawReader))))
                    .build(), scope.options());
            new RolePolicy(roleName, RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(props.arns().applyValue(a -> PipelinePolicies.audience(a, plan, audience,
                            props.workgroupOf().apply(audience.name())).toJson()))
                    .build(), scope.options());
            roles.put(audience.name(), role);
        }
        this.registerOutputs(Map.of());
    }

    public static String roleName(Scope scope, String audience) {
        return scope.name("redash-" + audience);
    }

    public Map<String, Role> roles() {
        return roles;
    }
}
