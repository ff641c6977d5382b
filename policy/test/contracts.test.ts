import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { NOT_SECRET_NAME_EXAMPLES, SECRET_NAME, SECRET_NAME_EXAMPLES, WRITABLE_ROOT_LABEL, WRITABLE_ROOT_REASON_LABEL } from "../lib/contracts";
import { ecsNoSecretsInEnvironment } from "../policies/ecs-no-secrets-in-environment";
import { ecsReadonlyRootFilesystem } from "../policies/ecs-readonly-root-filesystem";
import { runResource } from "./harness";

// The contracts come from jp.twozeroseven.infra.contracts.SharedContracts (lib/contracts.json); the Java side's
// SharedContractsTest checks the same examples against the same rule.
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const withContainer = (container: Record<string, any>) => ({
    type: TASK,
    props: { family: "api", containerDefinitions: JSON.stringify([{ name: "rails", image: "rails:1", readonlyRootFilesystem: true,
        logConfiguration: { logDriver: "awsfirelens" }, ...container }]) },
});
const withVariable = (name: string) => withContainer({ environment: [{ name, value: "v" }] });

describe("shared contracts: secret names", () => {
    it("flag every secret example and no harmless one", () => {
        assert.ok(SECRET_NAME_EXAMPLES.length > 5 && NOT_SECRET_NAME_EXAMPLES.length > 3);
        for (const name of SECRET_NAME_EXAMPLES) {
            assert.ok(SECRET_NAME.test(name), `${name} should look secret`);
        }
        for (const name of NOT_SECRET_NAME_EXAMPLES) {
            assert.ok(!SECRET_NAME.test(name), `${name} should not look secret`);
        }
    });

    // The names on which the three former rules (stack config parser, task definition check, this pack) disagreed.
    for (const name of ["DB_PASSWD", "AWS_ACCESSKEY_ID", "SIGNING_KEY", "NEW_RELIC_LICENSE", "ENCRYPTION_KEYS"]) {
        it(`ecs-no-secrets-in-environment refuses ${name}`, async () => {
            const violations = await runResource(ecsNoSecretsInEnvironment, withVariable(name));
            assert.ok(violations.some(v => v.includes(`'${name}'`)), JSON.stringify(violations));
        });
    }
    for (const name of ["KEYBOARD_LAYOUT", "MONKEY_PATCH", "PRIVATE_SUBNET_IDS"]) {
        it(`ecs-no-secrets-in-environment lets ${name} through`, async () => {
            assert.deepEqual(await runResource(ecsNoSecretsInEnvironment, withVariable(name)), []);
        });
    }
});

describe("shared contracts: opt-out labels", () => {
    it("are the labels ecs-readonly-root-filesystem honours", async () => {
        const writable = (labels: Record<string, string>) => withContainer({ readonlyRootFilesystem: false, dockerLabels: labels });
        assert.deepEqual(await runResource(ecsReadonlyRootFilesystem,
            writable({ [WRITABLE_ROOT_LABEL]: "true", [WRITABLE_ROOT_REASON_LABEL]: "the agent writes /var/run" })), []);
        assert.equal((await runResource(ecsReadonlyRootFilesystem, writable({ [WRITABLE_ROOT_LABEL]: "true" }))).length, 1);
    });
});
