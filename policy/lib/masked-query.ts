// What the SQL parser (masking-sql.ts) does not need to decide: whether a query selects all columns.
// Comments and string literals are removed first, so that a `*` inside them is not read as a star.

function withoutCommentsAndLiterals(sql: string): string {
    return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g, m => (m.startsWith("'") ? "''" : " "));
}

/** Whether the query selects all columns: `SELECT *`, `, *` or `alias.*`. */
export function selectsStar(sql: string): boolean {
    return /(?:\bselect\s+(?:distinct\s+)?|,\s*|\.\s*)\*/i.test(withoutCommentsAndLiterals(sql));
}
