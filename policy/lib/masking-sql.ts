// Reads a masked export query with the real PostgreSQL parser (libpg-query: PostgreSQL's own grammar compiled to
// WebAssembly, shipped in the npm package) and checks, for every reference to a catalog column, the function its
// class's masking generates AND that function's arguments. The shapes are those of
// jp.twozeroseven.infra.data.masking.MaskingPlan / CanonicalForms / KAnonymity / ExportQueries on this branch:
//   pseudonymize    encode(hmac('<entity>:' || <canonical form>, k.pseudonym_key, 'sha256'), 'hex'), the key column
//                   of `CROSS JOIN (SELECT current_setting('app.pseudonym_key') AS pseudonym_key) AS k`
//   truncate_<unit> date_trunc('<unit>', col[, 'Asia/Tokyo'])[::date]
//   postal_prefix3  left(<col, digits only>, 3)
//   prefecture      substring(col from '<pattern capturing one of the 47 prefectures>')
//   round_2dp       round(col, 2)
// A quasi-identifier may sit inside `CASE WHEN q."_suppressed" IS NOT FALSE THEN NULL ELSE <masking> END`: every
// reference is judged by the functions on ITS path, so the ELSE branch must still be the masking function.
// The canonical form before hashing is one of FORMS below, the same text as CanonicalForms.of(form, column): update
// it there when the catalog's canonicalisation changes.
import { ColumnClass, PERSONAL } from "./data";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const pg = require("libpg-query");

/** White space after NFKC plus the invisible characters NFKC keeps (CanonicalForms.SPACE). */
const SPACE = "[[:space:]\\u200b\\u2060\\ufeff]";
const NFKC = (col: string) => `normalize(${col}::text, NFKC)`;
const TRIMMED = (text: string) => `regexp_replace(${text}, '^${SPACE}+|${SPACE}+$', '', 'g')`;
/**
 * The canonical form of each entity form (jp.twozeroseven.infra.catalog.PseudonymForm), as SQL over a column
 * `$col`: NFKC first, blanks to NULL (nullif / the E.164 substring), never the pseudonym of the empty string.
 */
export const FORMS: Record<string, (col: string) => string> = {
    id: col => `nullif(${TRIMMED(NFKC(col))}, '')`,
    email: col => `nullif(lower(${TRIMMED(NFKC(col))}), '')`,
    text: col => `nullif(btrim(regexp_replace(${NFKC(col)}, '${SPACE}+', ' ', 'g')), '')`,
    phone: col => {
        let s = `regexp_replace(${NFKC(col)}, '[^0-9+]', '', 'g')`;
        for (const [pattern, replacement] of [["(^[+])|[+]", "\\1', 'g"], ["^(00|010)", "+"], ["^0", "+81"], ["^[+]810", "+81"],
            ["^([1-9][0-9]{8,9})$", "+81\\1"], ["^([0-9])", "+\\1"]]) {
            s = `regexp_replace(${s}, '${pattern}', '${replacement}')`;
        }
        return `substring(${s} from '^[+][0-9]+$')`;
    },
};
/**
 * The forms a class may be hashed in; the catalog loader's rule (CatalogLoader.entityOf): contacts name an entity of
 * form phone or email, every other pseudonymized class one of form id or text. The entity itself (customer, driver)
 * is not in the Glue table's column classes, so the check takes it from the query and requires, stack-wide, that
 * one entity is always hashed in one form (see checkEntityForms).
 */
export const FORMS_OF_CLASS = (cls: string): string[] => (cls === "contact" ? ["phone", "email"] : ["id", "text"]);
/** `'<entity>:'`: the entity names of the catalog are lower_snake_case (CatalogLoader). */
const ENTITY_PREFIX = /^([a-z][a-z0-9_]*):$/;
/** The run-time setting that carries the pseudonym key (EMBULK_PSEUDONYM_KEY through the pgjdbc `options`). */
export const KEY_SETTING = "app.pseudonym_key";
/** PseudonymKey.java's format check, the first test of the WHERE clause's fail-closed CASE. */
export const KEY_FORMAT = "^[0-9a-f]{64}$";
/** The prefix of the generated watermark columns (ExportQueries.WATERMARK_PREFIX in the Java program). */
export const WATERMARK_PREFIX = "embulk_wm_";
const TRUNCATION_UNITS: Record<string, string> = { truncate_year: "year", truncate_month: "month", truncate_day: "day", truncate_hour: "hour" };
const PREFECTURE = /^.{2,3}[都道府県]$/;

export interface SqlFinding { column: string; cls: string; problem: string }
/** One pseudonymized reference: which entity prefix and which canonical form it was hashed with. */
export interface Pseudonym { column: string; entity: string; form: string }

type Node = Record<string, any>;
interface Ref { column: string; node: Node; path: Node[] }

let loaded: Promise<void> | undefined;
export function loadParser(): Promise<void> {
    loaded = loaded ?? pg.loadModule();
    return loaded!;
}

/**
 * Embulk's `:name` placeholders (use_raw_query_with_incremental) are not SQL: numbered parameters stand in for them,
 * `params[n - 1]` is the name behind `$n`. Outside literals only: the old blind replacement turned '[[:space:]]' into '[[$1:]]'.
 */
export function parseQuery(sql: string): { tree: Node; params: string[] } {
    const params: string[] = [];
    // Literals, quoted names and comments pass unchanged: '[[:space:]]' holds no placeholder.
    const text = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|(?<![:\w]):([A-Za-z_][A-Za-z0-9_]*)\b/g,
        (m: string, name: string | undefined) => {
            if (name === undefined) {
                return m;
            }
            const at = params.indexOf(name);
            return `$${at >= 0 ? at + 1 : params.push(name)}`;
        });
    return { tree: pg.parseSync(text), params };
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
const refFields = (n: Node | undefined): string[] | undefined =>
    n?.ColumnRef ? (n.ColumnRef.fields ?? []).map((f: Node) => f?.String?.sval ?? "*") : undefined;
/** `t."col"`: a column of the exported table's alias, nothing else. */
const isTableColumn = (n: Node | undefined, column: string): boolean => {
    const f = refFields(n);
    return f !== undefined && f.length === 2 && f[0] === "t" && f[1] === column;
};

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
            out.push({ column: last, node: n, path: [...path, n] });
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

/** A subtree without source positions and with every column reference the same, for structural comparison. */
function shape(n: unknown): string {
    return JSON.stringify(n, (key, value) => (key === "location" ? undefined
        : value && typeof value === "object" && !Array.isArray(value) && value.ColumnRef ? { ColumnRef: "*" } : value));
}

const formShapes = new Map<string, string>();
/** The parsed shape of a canonical form (parsed once per form). */
function formShape(form: string): string {
    let s = formShapes.get(form);
    if (s === undefined) {
        s = shape(pg.parseSync(`SELECT ${FORMS[form]("t.\"c\"")}`).stmts[0].stmt.SelectStmt.targetList[0].ResTarget.val);
        formShapes.set(form, s);
    }
    return s;
}

/** Columns of a FROM-clause subquery that are current_setting('app.pseudonym_key'): `k.pseudonym_key`. */
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
    return funcName(f) === "current_setting" && constString(f!.FuncCall.args?.[0]) === KEY_SETTING && f!.FuncCall.args.length === 1;
};

/** An hmac key is the key subquery's column (`k.pseudonym_key`) or current_setting('app.pseudonym_key') itself, nothing more. */
function isRunTimeKey(arg: Node | undefined, keys: Set<string>): boolean {
    const f = refFields(arg);
    return (f !== undefined && f.length === 2 && keys.has(f[1])) || isKeySetting(arg);
}

/** The top-level conjuncts of a WHERE clause. */
function conjuncts(where: Node | undefined): Node[] {
    if (!where) {
        return [];
    }
    return where.BoolExpr?.boolop === "AND_EXPR" ? where.BoolExpr.args.flatMap(conjuncts) : [where];
}

/** Whether a WHERE conjunct is the fail-closed key check: CASE WHEN <key> ~ '^[0-9a-f]{64}$' AND ... THEN true ELSE <error> END. */
function isKeyCheck(n: Node, keys: Set<string>): boolean {
    const c = n.CaseExpr;
    if (!c || c.args?.length !== 1 || c.args[0].CaseWhen?.result?.A_Const?.boolval?.boolval !== true || c.defresult === undefined) {
        return false;
    }
    const when = c.args[0].CaseWhen.expr;
    const tests: Node[] = when?.BoolExpr?.boolop === "AND_EXPR" ? when.BoolExpr.args : [when];
    return tests.some(t => t?.A_Expr?.kind === "AEXPR_OP" && t.A_Expr.name?.[0]?.String?.sval === "~"
        && isRunTimeKey(t.A_Expr.lexpr, keys) && constString(t.A_Expr.rexpr) === KEY_FORMAT);
}

/**
 * The ColumnRef nodes of the watermark plumbing ExportQueries generates for the `watermark` names (listed in
 * `in.incremental_columns` AND removed by a remove_columns filter): the first select items
 * `t."<col>" AS "embulk_wm_<col>"` in that order, and the top-level WHERE conjunct
 * `(t."a", t."b") > (:embulk_wm_a, :embulk_wm_b)` (`t."a" > :embulk_wm_a` for one column). Nothing else is admitted:
 * the same column anywhere else, under another output name, at another position or in another predicate is a reference.
 * A catch-up window (ExportQueries, docs/data-pipeline.md "Catch-up windows") adds one more top-level conjunct,
 * `(<window> = 0 OR t."a" < (SELECT min(w."a") FROM <the same table> AS w WHERE (w."a", w."b") > (:embulk_wm_a, :embulk_wm_b)) + <step>)`:
 * its `t."a"`, `min(w."a")` and the subquery's watermark comparison are admitted too, in exactly that shape.
 */
function watermarkRefs(select: Node, params: string[], watermark: string[]): Set<Node> {
    const admitted = new Set<Node>();
    const cols = watermark.filter(w => w.startsWith(WATERMARK_PREFIX)).map(w => w.substring(WATERMARK_PREFIX.length));
    if (cols.length === 0 || cols.length !== watermark.length) {
        return admitted;
    }
    const targets: Node[] = select.targetList ?? [];
    const selected = cols.every((c, i) => targets[i]?.ResTarget?.name === WATERMARK_PREFIX + c && isTableColumn(targets[i].ResTarget.val, c));
    if (!selected) {
        return admitted;
    }
    cols.forEach((_c, i) => admitted.add(targets[i].ResTarget.val));
    const param = (n: Node | undefined) => (n?.ParamRef ? params[n.ParamRef.number - 1] : undefined);
    for (const p of conjuncts(select.whereClause)) {
        catchUpRefs(p, cols, select, param).forEach(n => admitted.add(n));
        const e = p.A_Expr;
        if (e?.kind !== "AEXPR_OP" || e.name?.[0]?.String?.sval !== ">") {
            continue;
        }
        const left: Node[] = cols.length === 1 ? [e.lexpr] : e.lexpr?.RowExpr?.args ?? [];
        const right: Node[] = cols.length === 1 ? [e.rexpr] : e.rexpr?.RowExpr?.args ?? [];
        if (left.length === cols.length && right.length === cols.length
            && cols.every((c, i) => isTableColumn(left[i], c) && param(right[i]) === WATERMARK_PREFIX + c)) {
            left.forEach(n => admitted.add(n));
        }
    }
    return admitted;
}

const isColumnOf = (n: Node | undefined, alias: string, column: string): boolean => {
    const f = refFields(n);
    return f !== undefined && f.length === 2 && f[0] === alias && f[1] === column;
};

/** The table a select reads under `alias` as "schema.name" (through the joins of its FROM), to compare a subquery's source with the export's. */
function sourceTable(select: Node | undefined, alias: string): string | undefined {
    const find = (n: Node | undefined): Node | undefined => n?.RangeVar?.alias?.aliasname === alias ? n.RangeVar
        : n?.JoinExpr ? find(n.JoinExpr.larg) ?? find(n.JoinExpr.rarg) : undefined;
    for (const item of select?.fromClause ?? []) {
        const r = find(item);
        if (r) {
            return `${r.schemaname ?? ""}.${r.relname}`;
        }
    }
    return undefined;
}

/** The admitted ColumnRefs of one catch-up conjunct (see watermarkRefs), or none when its shape differs in any way. */
function catchUpRefs(p: Node, cols: string[], select: Node, param: (n: Node | undefined) => string | undefined): Node[] {
    const or = p.BoolExpr;
    if (or?.boolop !== "OR_EXPR" || or.args?.length !== 2) {
        return [];
    }
    const bound = or.args[1].A_Expr;
    if (bound?.kind !== "AEXPR_OP" || bound.name?.[0]?.String?.sval !== "<" || !isTableColumn(bound.lexpr, cols[0])) {
        return [];
    }
    const plus = bound.rexpr?.A_Expr;
    const sub = plus?.kind === "AEXPR_OP" && plus.name?.[0]?.String?.sval === "+" ? plus.lexpr?.SubLink : undefined;
    const inner: Node | undefined = sub?.subLinkType === "EXPR_SUBLINK" ? sub.subselect?.SelectStmt : undefined;
    const alias = inner?.fromClause?.[0]?.RangeVar?.alias?.aliasname;
    if (!inner || !alias || alias === "t" || inner.fromClause.length !== 1
        || sourceTable(inner, alias) === undefined || sourceTable(inner, alias) !== sourceTable(select, "t")
        || inner.targetList?.length !== 1) {
        return [];
    }
    const min = inner.targetList[0].ResTarget?.val;
    if (funcName(min) !== "min" || min.FuncCall.args?.length !== 1 || !isColumnOf(min.FuncCall.args[0], alias, cols[0])) {
        return [];
    }
    const cmp = inner.whereClause?.A_Expr;
    if (cmp?.kind !== "AEXPR_OP" || cmp.name?.[0]?.String?.sval !== ">") {
        return [];
    }
    const left: Node[] = cols.length === 1 ? [cmp.lexpr] : cmp.lexpr?.RowExpr?.args ?? [];
    const right: Node[] = cols.length === 1 ? [cmp.rexpr] : cmp.rexpr?.RowExpr?.args ?? [];
    if (left.length !== cols.length || right.length !== cols.length
        || !cols.every((c, i) => isColumnOf(left[i], alias, c) && param(right[i]) === WATERMARK_PREFIX + c)) {
        return [];
    }
    return [bound.lexpr, min.FuncCall.args[0], ...left];
}

function checkPseudonym(ref: Ref, cls: string, keys: Set<string>, pseudonyms: Pseudonym[]): string | undefined {
    const h = enclosing(ref, "hmac");
    if (!h) {
        return "is not inside hmac(...)";
    }
    const args: Node[] = h.call.FuncCall.args ?? [];
    if (h.argIndex !== 0) {
        return "is used as an hmac key or algorithm, not as the hashed value";
    }
    if (args.length !== 3 || !isRunTimeKey(args[1], keys)) {
        return `is hashed with a key that is not current_setting('${KEY_SETTING}') (a constant, another column or none)`;
    }
    if (String(constString(args[2]) ?? "").toLowerCase() !== "sha256") {
        return `is hashed with '${constString(args[2]) ?? "?"}' instead of 'sha256'`;
    }
    const message = args[0].A_Expr;
    const entity = message?.kind === "AEXPR_OP" && message.name?.[0]?.String?.sval === "||" ? ENTITY_PREFIX.exec(constString(message.lexpr) ?? "") : null;
    if (!entity) {
        return "is hashed without its entity ('<entity>:' || <canonical form>), so equal values of different entities share a pseudonym";
    }
    const allowed = FORMS_OF_CLASS(cls);
    const hashed = shape(message.rexpr);
    const form = Object.keys(FORMS).find(f => formShape(f) === hashed);
    if (form === undefined || !allowed.includes(form)) {
        return `is hashed as '${entity[1]}:' || ${form ? `the ${form} form` : "a value in none of the canonical forms"}; class ${cls} `
            + `requires the canonical form ${allowed.join(" or ")} exactly (NFKC, blanks to NULL)`;
    }
    pseudonyms.push({ column: ref.column, entity: entity[1], form });
    return undefined;
}

function checkMasking(ref: Ref, c: ColumnClass, keys: Set<string>, pseudonyms: Pseudonym[]): string | undefined {
    const masking = c.masking ?? "";
    if (masking === "pseudonymize") {
        return checkPseudonym(ref, String(c.class), keys, pseudonyms);
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
 * arguments differ from its class's (outside the exact watermark shape for the `watermark` names), pseudonyms
 * without the fail-closed key check. Output names (`AS "phone"`) are not references. The pseudonyms found are
 * appended to `pseudonyms` for the stack-wide entity check.
 */
export function checkMaskedQuery(sql: string, classes: Record<string, ColumnClass>, watermark: string[] = [],
                                 pseudonyms: Pseudonym[] = []): SqlFinding[] {
    const { tree, params } = parseQuery(sql);
    const byName = new Map(Object.entries(classes).map(([k, v]) => [k.toLowerCase(), { column: k, c: v ?? {} }]));
    const findings: SqlFinding[] = [];
    if ((tree.stmts ?? []).length !== 1 || !tree.stmts[0].stmt?.SelectStmt) {
        findings.push({ column: "(query)", cls: "-", problem: `must be one SELECT, but holds ${(tree.stmts ?? []).length} statement(s)` });
    }
    for (const { stmt } of tree.stmts ?? []) {
        const select: Node = stmt?.SelectStmt ?? {};
        const keys = keyColumns(select);
        const admitted = watermarkRefs(select, params, watermark);
        const refs: Ref[] = [];
        columnRefs(stmt, [], refs);
        let hashes = false;
        for (const ref of refs) {
            const entry = byName.get(ref.column.toLowerCase());
            if (!entry || keys.has(ref.column) || admitted.has(ref.node)) {
                continue;
            }
            const { column, c } = entry;
            if (c.masking === "drop") {
                findings.push({ column, cls: String(c.class), problem: "must be dropped but is read" });
            } else if (PERSONAL.includes(c.class ?? "")) {
                hashes = hashes || c.masking === "pseudonymize";
                const problem = checkMasking(ref, c, keys, pseudonyms);
                if (problem) {
                    findings.push({ column, cls: String(c.class), problem });
                }
            }
        }
        if (hashes && !conjuncts(select.whereClause).some(p => isKeyCheck(p, keys))) {
            findings.push({ column: "(query)", cls: "-", problem: `hashes with the key but its WHERE does not refuse a malformed key `
                + `(a top-level CASE WHEN k.pseudonym_key ~ '${KEY_FORMAT}' ... THEN true ELSE <error> END)` });
        }
    }
    return findings;
}

/** Entities hashed in more than one canonical form across the stack: their pseudonyms would not join. */
export function checkEntityForms(pseudonyms: Pseudonym[]): Map<string, string[]> {
    const forms = new Map<string, Set<string>>();
    for (const p of pseudonyms) {
        forms.set(p.entity, (forms.get(p.entity) ?? new Set()).add(p.form));
    }
    return new Map([...forms].filter(([, f]) => f.size > 1).map(([e, f]) => [e, [...f].sort()]));
}
