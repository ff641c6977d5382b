package jp.twozeroseven.infra.data.network;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.support.FormerParent;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.tagging.StackTags;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The Embulk tasks' security group, owned by the data pipeline: out to Aurora's port on the database's group and to
 * HTTPS (AWS APIs, through the VPC endpoints or the NAT), nothing in; and the one rule on the database's group
 * that admits it. The pipeline creates that rule because it is the pipeline's access: the platform only hands over
 * the database group's id.
 *
 * <p>Until issue 17 the platform's {@code SecurityGroups} created all four. Each keeps its name, physical name, type,
 * description and tags ({@code Service=platform}, as before: a retag would be a deliberate, separate change) and
 * carries an alias to that parent, so {@code pulumi up} moves them in state: no group or rule is replaced, so no
 * running task loses its connection.
 */
public final class EtlSecurityGroup {

    /** The group's and rules' parent before issue 17: {@code AppPlatform$SecurityGroups} named {@code security-groups}. */
    public static final FormerParent FORMER_PARENT = new FormerParent(
            "platform207:app:AppPlatform$platform207:security:SecurityGroups", "security-groups");
    /** The {@code Service} tag the group and its rules carried under the platform. */
    static final String SERVICE_TAG = StackTags.SHARED_SERVICE;
    private static final String CLIENT = "etl";

    private final SecurityGroup group;

    /**
     * @param vpcId                   the platform VPC the tasks run in
     * @param databaseSecurityGroupId Aurora's security group: the pipeline adds the ingress rule that admits its
     *                                tasks, and its tasks' egress names it
     * @param databasePort            Aurora's PostgreSQL port (5432)
     */
    public record Props(Output<String> vpcId, Output<String> databaseSecurityGroupId, int databasePort) {
        public Props {
            Required.components(Props.class, vpcId, databaseSecurityGroupId, databasePort);
            if (databasePort < 1 || databasePort > 65535) {
                throw new IllegalArgumentException("databasePort must be a TCP port, got " + databasePort);
            }
        }
    }

    /** @param scope the data pipeline's scope: the group and its rules are its direct children */
    public EtlSecurityGroup(Scope scope, Props props) {
        String name = scope.name(CLIENT);
        group = new SecurityGroup(name, SecurityGroupArgs.builder()
                .name(name)
                .vpcId(props.vpcId())
                .description("Embulk ETL tasks: reach Aurora and AWS APIs only")
                .tags(tags(scope, name))
                .build(), moved(scope));
        String ingress = scope.name("aurora-from-" + CLIENT);
        new SecurityGroupIngressRule(ingress, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(props.databaseSecurityGroupId())
                .description("PostgreSQL from " + CLIENT)
                .ipProtocol("tcp").fromPort(props.databasePort()).toPort(props.databasePort())
                .tags(tags(scope, ingress))
                .referencedSecurityGroupId(group.id())
                .build(), moved(scope));
        egress(scope, CLIENT + "-to-aurora", CLIENT + " to Aurora PostgreSQL", props.databasePort(),
                to -> to.referencedSecurityGroupId(props.databaseSecurityGroupId()));
        egress(scope, CLIENT + "-to-https", CLIENT + " to AWS APIs, New Relic and Sentry over HTTPS", 443,
                to -> to.cidrIpv4("0.0.0.0/0"));
    }

    /** A TCP egress rule of the tasks' group on one port, to the destination that {@code to} sets. */
    private void egress(Scope scope, String rule, String description, int port,
                        UnaryOperator<SecurityGroupEgressRuleArgs.Builder> to) {
        String name = scope.name(rule);
        new SecurityGroupEgressRule(name, to.apply(SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(group.id())
                .description(description)
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .tags(tags(scope, name)))
                .build(), moved(scope));
    }

    private static Map<String, String> tags(Scope scope, String name) {
        return scope.tags().forResource(SERVICE_TAG, name);
    }

    private static CustomResourceOptions moved(Scope scope) {
        return CustomResourceOptions.merge(scope.options(), CustomResourceOptions.builder()
                .aliases(FORMER_PARENT.alias()).build());
    }

    public Output<String> id() {
        return group.id();
    }

    public SecurityGroup group() {
        return group;
    }
}
