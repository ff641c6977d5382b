import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { allPolicies } from "../policies";
import { configProblems } from "../lib/config";
import { runResource } from "./harness";

describe("policy config validation in the pack", () => {
    it("names an unknown policy and an unknown property, and accepts why", () => {
        const problems = configProblems({
            all: "mandatory",
            "s3-public-acess-blocked": "advisory",
            "rds-backup-retention": { enforcementLevel: "mandatory", minimumDay: 14 },
            "s3-access-logging": { enforcementLevel: "advisory", why: "cost in stg" },
        }, allPolicies);
        assert.deepEqual(problems, [
            "unknown policy 's3-public-acess-blocked'; use one of the pack's policy names (docs/policies.md)",
            "policy 'rds-backup-retention' has unknown config property 'minimumDay'; its properties are 'minimumDays', 'why'",
        ]);
    });

    it("closes every schema, so the Pulumi CLI's own schema check rejects unknown properties too", () => {
        for (const policy of allPolicies) {
            assert.equal((policy.configSchema as any)?.additionalProperties, false, policy.name);
            assert.ok(policy.configSchema?.properties?.why, policy.name);
        }
    });

    it("fails getConfig with one clear error when a property is unknown", async () => {
        const policy = allPolicies.find(p => p.name === "rds-backup-retention") as ResourceValidationPolicy;
        await assert.rejects(runResource(policy, { type: "aws:rds/cluster:Cluster", props: { backupRetentionPeriod: 1 }, config: { minimumDay: 14 } }),
            /policy config: policy 'rds-backup-retention' has unknown config property 'minimumDay'/);
    });

    it("the stack configs are valid", () => {
        for (const stack of ["prod", "stg"]) {
            assert.deepEqual(configProblems(require(`../../config/${stack}.json`), allPolicies), [], stack);
        }
    });
});
