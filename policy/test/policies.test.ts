import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { allPolicies } from "../policies";
import { ADVISORY, runResource, runStack } from "./harness";
import { resourceCases as baseResourceCases } from "./resource-cases";
import { stackCases as baseStackCases } from "./stack-cases";
import { maskingStackCases, modelResourceCases, modelStackCases, previewStackCases } from "./model-cases";

/** The cases of every source, concatenated per policy. */
function merged(...sources: Record<string, any>[]): Record<string, any> {
    const result: Record<string, any> = {};
    for (const source of sources) {
        for (const [name, cases] of Object.entries(source)) {
            result[name] = { pass: [...(result[name]?.pass ?? []), ...cases.pass], fail: [...(result[name]?.fail ?? []), ...cases.fail] };
        }
    }
    return result;
}
const resourceCases = merged(baseResourceCases, modelResourceCases);
const stackCases = merged(baseStackCases, modelStackCases, previewStackCases, { "data-masked-config-no-raw-columns": maskingStackCases });

function isStackPolicy(policy: ResourceValidationPolicy | StackValidationPolicy): policy is StackValidationPolicy {
    return (policy as StackValidationPolicy).validateStack !== undefined;
}

describe("policy pack", () => {
    it("has a passing and a failing case for every policy", () => {
        for (const policy of allPolicies) {
            const cases = resourceCases[policy.name] ?? stackCases[policy.name];
            assert.ok(cases, `no test cases for ${policy.name}`);
            assert.ok(cases.pass.length > 0 && cases.fail.length > 0, `${policy.name} needs passing and failing cases`);
        }
    });

    it("has unique names, descriptions and at least 30 security policies", () => {
        const names = allPolicies.map(p => p.name);
        assert.equal(new Set(names).size, names.length);
        assert.ok(allPolicies.every(p => p.description.length > 20 && p.enforcementLevel));
        assert.ok(allPolicies.filter(p => p.name !== "required-tags").length >= 30);
    });
});

for (const policy of allPolicies) {
    describe(policy.name, () => {
        const run = (c: any) => isStackPolicy(policy) ? runStack(policy, c) : runResource(policy as ResourceValidationPolicy, c);
        const cases = resourceCases[policy.name] ?? stackCases[policy.name] ?? { pass: [], fail: [] };
        cases.pass.forEach((c: any, i: number) => it(`passes compliant case ${i + 1}`, async () => {
            // Advisory "cannot decide in preview" is allowed: a compliant stack may have unknowns in a first preview.
            assert.deepEqual((await run(c)).filter((v: string) => !v.startsWith(ADVISORY)), []);
        }));
        cases.fail.forEach(([c, fragment]: [any, string], i: number) => it(`reports failing case ${i + 1}: ${fragment}`, async () => {
            const violations = await run(c);
            assert.ok(violations.length > 0, "expected a violation");
            assert.ok(violations.some(v => v.includes(fragment)), `no violation contains "${fragment}": ${JSON.stringify(violations)}`);
            assert.ok(violations.every(v => v.startsWith(ADVISORY) || v.includes("Fix:")), `every violation tells how to fix it: ${JSON.stringify(violations)}`);
        }));
    });
}
