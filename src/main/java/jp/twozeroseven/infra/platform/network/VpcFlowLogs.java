package jp.twozeroseven.infra.platform.network;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.Statement;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.util.List;

/**
 * VPC flow logs of all traffic to CloudWatch Logs (FSBP EC2.6 asks for at least rejected traffic). The role and
 * its permissions are those the VPC User Guide lists ("Publish flow logs to CloudWatch Logs", IAM role for
 * publishing flow logs), scoped to the one log group. Not a component: the group, role and flow log are direct
 * children of the network.
 */
final class VpcFlowLogs {

    static final String SERVICE = "vpc-flow-logs.amazonaws.com";

    private VpcFlowLogs() {
    }

    /** @param scope the network's child scope */
    static FlowLog create(Scope scope, Vpc vpc, VpcFlowLogsProps props) {
        String name = scope.name("vpc-flow-logs");
        String logName = "/" + scope.namePrefix() + "/network/vpc-flow-logs";
        LogGroup group = new LogGroup(name, LogGroupArgs.builder()
                .name(logName)
                .retentionInDays(props.retentionDays())
                .tags(scope.tags(logName))
                .build(), scope.options());
        Role role = ServiceRoles.create(scope, name, SERVICE, "VPC Flow Logs writes " + logName);
        String groups = "arn:aws:logs:" + scope.region() + ":" + scope.accountId() + ":log-group:";
        new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.id())
                .policy(publishPolicy(groups + logName, groups + "*").toJson())
                .build(), scope.options());
        return new FlowLog(name, FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(group.arn())
                .iamRoleArn(role.arn())
                .maxAggregationInterval(props.maxAggregationSeconds())
                .tags(scope.tags(name))
                .build(), scope.options());
    }

    static PolicyDocument publishPolicy(String groupArn, String anyGroupArn) {
        return new PolicyDocument(List.of(
                Statement.allow("WriteFlowLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents",
                        "logs:DescribeLogStreams"), List.of(groupArn, groupArn + ":*")),
                Statement.allow("FindLogGroup", List.of("logs:DescribeLogGroups"), List.of(anyGroupArn))));
    }
}
