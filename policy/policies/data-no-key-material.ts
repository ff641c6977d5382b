import { ResourceValidationPolicy } from "@pulumi/policy";

// A 32-byte key in hex, or the pgjdbc option carrying anything but the Liquid reference to the environment.
const HEX_KEY = /\b[0-9a-fA-F]{64}\b/;
const INLINE_KEY = /pseudonym_key\s*=\s*(?!\{\{\s*env\.)[^\s"']+/;
const KEY_NAME = /PSEUDONYM|HMAC/i;

function leaks(text: string): string | undefined {
    if (HEX_KEY.test(text)) {
        return "a 64-hex-character value";
    }
    if (INLINE_KEY.test(text)) {
        return "an inline pseudonym_key value";
    }
    return undefined;
}

export const dataNoKeyMaterial: ResourceValidationPolicy = {
    name: "data-no-key-material",
    description: "No pseudonym (HMAC) key material in Embulk configs, task environments or state-machine definitions.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const texts: [string, string][] = [];
        if (args.type === "aws:s3/bucketObjectv2:BucketObjectv2" && typeof args.props.content === "string") {
            texts.push(["content", args.props.content]);
        }
        if (args.type === "aws:sfn/stateMachine:StateMachine" && typeof args.props.definition === "string") {
            texts.push(["definition", args.props.definition]);
        }
        if (args.type === "aws:ecs/taskDefinition:TaskDefinition" && typeof args.props.containerDefinitions === "string") {
            let containers: any[] = [];
            try { containers = JSON.parse(args.props.containerDefinitions); } catch { containers = []; }
            for (const container of containers) {
                for (const variable of container.environment ?? []) {
                    if (KEY_NAME.test(variable.name ?? "")) {
                        reportViolation(`Container '${container.name}' sets ${variable.name} in plain environment. ` +
                            `Fix: deliver the key through 'secrets' from Secrets Manager.`);
                    }
                    texts.push([`environment ${variable.name}`, String(variable.value ?? "")]);
                }
            }
        }
        for (const [where, text] of texts) {
            const found = leaks(text);
            if (found) {
                reportViolation(`'${args.name}' has ${found} in its ${where}, which looks like key material. Fix: reference ` +
                    `the key as {{ env.EMBULK_PSEUDONYM_KEY }} and inject it from Secrets Manager.`);
            }
        }
    },
};
