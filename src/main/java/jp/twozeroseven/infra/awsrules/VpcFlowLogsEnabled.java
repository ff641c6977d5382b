package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.List;

/** FSBP EC2.6: every VPC has a flow log that records at least rejected traffic. */
public final class VpcFlowLogsEnabled extends AwsRule {

    public VpcFlowLogsEnabled() {
        super("vpc-flow-logs-enabled",
                "VPC flow logging should be enabled in all VPCs (control EC2.6: trafficType REJECT or ALL).",
                "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<SynthesizedResource> flowLogs = stack.ofType("aws:ec2/flowLog:FlowLog");
        return unless(stack.ofType("aws:ec2/vpc:Vpc"), vpc -> flowLogs.stream().anyMatch(f -> f.propertyDependencies()
                .getOrDefault("vpcId", List.of()).contains(vpc.urn())
                && List.of("ALL", "REJECT").contains(f.inputs().path("trafficType").asText())),
                "no flow log of rejected traffic");
    }
}
