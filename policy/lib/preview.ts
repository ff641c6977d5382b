// Unknown values in a preview. Before a resource exists, inputs computed from other resources' outputs (ARNs, ids,
// JSON documents built from them) reach the pack as the engine's unknown sentinels. @pulumi/policy wraps props in a
// proxy that throws UnknownValueError on reading one, and turns that error into an advisory "can't run ... during
// preview" diagnostic (node_modules/@pulumi/policy/server.js, the catch around validateResource/validateStack).
// A stack policy must not stop at the first unknown, nor read one as "missing": it decides what it can, reports
// those violations at its level, and lists what it cannot decide in one advisory diagnostic at the end.

/** The engine's unknown sentinels (pulumi/sdk/proto: `UnknownStringValue` etc.; @pulumi/policy/proxy.js). */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** Whether a value is unknown or holds an unknown anywhere inside. */
export function containsUnknown(value: unknown): boolean {
    if (isUnknown(value)) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(containsUnknown);
    }
    if (value && typeof value === "object") {
        return Object.values(value).some(containsUnknown);
    }
    return false;
}

/** The plain object behind @pulumi/policy's unknown-checking proxy (its documented escape hatch property). */
export function raw<T>(value: T): T {
    const target = value && typeof value === "object" ? (value as any).__getSpecialProxyTarget : undefined;
    return (target ?? value) as T;
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { UnknownValueError } = require("@pulumi/policy/proxy");

/** What a policy run could not decide because an input is unknown; `finish()` turns it into the advisory diagnostic. */
export class Undecided {
    private readonly items: string[] = [];

    add(what: string): void {
        if (!this.items.includes(what)) {
            this.items.push(what);
        }
    }

    get size(): number {
        return this.items.length;
    }

    /** Throws the SDK's UnknownValueError, which the server reports as advisory, when anything was undecided. */
    finish(): void {
        if (this.items.length === 0) {
            return;
        }
        const error = new UnknownValueError(UNKNOWN_STRING, []);
        error.message = `cannot decide in preview (an input is unknown until the resources exist; checked again on ` +
            `'pulumi up'): ${this.items.join("; ")}`;
        throw error;
    }
}
