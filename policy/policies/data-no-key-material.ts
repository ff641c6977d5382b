import { ResourceValidationPolicy } from "@pulumi/policy";
import { connectionCredentialIn, keyMaterialIn, stringInputs } from "../lib/secrets";

// Key material is recognised by its value (a PEM key, a long random hex or base64 run, also inside base64 text),
// wherever a string input can carry it: environments, SSM parameters, state-machine definitions, bucket objects,
// user data. A secret config value reaches the pack as "[secret]" and is not a finding.
// The pgjdbc `options` value may only reference the environment: any literal there is the key, however short.
const INLINE_KEY = /pseudonym_key\s*=\s*(?!\{\{\s*env\.)[^\s"']+/;

export const dataNoKeyMaterial: ResourceValidationPolicy = {
    name: "data-no-key-material",
    description: "No key material (PEM keys, random hex or base64 values, also base64-encoded) and no connection string with a password in any plain string input (environments, SSM parameters, state machines, objects, user data).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        for (const { where, text } of stringInputs(args.type, args.props)) {
            const found = keyMaterialIn(text) ?? connectionCredentialIn(text) ?? (INLINE_KEY.test(text) ? "an inline pseudonym_key value" : undefined);
            if (found) {
                reportViolation(`'${args.name}' has ${found} in its ${where}, which looks like key material or a credential. ` +
                    `Fix: keep it in Secrets Manager (or an SSM SecureString set as a Pulumi secret) and inject it at run time, ` +
                    `e.g. {{ env.EMBULK_PSEUDONYM_KEY }} from the task's secrets.`);
            }
        }
    },
};
