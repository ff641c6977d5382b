// Safe access to resource inputs. During a real preview, values that depend on other resources'
// outputs are unknown and @pulumi/policy throws on access; stack policies that link resources must
// survive that, so they read through these helpers and treat an unknown value as "not known yet".

import { isUnknown } from "./preview";

/** The input at `path`, or undefined when it is absent or unknown (a preview). */
export function safeGet(obj: any, ...path: string[]): any {
    let current = obj;
    for (const key of path) {
        if (current === undefined || current === null) {
            return undefined;
        }
        try {
            current = current[key];
        } catch (e) {
            if (isUnknownValueError(e)) {
                return undefined;
            }
            throw e;
        }
    }
    return isUnknown(current) ? undefined : current;
}

function isUnknownValueError(e: unknown): boolean {
    return e instanceof Error && e.constructor.name === "UnknownValueError";
}

/** Parses a JSON document the provider takes as a string (IAM policies, container definitions, provider config). */
export function parseJsonInput(value: unknown): any {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "string") {
        return value;
    }
    try {
        return JSON.parse(value);
    } catch {
        return undefined;
    }
}

export function asArray<T>(value: T | T[] | undefined | null): T[] {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

/** The stack segment of an engine URN: `urn:pulumi:<stack>::<project>::...`. */
export function stackOfUrn(urn: string): string | undefined {
    const match = /^urn:pulumi:([^:]+)::/.exec(urn);
    return match ? match[1] : undefined;
}

export interface ProductionConfig {
    productionStacks?: string[];
}

export const productionConfigSchema = {
    properties: {
        productionStacks: {
            type: "array" as const,
            items: { type: "string" as const },
            default: ["prod"],
            description: "Stacks treated as production (prod-only rules apply there).",
        },
    },
};

export function isProductionStack(urn: string, config: ProductionConfig): boolean {
    const stacks = config.productionStacks ?? ["prod"];
    const stack = stackOfUrn(urn);
    return stack !== undefined && stacks.includes(stack);
}

/** Tags as a plain map, accepting both the map form and the `[{key, value}]` form (autoscaling groups). */
export function tagsAsMap(tags: unknown): Record<string, string> {
    if (Array.isArray(tags)) {
        const result: Record<string, string> = {};
        for (const tag of tags) {
            if (tag && typeof tag.key === "string") {
                result[tag.key] = String(tag.value ?? "");
            }
        }
        return result;
    }
    if (tags && typeof tags === "object") {
        return { ...(tags as Record<string, string>) };
    }
    return {};
}
