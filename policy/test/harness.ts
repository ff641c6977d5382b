// Calls a policy's validate function the way @pulumi/policy's server does, without a PolicyPack
// (constructing one would start the gRPC server).
import {
    PolicyResource, PolicyResourceOptions, ReportViolation, ResourceValidationPolicy, StackValidationPolicy,
} from "@pulumi/policy";

export interface ResourceCase {
    type: string;
    props: Record<string, any>;
    name?: string;
    stack?: string;
    opts?: Partial<PolicyResourceOptions>;
    providerProps?: Record<string, any>;
    config?: Record<string, any>;
}

export interface StackResourceCase {
    type: string;
    name: string;
    props: Record<string, any>;
    /** input name -> names of the resources it depends on */
    dependsOn?: Record<string, string[]>;
}

export interface StackCase {
    resources: StackResourceCase[];
    stack?: string;
    config?: Record<string, any>;
}

export function urnOf(stack: string, type: string, name: string): string {
    return `urn:pulumi:${stack}::platform-207::${type}::${name}`;
}

function options(opts?: Partial<PolicyResourceOptions>): PolicyResourceOptions {
    return {
        protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, ...opts,
    };
}

function notApplicable(reason?: string): never {
    throw new Error(`notApplicable: ${reason}`);
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { UnknownValueError } = require("@pulumi/policy/proxy");

/** Marks the advisory diagnostic @pulumi/policy's server makes of an UnknownValueError (server.js, catch of validate*). */
export const ADVISORY = "[advisory] ";

async function asServer(run: () => Promise<void> | void, violations: string[]): Promise<void> {
    try {
        await run();
    } catch (e) {
        if (e instanceof UnknownValueError) {
            violations.push(`${ADVISORY}can't run policy during preview: ${(e as Error).message}`);
        } else {
            throw e;
        }
    }
}

function collector(): { violations: string[]; report: ReportViolation } {
    const violations: string[] = [];
    return { violations, report: (message: string) => { violations.push(message); } };
}

export async function runResource(policy: ResourceValidationPolicy, c: ResourceCase): Promise<string[]> {
    const { violations, report } = collector();
    const stack = c.stack ?? "stg";
    const name = c.name ?? "subject";
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
    for (const validate of validations) {
        await asServer(() => validate({
            type: c.type, props: c.props, urn: urnOf(stack, c.type, name), name, opts: options(c.opts),
            provider: c.providerProps ? { type: "pulumi:providers:aws", props: c.providerProps, name: "aws", urn: urnOf(stack, "pulumi:providers:aws", "aws") } : undefined,
            stackTags: new Map(),
            isType: () => false, asType: () => undefined,
            getConfig: <T extends object>() => (c.config ?? {}) as T,
            notApplicable,
        }, report), violations);
    }
    return violations;
}

export async function runStack(policy: StackValidationPolicy, c: StackCase): Promise<string[]> {
    const { violations, report } = collector();
    const stack = c.stack ?? "stg";
    const byName = new Map<string, PolicyResource>();
    const resources: PolicyResource[] = c.resources.map(r => {
        const resource: PolicyResource = {
            type: r.type, name: r.name, props: r.props, urn: urnOf(stack, r.type, r.name), opts: options(),
            dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined,
        };
        byName.set(r.name, resource);
        return resource;
    });
    c.resources.forEach((r, i) => {
        for (const [input, names] of Object.entries(r.dependsOn ?? {})) {
            resources[i].propertyDependencies[input] = names.map(n => byName.get(n)!).filter(r => r !== undefined);
            resources[i].dependencies.push(...resources[i].propertyDependencies[input]);
        }
    });
    await asServer(() => policy.validateStack({
        resources, stackTags: new Map(), getConfig: <T extends object>() => (c.config ?? {}) as T, notApplicable,
    }, report), violations);
    return violations;
}
