// Policy config is validated by the pack itself, so `pulumi preview --policy-pack-config` gets the same one clear
// error as the offline driver: an unknown policy name, or a property a policy does not define (say `minimumDay`
// for `minimumDays`), fails instead of silently falling back to the default.
import { Policy, PolicyConfigSchema } from "@pulumi/policy";

/** Every policy may carry `why`: the reason its level or settings differ from the default, kept with the config. */
const WHY = { type: "string" as const, description: "Why this stack sets this level or these settings (kept with the config for review)." };
const RESERVED = ["enforcementLevel"];

/** The policy's schema with `why` and no other undeclared property (the Pulumi CLI validates against it too). */
export function strictSchema(schema: PolicyConfigSchema | undefined): PolicyConfigSchema {
    return { ...(schema ?? {}), properties: { ...(schema?.properties ?? {}), why: WHY }, additionalProperties: false } as PolicyConfigSchema;
}

/** One message per problem in a whole pack config (policy name -> properties or level). */
export function configProblems(config: Record<string, unknown>, policies: Policy[]): string[] {
    const byName = new Map(policies.map(p => [p.name, p]));
    const problems: string[] = [];
    for (const [name, value] of Object.entries(config)) {
        if (name === "all") {
            continue;
        }
        const policy = byName.get(name);
        if (!policy) {
            problems.push(`unknown policy '${name}'; use one of the pack's policy names (docs/policies.md)`);
            continue;
        }
        if (value && typeof value === "object") {
            problems.push(...propertyProblems(policy, value as Record<string, unknown>));
        }
    }
    return problems;
}

export function propertyProblems(policy: Policy, properties: Record<string, unknown>): string[] {
    const known = Object.keys(strictSchema(policy.configSchema).properties ?? {});
    return Object.keys(properties).filter(k => !RESERVED.includes(k) && !known.includes(k)).map(k =>
        `policy '${policy.name}' has unknown config property '${k}'; its properties are ${known.map(n => `'${n}'`).join(", ")}`);
}

function checked<A extends { getConfig: <T extends object>() => T }>(policy: Policy, args: A): A {
    const getConfig = args.getConfig;
    return { ...args, getConfig: <T extends object>() => {
        const config = getConfig<T>();
        const problems = propertyProblems(policy, config as Record<string, unknown>);
        if (problems.length > 0) {
            throw new Error(`policy config: ${problems.join("; ")}`);
        }
        return config;
    } };
}

/** The policy with its strict schema and a getConfig that rejects undeclared properties. */
export function withValidatedConfig<P extends Policy>(policy: P): P {
    const p: any = { ...policy, configSchema: strictSchema(policy.configSchema) };
    if (p.validateStack) {
        const validate = p.validateStack;
        p.validateStack = (args: any, report: any) => validate(checked(policy, args), report);
    }
    if (p.validateResource) {
        const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
        p.validateResource = validations.map((v: any) => (args: any, report: any) => v(checked(policy, args), report));
    }
    return p as P;
}

/**
 * Rejects a bad config at the Configure call, before any resource is analysed: wraps the `configure` handler the
 * @pulumi/policy server registers on its gRPC server (node_modules/@pulumi/policy/server.js, serve()).
 */
export function rejectBadConfigAtConfigure(policies: Policy[]): void {
    // The grpc-js instance @pulumi/policy itself loads.
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [require.resolve("@pulumi/policy")] }));
    const addService = grpc.Server.prototype.addService;
    grpc.Server.prototype.addService = function (service: any, implementation: any) {
        if (implementation?.configure) {
            const configure = implementation.configure;
            implementation = { ...implementation, configure: (call: any, callback: any) => {
                const config: Record<string, unknown> = {};
                for (const [name, value] of call.request.getPolicyconfigMap().entries()) {
                    config[name] = value.getProperties()?.toJavaScript() ?? {};
                }
                const problems = configProblems(config, policies);
                if (problems.length > 0) {
                    callback({ code: grpc.status.INVALID_ARGUMENT, details: `policy config: ${problems.join("; ")}` });
                    return;
                }
                configure(call, callback);
            } };
        }
        return addService.call(this, service, implementation);
    };
}
