package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.List;

/**
 * Log groups that AWS services create on first use are kept forever ("Never expire"). The stack creates them
 * itself, with the stack's retention, before the service writes: Aurora's exported postgresql log
 * (/aws/rds/cluster/&lt;id&gt;/postgresql) and API Gateway's execution log (API-Gateway-Execution-Logs_&lt;api&gt;/&lt;stage&gt;).
 */
public final class ServiceLogGroupsRetained extends AwsRule {

    public ServiceLogGroupsRetained() {
        super("service-log-groups-retained",
                "Aurora creates /aws/rds/cluster/<cluster>/postgresql with no retention unless the group exists; API "
                        + "Gateway does the same for API-Gateway-Execution-Logs_<rest-api-id>/<stage>.",
                "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.CloudWatch.html",
                "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<SynthesizedResource> groups = stack.ofType("aws:cloudwatch/logGroup:LogGroup");
        List<String> problems = each(stack.ofType("aws:rds/cluster:Cluster"), (cluster, problem) -> {
            for (var export : cluster.inputs().path("enabledCloudwatchLogsExports")) {
                String name = "/aws/rds/cluster/" + cluster.inputs().path("clusterIdentifier").asText() + "/"
                        + export.asText();
                SynthesizedResource group = groups.stream().filter(g -> g.inputs().path("name").asText().equals(name))
                        .findFirst().orElse(null);
                if (group == null || !group.inputs().has("retentionInDays")) {
                    problem.accept("exports to " + name + ", which the stack does not create with a retention");
                } else if (!cluster.options().dependsOn().contains(group.urn())) {
                    problem.accept("can start exporting before " + name + " exists");
                }
            }
        });
        problems.addAll(unless(stack.ofType("aws:apigateway/stage:Stage"),
                stage -> groups.stream().anyMatch(g -> g.inputs().path("name").asText()
                        .matches("API-Gateway-Execution-Logs_.+/" + stage.inputs().path("stageName").asText())
                        && g.inputs().has("retentionInDays") && stage.options().dependsOn().contains(g.urn())),
                "its execution log group is not created by the stack before it"));
        return problems;
    }
}
