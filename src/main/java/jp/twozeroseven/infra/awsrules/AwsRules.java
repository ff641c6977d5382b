package jp.twozeroseven.infra.awsrules;

import java.util.List;

/** Every rule, in one list: the next fact of this kind gets a file here and a line below. */
public final class AwsRules {

    private AwsRules() {
    }

    public static List<AwsRule> all() {
        return List.of(
                new EcrLifecycleKeepsInitialImage(),
                new ApiGatewayAccountLoggingRole(),
                new CloudFrontLoggingAfterBucketAcls(),
                new CodeDeployOwnedServiceFields(),
                new CiRolesCanPushImages(),
                new VpcFlowLogsEnabled(),
                new ApiGatewayExecutionLoggingAndTracing(),
                new ServiceLogGroupsRetained(),
                new LogBucketsExpire(),
                new WafOnEntryPoints(),
                new EcrPushOnlyByReleaseRole(),
                new AlbOriginAnswersCloudFrontOnly(),
                new SfnHttpTaskConnection(),
                new AuroraMinorVersionsOffered(),
                new TaskImagesFromOwnRegistry());
    }
}
