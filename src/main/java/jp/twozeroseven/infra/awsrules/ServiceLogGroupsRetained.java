package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.List;

/**
 * Log groups that AWS services create on first use are kept forever ("Never expire"). The stack creates them
 * itself, with the stack's retention, before the service writes: Aurora's exported postgresql log
 * (/aws/rds/cluster/&lt;id&gt;/postgresql) and API Gateway's execution log (API-Gateway-Execution-Logs_&lt;api&gt;/&lt;stage&gt;).
 */
public final class ServiceLogGroupsRetained implements AwsRule {

    @Override
    public String id() {
        return "service-log-groups-retained";
    }

    @Override
    public String requirement() {
        return "Aurora creates /aws/rds/cluster/<cluster>/postgresql with no retention unless the group exists; "
                + "API Gateway does the same for API-Gateway-Execution-Logs_<rest-api-id>/<stage>.";
    }

    @Override
    public String source() {
        return "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.CloudWatch.html; "
                + "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html";
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<String> problems = new ArrayList<>();
        List<SynthesizedResource> groups = stack.ofType("aws:cloudwatch/logGroup:LogGroup");
        for (SynthesizedResource cluster : stack.ofType("aws:rds/cluster:Cluster")) {
            for (var export : cluster.inputs().path("enabledCloudwatchLogsExports")) {
                String name = "/aws/rds/cluster/" + cluster.inputs().path("clusterIdentifier").asText() + "/" + export.asText();
                SynthesizedResource group = groups.stream().filter(g -> g.inputs().path("name").asText().equals(name))
                        .findFirst().orElse(null);
                if (group == null || !group.inputs().has("retentionInDays")) {
                    problems.add(cluster.urn() + ": exports to " + name + ", which the stack does not create with a retention");
                } else if (!cluster.options().dependsOn().contains(group.urn())) {
                    problems.add(cluster.urn() + ": can start exporting before " + name + " exists");
                }
            }
        }
        for (SynthesizedResource stage : stack.ofType("aws:apigateway/stage:Stage")) {
            boolean owned = groups.stream().anyMatch(g -> g.inputs().path("name").asText()
                    .matches("API-Gateway-Execution-Logs_.+/" + stage.inputs().path("stageName").asText())
                    && g.inputs().has("retentionInDays") && stage.options().dependsOn().contains(g.urn()));
            if (!owned) {
                problems.add(stage.urn() + ": its execution log group is not created by the stack before it");
            }
        }
        return problems;
    }
}
