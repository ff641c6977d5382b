package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.List;

/** FSBP EC2.6: every VPC has a flow log that records at least rejected traffic. */
public final class VpcFlowLogsEnabled implements AwsRule {

    @Override
    public String id() {
        return "vpc-flow-logs-enabled";
    }

    @Override
    public String requirement() {
        return "VPC flow logging should be enabled in all VPCs (control EC2.6: trafficType REJECT or ALL).";
    }

    @Override
    public String source() {
        return "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6";
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<String> problems = new ArrayList<>();
        List<SynthesizedResource> flowLogs = stack.ofType("aws:ec2/flowLog:FlowLog");
        for (SynthesizedResource vpc : stack.ofType("aws:ec2/vpc:Vpc")) {
            boolean logged = flowLogs.stream().anyMatch(f -> f.propertyDependencies().getOrDefault("vpcId", List.of())
                    .contains(vpc.urn()) && List.of("ALL", "REJECT").contains(f.inputs().path("trafficType").asText()));
            if (!logged) {
                problems.add(vpc.urn() + ": no flow log of rejected traffic");
            }
        }
        return problems;
    }
}
