package jp.twozeroseven.infra.platform.deploy;

import jp.twozeroseven.infra.iam.Condition;
import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * What CodeDeploy needs to deploy one ECS service blue/green, and nothing more: the actions of AWS's
 * AWSCodeDeployRoleForECS (CodeDeploy User Guide, "Amazon ECS deployment IAM role"; AWS Managed Policy Reference,
 * AWSCodeDeployRoleForECS) limited to that service, its listeners, rules and alarms, and iam:PassRole limited to
 * the service's own two roles, passed to ECS tasks only. Lambda hooks and SNS triggers are not used, so their
 * actions are left out.
 */
public final class CodeDeployPolicies {

    /** The one service a CodeDeploy role may deploy. */
    public record Target(String region, String accountId, String clusterName, String serviceName,
                         List<String> listenerArns, List<String> listenerRuleArns, List<String> alarmArns,
                         List<String> passableRoleArns) {
        public Target {
            listenerArns = List.copyOf(listenerArns);
            listenerRuleArns = List.copyOf(listenerRuleArns);
            alarmArns = List.copyOf(alarmArns);
            passableRoleArns = List.copyOf(passableRoleArns);
        }
    }

    private CodeDeployPolicies() {
    }

    public static PolicyDocument forService(Target t) {
        String ecs = "arn:aws:ecs:" + t.region() + ":" + t.accountId() + ":";
        List<Statement> statements = new ArrayList<>();
        // Service Authorization Reference, Amazon ECS: CreateTaskSet and UpdateServicePrimaryTaskSet act on the
        // service, DeleteTaskSet on its task sets.
        statements.add(Statement.allow("TaskSetsOfThisService", List.of("ecs:DescribeServices", "ecs:CreateTaskSet",
                        "ecs:UpdateServicePrimaryTaskSet", "ecs:DeleteTaskSet"),
                List.of(ecs + "service/" + t.clusterName() + "/" + t.serviceName(),
                        ecs + "task-set/" + t.clusterName() + "/" + t.serviceName() + "/*")));
        // The Describe actions of Elastic Load Balancing have no resource-level permissions.
        statements.add(Statement.allow("ReadLoadBalancing", List.of("elasticloadbalancing:DescribeTargetGroups",
                "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules",
                "elasticloadbalancing:DescribeTargetHealth"), List.of("*")));
        List<String> shifted = new ArrayList<>(t.listenerArns());
        shifted.addAll(t.listenerRuleArns());
        statements.add(Statement.allow("ShiftThisServicesTraffic", List.of("elasticloadbalancing:ModifyListener",
                "elasticloadbalancing:ModifyRule"), shifted));
        statements.add(Statement.allow("ReadDeploymentAlarms", List.of("cloudwatch:DescribeAlarms"), t.alarmArns()));
        statements.add(Statement.allow("PassThisServicesRoles", List.of("iam:PassRole"), t.passableRoleArns())
                .withConditions(List.of(Condition.of("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com"))));
        return new PolicyDocument(statements);
    }
}
