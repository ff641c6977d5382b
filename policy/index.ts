import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./policies";
import { rejectBadConfigAtConfigure } from "./lib/config";

// Started by the Pulumi engine (`pulumi preview --policy-pack policy`) or the offline driver
// jp.twozeroseven.infra.policycheck.PolicyCheck; prints the gRPC port on stdout and serves until killed.
rejectBadConfigAtConfigure(allPolicies);
new PolicyPack("platform-207", {
    description: "207 platform guardrails: AWS FSBP security checks, required tags, protection of stateful resources.",
    enforcementLevel: "mandatory",
    policies: allPolicies,
});
