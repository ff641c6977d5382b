import { ResourceValidationPolicy } from "@pulumi/policy";
import { containersOf, TASK_DEFINITION } from "../lib/ecs";
import { connectionCredentialIn, keyMaterialIn } from "../lib/secrets";
import { SECRET_NAME } from "../lib/contracts";

interface Config {
    allowedNames?: string[];
}

export const ecsNoSecretsInEnvironment: ResourceValidationPolicy = {
    name: "ecs-no-secrets-in-environment",
    description: "[ECS.8] ECS container definitions keep secrets out of plain `environment`: by name (PASSWORD, SECRET, TOKEN, KEY, DSN, LICENSE) and by value (a URL or connection string with a password, key material).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            allowedNames: { type: "array", items: { type: "string" }, default: [],
                description: "Variable names that look secret but are not (e.g. CACHE_KEY_PREFIX); their values are still checked." },
        },
    },
    validateResource: (args, reportViolation) => {
        if (args.type !== TASK_DEFINITION) {
            return;
        }
        const allowed = args.getConfig<Config>().allowedNames ?? [];
        const fix = `Fix: move it to the container's "secrets" list with valueFrom=<Secrets Manager secret ARN or SSM parameter ARN>`;
        for (const container of containersOf(args.props)) {
            for (const variable of container.environment ?? []) {
                const name = variable.name ?? "";
                const byValue = connectionCredentialIn(String(variable.value ?? "")) ?? keyMaterialIn(String(variable.value ?? ""));
                if (byValue) {
                    reportViolation(`Container '${container.name}' passes '${name}' as a plain environment variable holding ${byValue}. ` +
                        `${fix} (for a URL, build it in the app from separately injected parts).`);
                } else if (SECRET_NAME.test(name) && !allowed.includes(name)) {
                    reportViolation(`Container '${container.name}' passes '${name}' as a plain environment variable. ` +
                        `${fix}, or, if it is not secret, add '${name}' to this policy's allowedNames config.`);
                }
            }
        }
    },
};
