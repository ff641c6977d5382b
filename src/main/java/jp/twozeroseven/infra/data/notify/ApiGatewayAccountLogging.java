package jp.twozeroseven.infra.data.notify;

import com.pulumi.aws.apigateway.Account;
import com.pulumi.aws.apigateway.AccountArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

/**
 * The account-wide (per region) setting API Gateway needs before any stage can write access or execution logs:
 * a role it assumes to write CloudWatch Logs. Without it CreateStage fails with "CloudWatch Logs role ARN must be
 * set in account settings to enable logging" (API Gateway Developer Guide, "Set up CloudWatch logging for REST
 * APIs in API Gateway": create an IAM role for API Gateway with AmazonAPIGatewayPushToCloudWatchLogs and set it
 * as the account's cloudWatchRoleArn). Each stack has its own account, so each owns this setting.
 */
public final class ApiGatewayAccountLogging {

    /** AWS's managed policy for it (API Gateway Developer Guide, the page above). */
    public static final String PUSH_TO_CLOUDWATCH_POLICY =
            "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";

    private final Account account;

    public ApiGatewayAccountLogging(Scope scope) {
        String roleName = scope.name("apigateway-cloudwatch");
        Role role = ServiceRoles.create(scope, roleName, "apigateway.amazonaws.com",
                "API Gateway writes access and execution logs of this account's stages");
        var attachment = new RolePolicyAttachment(roleName, RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(PUSH_TO_CLOUDWATCH_POLICY)
                .build(), scope.options());
        // The role must be usable (its policy attached) when API Gateway validates it on UpdateAccount.
        account = new Account(scope.name("apigateway-account"), AccountArgs.builder()
                .cloudwatchRoleArn(role.arn())
                .build(), CustomResourceOptions.merge(scope.options(),
                CustomResourceOptions.builder().dependsOn(attachment).build()));
    }

    /** Stages that log depend on it. */
    public Account account() {
        return account;
    }
}
