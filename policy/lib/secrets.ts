// Where a string input can carry a secret, and how a secret is recognised by its value, not by the variable's name.
// Every policy about secrets in plain inputs reads these; a new carrier (resource type and input) is taught here.
import { parseJsonInput } from "./props";
import { isUnknown, raw } from "./preview";

export interface StringInput { where: string; text: string }

/** Inputs that hold a JSON document as a string, parsed before walking so each value is seen on its own. */
const JSON_INPUTS: Record<string, string[]> = {
    "aws:ecs/taskDefinition:TaskDefinition": ["containerDefinitions"],
    "aws:sfn/stateMachine:StateMachine": ["definition"],
};
/** Inputs that hold base64 text (user data, object content). */
const BASE64_INPUTS = ["userData", "userDataBase64", "contentBase64"];
/** Inputs that are not carriers: IAM documents name ARNs, tags are labels. */
// Certificate thumbprints, ETags and source hashes are public digests by their schema, not keys.
const SKIPPED_INPUTS = ["tags", "tagsAll", "policy", "assumeRolePolicy", "thumbprintLists", "etag", "sourceHash", "sourceCodeHash"];

function walk(value: unknown, where: string, out: StringInput[]): void {
    if (typeof value === "string") {
        if (!isUnknown(value)) {
            out.push({ where, text: value });
        }
    } else if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, `${where}[${i}]`, out));
    } else if (value && typeof value === "object") {
        const o = value as Record<string, unknown>;
        // ECS/Lambda environment lists: {name, value} reads better as the variable's name.
        if (typeof o.name === "string" && typeof o.value === "string" && Object.keys(o).length <= 3) {
            walk(o.value, `${where} ${o.name}`, out);
            return;
        }
        for (const [k, v] of Object.entries(o)) {
            walk(v, where ? `${where}.${k}` : k, out);
        }
    }
}

/** Every string a resource's inputs carry, with JSON-string and base64 inputs opened. */
export function stringInputs(type: string, props: Record<string, any>): StringInput[] {
    const p: Record<string, any> = raw(props) ?? {};
    const out: StringInput[] = [];
    for (const [key, value] of Object.entries(p)) {
        if (SKIPPED_INPUTS.includes(key)) {
            continue;
        }
        if ((JSON_INPUTS[type] ?? []).includes(key) && typeof value === "string") {
            walk(parseJsonInput(value) ?? value, key, out);
        } else if (BASE64_INPUTS.includes(key) && typeof value === "string" && !isUnknown(value)) {
            walk(Buffer.from(value, "base64").toString("utf8"), `${key} (base64)`, out);
        } else {
            walk(value, key, out);
        }
    }
    return out;
}

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
    const counts = new Map<string, number>();
    for (const ch of text) {
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / text.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}

// A random key of >= 128 bits: hex needs 32 characters (4 bits each), base64 24. Random hex of 32+ characters has an
// entropy close to 4 bits/char, random base64 of 24+ close to 4.5+; English words, ARNs and identifiers are lower
// or contain characters outside the alphabet. Digests of content (image digests "sha256:<hex>", ETags) are hashes,
// not keys, and are recognised by their prefix.
const HEX_RUN = /(?<![0-9A-Za-z:@])([0-9a-fA-F]{32,})(?![0-9A-Za-z])/g;
const BASE64_RUN = /(?<![0-9A-Za-z+/_-])([A-Za-z0-9+/]{22,}={0,2}|[A-Za-z0-9_-]{22,})(?![0-9A-Za-z+/=_-])/g;
const PEM = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;

export function keyMaterialIn(text: string): string | undefined {
    if (PEM.test(text)) {
        return "a PEM private key";
    }
    for (const m of text.matchAll(HEX_RUN)) {
        if (entropy(m[1]) >= 3.0) {
            return `a ${m[1].length}-hex-character random value`;
        }
    }
    for (const m of text.matchAll(BASE64_RUN)) {
        const run = m[1].replace(/=+$/, "");
        const decoded = Buffer.from(run, run.includes("-") || run.includes("_") ? "base64url" : "base64").toString("latin1");
        if (/^[\x20-\x7e\t\r\n]+$/.test(decoded)) {
            // Encoded text (an entity GUID, a config): not a key itself, but it may carry one.
            const inner = keyMaterialIn(decoded);
            if (inner) {
                return `${inner} in base64`;
            }
        } else if (looksRandom(run)) {
            return `a ${m[1].length}-character base64 random value`;
        }
    }
    return undefined;
}

const classOf = (ch: string): number => (/[a-z]/.test(ch) ? 0 : /[A-Z]/.test(ch) ? 1 : /[0-9]/.test(ch) ? 2 : 3);

/**
 * Random base64 mixes lower case, upper case and digits and switches between them at about 2 of 3 characters
 * (P(same class) = (26/64)^2 * 2 + (10/64)^2 ~ 0.35); names, paths and CamelCase words switch far less (under 0.3).
 */
export function looksRandom(run: string): boolean {
    if (run.length < 22 || new Set([...run].map(classOf).filter(c => c < 3)).size < 3) {
        return false;
    }
    let switches = 0;
    for (let i = 1; i < run.length; i++) {
        if (classOf(run[i]) !== classOf(run[i - 1])) {
            switches++;
        }
    }
    return switches / (run.length - 1) >= 0.45 && entropy(run) >= 4.0;
}

/** A reference to a value injected at run time, not the value: Liquid, shell, Step Functions, CloudFormation forms. */
const REFERENCE = /^(?:\{\{[^}]*\}\}|\$\{[^}]*\}|\$\([^)]*\)|\$[A-Z_][A-Z0-9_]*|\[secret\]|\*+)$/;

/**
 * The credential a connection string carries in the clear: `scheme://user:password@host` (URL userinfo, RFC 3986
 * section 3.2.1) or a `password=...` / `pwd=...` key of a libpq/JDBC/ADO connection string.
 */
export function connectionCredentialIn(text: string): string | undefined {
    for (const m of text.matchAll(/\b([a-z][a-z0-9+.-]*):\/\/([^\s:@/]+):([^\s@/]+)@/gi)) {
        const password = decodeURIComponentSafe(m[3]);
        if (!REFERENCE.test(password)) {
            return `a ${m[1]}:// URL with a password in it`;
        }
    }
    for (const m of text.matchAll(/(?:^|[\s;?&])(password|pwd)\s*=\s*([^\s;&"']+)/gi)) {
        if (!REFERENCE.test(m[2])) {
            return `a connection string with ${m[1]}=`;
        }
    }
    return undefined;
}

function decodeURIComponentSafe(text: string): string {
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}
