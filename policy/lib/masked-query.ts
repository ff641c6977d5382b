// A deliberately small reader of the SQL in masked-zone Embulk configs. It is not a SQL parser: it finds where
// catalog columns are referenced and which function calls enclose each reference, which is enough to tell
// "hashed/truncated" from "copied as is" in the generated shape and in the usual hand edits. Limits: docs/policies.md.
import { ColumnClass, PERSONAL } from "./data";

/** The function a masking must wrap its column in (what jp.twozeroseven.infra.data.masking.MaskingPlan generates). */
const MASKING_FUNCTIONS: Record<string, string[]> = {
    pseudonymize: ["hmac"],
    truncate_year: ["date_trunc"], truncate_month: ["date_trunc"], truncate_day: ["date_trunc"], truncate_hour: ["date_trunc"],
    postal_prefix3: ["left"],
    prefecture: ["substring"],
    round_2dp: ["round"],
};
/** Accepted when a personal column's masking is not one this reader knows. */
export const MASKING_FUNCTION_NAMES = [...new Set(Object.values(MASKING_FUNCTIONS).flat())];

/** `allowed`: the functions the column may appear in (empty: nowhere, its masking is `keep` or missing). */
export interface QueryFinding { column: string; problem: "dropped" | "unmasked"; cls: string; context: string; allowed: string[] }

/** Comments and string literals removed, so that names inside them are not read as references. */
function withoutCommentsAndLiterals(sql: string): string {
    return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g, m => (m.startsWith("'") ? "''" : " "));
}

/** Whether the query selects all columns: `SELECT *`, `, *` or `alias.*`. */
export function selectsStar(sql: string): boolean {
    return /(?:\bselect\s+(?:distinct\s+)?|,\s*|\.\s*)\*/i.test(withoutCommentsAndLiterals(sql));
}

interface Token { name: string; at: number; quoted: boolean }

/**
 * Columns of the table referenced in the query where their class forbids it: a column whose masking is `drop`
 * anywhere, a personal column anywhere outside the function its masking generates. Output aliases (`AS "phone"`)
 * are names, not references, and are skipped.
 */
export function forbiddenReferences(sql: string, classes: Record<string, ColumnClass>): QueryFinding[] {
    const text = withoutCommentsAndLiterals(sql);
    const byName = new Map(Object.entries(classes).map(([k, v]) => [k.toLowerCase(), { column: k, c: v ?? {} }]));
    const findings: QueryFinding[] = [];
    const enclosing: string[] = [];
    let previous: Token | undefined;
    let previousWord = "";
    const pattern = /"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)|([()])/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m[3] === "(") {
            const adjacent = previous && /^\s*$/.test(text.substring(previous.at, m.index)) ? previous.name.toLowerCase() : "";
            enclosing.push(adjacent);
            previous = undefined;
            continue;
        }
        if (m[3] === ")") {
            enclosing.pop();
            previous = undefined;
            continue;
        }
        const name = m[1] !== undefined ? m[1].replace(/""/g, "\"") : m[2];
        const isAlias = previousWord === "as";
        previousWord = m[1] === undefined ? name.toLowerCase() : "";
        previous = { name, at: m.index + m[0].length, quoted: m[1] !== undefined };
        const entry = byName.get(name.toLowerCase());
        if (!entry || isAlias) {
            continue;
        }
        const { column, c } = entry;
        const context = text.substring(Math.max(0, m.index - 30), m.index + m[0].length + 10).replace(/\s+/g, " ").trim();
        if (c.masking === "drop") {
            findings.push({ column, problem: "dropped", cls: String(c.class), context, allowed: [] });
        } else if (PERSONAL.includes(c.class ?? "")) {
            const allowed = c.masking && c.masking !== "keep" ? (MASKING_FUNCTIONS[c.masking] ?? MASKING_FUNCTION_NAMES) : [];
            if (!enclosing.some(f => allowed.includes(f))) {
                findings.push({ column, problem: "unmasked", cls: String(c.class), context, allowed });
            }
        }
    }
    return findings;
}

/** The prefix of the generated watermark columns (ExportQueries.WATERMARK_PREFIX in the Java program). */
export const WATERMARK_PREFIX = "embulk_wm_";

/**
 * The query with its watermark plumbing blanked, for `forbiddenReferences`. An incremental export selects the
 * incremental column and its unique tie-breaker `id` FIRST, at full precision and unmasked, as
 * `t."<col>" AS "embulk_wm_<col>"` (embulk-input-jdbc reads last_record by result position), compares them in
 * `(t."a", t."b") > (:embulk_wm_a, :embulk_wm_b)` and drops them with a remove_columns filter before the output.
 * Exactly that shape is admitted, and only for the `watermark` names the config both lists in
 * `in.incremental_columns` and removes; any other use of the column is still a reference.
 */
export function withoutWatermarks(sql: string, watermark: string[]): string {
    let text = sql;
    for (const name of watermark) {
        if (!name.startsWith(WATERMARK_PREFIX)) {
            continue;
        }
        const col = name.substring(WATERMARK_PREFIX.length).replace(/[^a-z0-9_]/g, "");
        text = text.replace(new RegExp(`\\bt\\."${col}" AS "${WATERMARK_PREFIX}${col}"`, "g"), `NULL AS "${WATERMARK_PREFIX}${col}"`);
    }
    const cols = watermark.filter(w => w.startsWith(WATERMARK_PREFIX)).map(w => w.substring(WATERMARK_PREFIX.length));
    if (cols.length > 0) {
        const left = cols.map(c => `t\\."${c}"`).join(",\\s*");
        const right = cols.map(c => `:${WATERMARK_PREFIX}${c}`).join(",\\s*");
        const predicate = cols.length === 1 ? `${left} > ${right}` : `\\(${left}\\) > \\(${right}\\)`;
        text = text.replace(new RegExp(predicate, "g"), "TRUE");
    }
    return text;
}
