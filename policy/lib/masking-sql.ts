// Reads a masked export query with the real PostgreSQL parser (libpg-query: PostgreSQL's own grammar compiled to
// WebAssembly, shipped in the npm package) and checks, for every reference to a catalog column, the function its
// class's masking generates AND that function's arguments. The shapes are those of
// jp.twozeroseven.infra.data.masking.MaskingPlan on this branch:
//   pseudonymize    encode(hmac(<canonical form>, <key from current_setting('app.pseudonym_key')>, 'sha256'), 'hex')
//   truncate_<unit> date_trunc('<unit>', col)
//   postal_prefix3  left(<col, digits only>, 3)
//   prefecture      substring(col from '<pattern capturing one of the 47 prefectures>')
//   round_2dp       round(col, 2)
// The canonical form of each class before hashing is the CANONICAL table below: update it there when the catalog's
// canonicalisation changes (one row per class: the functions from the outside in, casts ignored).
import { ColumnClass, PERSONAL } from "./data";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const pg = require("libpg-query");

/** Functions wrapped around the column inside hmac's first argument, outside in; casts (::text) are ignored. */
export const CANONICAL: Record<string, string[][]> = {
    identifier: [[]],
    contact: [["lower", "btrim"]],
    name: [["lower", "btrim"]],
    free_text: [[]],
    timestamp_identifying: [[]],
    location: [[]],
    address: [[]],
};
/** The run-time setting that carries the pseudonym key (EMBULK_PSEUDONYM_KEY through the pgjdbc `options`). */
export const KEY_SETTING = "app.pseudonym_key";
const TRUNCATION_UNITS: Record<string, string> = { truncate_year: "year", truncate_month: "month", truncate_day: "day", truncate_hour: "hour" };
const PREFECTURE = /^.{2,3}[都道府県]$/;

export interface SqlFinding { column: string; cls: string; problem: string }

type Node = Record<string, any>;
interface Ref { column: string; path: Node[] }

let loaded: Promise<void> | undefined;
export function loadParser(): Promise<void> {
    loaded = loaded ?? pg.loadModule();
    return loaded!;
}

/** Embulk's `:name` placeholders (use_raw_query_with_incremental) are not SQL: parameters stand in for them. */
export function parseQuery(sql: string): Node {
    return pg.parseSync(sql.replace(/(?<![:\w]):([A-Za-z_][A-Za-z0-9_]*)\b/g, "$$1"));
}

const funcName = (n: Node | undefined): string | undefined => {
    const names = n?.FuncCall?.funcname;
    return Array.isArray(names) ? String(names[names.length - 1]?.String?.sval ?? "").toLowerCase() : undefined;
};
const constString = (n: Node | undefined): string | undefined => n?.A_Const?.sval?.sval;
const constNumber = (n: Node | undefined): number | undefined => {
    const c = n?.A_Const ?? n?.TypeCast?.arg?.A_Const;
    return c?.ival !== undefined ? Number(c.ival.ival ?? 0) : c?.fval !== undefined ? Number(c.fval.fval) : undefined;
};
const unwrapCasts = (n: Node | undefined): Node | undefined => (n?.TypeCast ? unwrapCasts(n.TypeCast.arg) : n);

/** Every ColumnRef with the chain of nodes from the statement to it. */
function columnRefs(node: unknown, path: Node[], out: Ref[]): void {
    if (Array.isArray(node)) {
        node.forEach(n => columnRefs(n, path, out));
        return;
    }
    if (!node || typeof node !== "object") {
        return;
    }
    const n = node as Node;
    if (n.ColumnRef) {
        const fields = n.ColumnRef.fields ?? [];
        const last = fields[fields.length - 1]?.String?.sval;
        if (typeof last === "string") {
            out.push({ column: last, path: [...path, n] });
        }
        return;
    }
    for (const value of Object.values(n)) {
        columnRefs(value, value && typeof value === "object" && !Array.isArray(value) ? [...path, n] : path, out);
    }
}

/** The innermost FuncCall ancestor named `name`, and the argument subtree the column sits in. */
function enclosing(ref: Ref, name: string): { call: Node; argIndex: number } | undefined {
    for (let i = ref.path.length - 1; i >= 0; i--) {
        if (funcName(ref.path[i]) === name) {
            const args: Node[] = ref.path[i].FuncCall.args ?? [];
            const argIndex = args.findIndex(a => ref.path.includes(a));
            return { call: ref.path[i], argIndex };
        }
    }
    return undefined;
}

/** The functions between a FuncCall and the column, outside in, casts skipped. */
function chainBetween(call: Node, ref: Ref): string[] {
    const from = ref.path.indexOf(call);
    return ref.path.slice(from + 1).map(funcName).filter((f): f is string => f !== undefined);
}

/** Columns of the CROSS JOIN subquery that are current_setting('app.pseudonym_key'): `k.pseudonym_key`. */
function keyColumns(stmt: Node): Set<string> {
    const names = new Set<string>();
    const walk = (n: unknown): void => {
        if (Array.isArray(n)) {
            n.forEach(walk);
        } else if (n && typeof n === "object") {
            const o = n as Node;
            if (o.ResTarget && isKeySetting(o.ResTarget.val) && o.ResTarget.name) {
                names.add(o.ResTarget.name);
            }
            Object.values(o).forEach(walk);
        }
    };
    walk(stmt.fromClause);
    return names;
}

const isKeySetting = (n: Node | undefined): boolean => {
    const f = unwrapCasts(n);
    return funcName(f) === "current_setting" && constString(f!.FuncCall.args?.[0]) === KEY_SETTING;
};

/** Whether an hmac key argument comes from the key setting (directly or via the subquery's column) and holds no literal key. */
function isRunTimeKey(arg: Node | undefined, keys: Set<string>): boolean {
    const refs: Ref[] = [];
    columnRefs(arg, [], refs);
    let fromSetting = refs.some(r => keys.has(r.column));
    const walk = (n: unknown): void => {
        if (Array.isArray(n)) {
            n.forEach(walk);
        } else if (n && typeof n === "object") {
            if (isKeySetting(n as Node)) {
                fromSetting = true;
            }
            Object.values(n as Node).forEach(walk);
        }
    };
    walk(arg);
    return fromSetting;
}

function checkMasking(ref: Ref, c: ColumnClass, keys: Set<string>): string | undefined {
    const masking = c.masking ?? "";
    const cls = String(c.class);
    if (masking === "pseudonymize") {
        const h = enclosing(ref, "hmac");
        if (!h) {
            return "is not inside hmac(...)";
        }
        const args: Node[] = h.call.FuncCall.args ?? [];
        if (h.argIndex !== 0) {
            return "is used as an hmac key or algorithm, not as the hashed value";
        }
        if (!isRunTimeKey(args[1], keys)) {
            return `is hashed with a key that is not current_setting('${KEY_SETTING}') (a constant or another column)`;
        }
        if (String(constString(args[2]) ?? "").toLowerCase() !== "sha256") {
            return `is hashed with '${constString(args[2]) ?? "?"}' instead of 'sha256'`;
        }
        const chain = chainBetween(h.call, ref);
        const accepted = CANONICAL[cls] ?? [[]];
        if (!accepted.some(a => a.join(",") === chain.join(","))) {
            return `is canonicalised as ${chain.length ? chain.join("(") + "(...)" : "nothing"} before hmac; class ${cls} requires ` +
                accepted.map(a => (a.length ? a.join("(") + "(...)" : "the value as is")).join(" or ");
        }
        return undefined;
    }
    if (TRUNCATION_UNITS[masking]) {
        const t = enclosing(ref, "date_trunc");
        const unit = t ? constString(t.call.FuncCall.args?.[0]) : undefined;
        if (!t || t.argIndex !== 1) {
            return "is not inside date_trunc(...)";
        }
        return unit?.toLowerCase() === TRUNCATION_UNITS[masking] ? undefined
            : `is truncated to '${unit}' instead of '${TRUNCATION_UNITS[masking]}' (${masking})`;
    }
    if (masking === "postal_prefix3") {
        const l = enclosing(ref, "left");
        if (!l || l.argIndex !== 0) {
            return "is not inside left(..., 3)";
        }
        const n = constNumber(l.call.FuncCall.args?.[1]);
        return n === 3 ? undefined : `keeps ${n ?? "?"} characters instead of the 3-digit prefix`;
    }
    if (masking === "prefecture") {
        const s = enclosing(ref, "substring");
        if (!s || s.argIndex !== 0) {
            return "is not inside substring(... from '<prefecture pattern>')";
        }
        const pattern = constString(s.call.FuncCall.args?.[1]) ?? "";
        const group = /\(([^()?]*)\)/.exec(pattern.replace(/\(\?:[^)]*\)\??/g, ""))?.[1];
        const alternatives = group?.split("|") ?? [];
        return alternatives.length >= 47 && alternatives.every(a => PREFECTURE.test(a)) ? undefined
            : "is cut with a pattern that does not capture only a prefecture (47 alternatives ending in 都/道/府/県)";
    }
    if (masking === "round_2dp") {
        const r = enclosing(ref, "round");
        if (!r || r.argIndex !== 0) {
            return "is not inside round(..., 2)";
        }
        const n = constNumber(r.call.FuncCall.args?.[1]);
        return n === 2 ? undefined : `is rounded to ${n ?? "full"} digits instead of 2`;
    }
    return masking === "keep" || masking === "" ? "is selected as is (its masking is keep or missing)" : `has masking '${masking}', which this check does not know`;
}

/**
 * Findings of one masked query: a dropped column referenced anywhere, a personal column whose masking function or
 * arguments differ from its class's. Output names (`AS "phone"`) are not references.
 */
export function checkMaskedQuery(sql: string, classes: Record<string, ColumnClass>): SqlFinding[] {
    const tree = parseQuery(sql);
    const byName = new Map(Object.entries(classes).map(([k, v]) => [k.toLowerCase(), { column: k, c: v ?? {} }]));
    const findings: SqlFinding[] = [];
    if ((tree.stmts ?? []).length !== 1 || !tree.stmts[0].stmt?.SelectStmt) {
        findings.push({ column: "(query)", cls: "-", problem: `must be one SELECT, but holds ${(tree.stmts ?? []).length} statement(s)` });
    }
    for (const { stmt } of tree.stmts ?? []) {
        const keys = keyColumns(stmt?.SelectStmt ?? {});
        const refs: Ref[] = [];
        columnRefs(stmt, [], refs);
        for (const ref of refs) {
            const entry = byName.get(ref.column.toLowerCase());
            if (!entry || keys.has(ref.column)) {
                continue;
            }
            const { column, c } = entry;
            if (c.masking === "drop") {
                findings.push({ column, cls: String(c.class), problem: "must be dropped but is read" });
            } else if (PERSONAL.includes(c.class ?? "")) {
                const problem = checkMasking(ref, c, keys);
                if (problem) {
                    findings.push({ column, cls: String(c.class), problem });
                }
            }
        }
    }
    return findings;
}
