import { StackValidationPolicy } from "@pulumi/policy";
import { isLinkedTo, label } from "../lib/links";
import { safeGet } from "../lib/props";

// FSBP EC2.6 "VPC flow logging should be enabled in all VPCs" (at least rejected traffic).
// https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6
export const vpcFlowLogs: StackValidationPolicy = {
    name: "vpc-flow-logs",
    description: "[EC2.6] Every VPC has a flow log (aws.ec2.FlowLog with vpcId, trafficType REJECT or ALL).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const vpc of args.resources.filter(r => r.type === "aws:ec2/vpc:Vpc")) {
            const logged = args.resources.some(f => f.type === "aws:ec2/flowLog:FlowLog" && isLinkedTo(f, "vpcId", vpc, [])
                && ["REJECT", "ALL"].includes(String(safeGet(f.props, "trafficType"))));
            if (!logged) {
                reportViolation(`${label(vpc)} has no flow log. Fix: add an aws.ec2.FlowLog with vpcId=<this vpc's id>, trafficType ` +
                    `"ALL" (or "REJECT") into a CloudWatch log group with retention, or an S3 log bucket.`, vpc.urn);
            }
        }
    },
};
