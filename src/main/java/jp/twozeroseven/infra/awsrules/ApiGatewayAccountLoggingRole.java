package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.data.notify.ApiGatewayAccountLogging;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.List;

/**
 * A REST API stage that logs needs the account's CloudWatch Logs role set first: every logging stage depends on
 * an {@code aws:apigateway/account:Account} whose {@code cloudwatchRoleArn} is a role API Gateway can assume and
 * that carries AmazonAPIGatewayPushToCloudWatchLogs.
 */
public final class ApiGatewayAccountLoggingRole extends AwsRule {

    public ApiGatewayAccountLoggingRole() {
        super("apigateway-account-cloudwatch-role",
                "To enable CloudWatch logs for a stage, the account must have a CloudWatch Logs role ARN set (a role "
                        + "trusted by apigateway.amazonaws.com with AmazonAPIGatewayPushToCloudWatchLogs); otherwise "
                        + "CreateStage fails: \"CloudWatch Logs role ARN must be set in account settings to enable "
                        + "logging\".",
                "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<SynthesizedResource> accounts = stack.ofType("aws:apigateway/account:Account");
        List<SynthesizedResource> stages = stack.ofType("aws:apigateway/stage:Stage");
        List<String> problems = unless(
                stages.stream().filter(stage -> stage.inputs().has("accessLogSettings")).toList(),
                stage -> accounts.stream().anyMatch(a -> stage.options().dependsOn().contains(a.urn())),
                "logs, but does not depend on the account's CloudWatch role setting");
        problems.addAll(each(accounts, (account, problem) -> {
            String roleArn = account.inputs().path("cloudwatchRoleArn").asText();
            boolean roleOk = stack.ofType("aws:iam/role:Role").stream()
                    .filter(r -> roleArn.endsWith(":role/" + r.inputs().path("name").asText()))
                    .anyMatch(r -> Json.parse(r.inputs().path("assumeRolePolicy")).toString()
                            .contains("apigateway.amazonaws.com")
                            && stack.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                            .anyMatch(a -> a.inputs().path("role").asText().equals(r.inputs().path("name").asText())
                                    && a.inputs().path("policyArn").asText()
                                    .equals(ApiGatewayAccountLogging.PUSH_TO_CLOUDWATCH_POLICY)));
            if (!roleOk) {
                problem.accept("cloudwatchRoleArn " + roleArn
                        + " is not a role API Gateway can assume with AmazonAPIGatewayPushToCloudWatchLogs");
            }
        }));
        if (!stages.isEmpty() && accounts.isEmpty()) {
            problems.add("no aws:apigateway/account:Account sets the CloudWatch Logs role of this account");
        }
        return problems;
    }
}
