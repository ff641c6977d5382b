import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import * as yaml from "js-yaml";
import { columnClasses } from "../lib/data";
import { selectsStar } from "../lib/masked-query";
import { checkEntityForms, checkMaskedQuery, loadParser, Pseudonym, SqlFinding } from "../lib/masking-sql";
import { safeGet } from "../lib/props";

const MASKED_PREFIX = "config/embulk/masked/";
const OBJECT_TYPES = ["aws:s3/bucketObjectv2:BucketObjectv2", "aws:s3/bucketObject:BucketObject"];

/** A masked-zone config is found by where the pipeline reads it from (the key) as well as by its tag. */
function isMaskedConfig(r: PolicyResource): boolean {
    const key = safeGet(r.props, "key");
    return OBJECT_TYPES.includes(r.type)
        && ((typeof key === "string" && key.startsWith(MASKED_PREFIX)) || safeGet(r.props, "tags", "DataZone") === "masked");
}

/** `config/embulk/masked/drivers.yml.liquid` -> `drivers`. */
function tableOfKey(key: unknown): string | undefined {
    if (typeof key !== "string" || !key.startsWith(MASKED_PREFIX)) {
        return undefined;
    }
    return key.substring(MASKED_PREFIX.length).replace(/\.(ya?ml)(\.liquid)?$/, "");
}

/** The object's text, or undefined when it is not inline (a file asset) or not known yet. */
function contentOf(r: PolicyResource): string | undefined {
    const content = safeGet(r.props, "content");
    if (typeof content === "string") {
        return content;
    }
    const base64 = safeGet(r.props, "contentBase64");
    return typeof base64 === "string" ? Buffer.from(base64, "base64").toString("utf8") : undefined;
}

/** Parses the Liquid template as YAML: `{{ expr }}` becomes a plain word, `{% tag %}` disappears (both branches stay). */
function parseTemplate(text: string): unknown {
    return yaml.load(text.replace(/\{\{[\s\S]*?\}\}/g, "LIQUID").replace(/\{%[\s\S]*?%\}/g, ""));
}

export const dataMaskedConfigNoRawColumns: StackValidationPolicy = {
    name: "data-masked-config-no-raw-columns",
    description: "No masked-zone Embulk config selects a personal column outside its masking function or with other arguments (parsed by PostgreSQL's parser: truncation unit, prefix length, rounding digits; pseudonyms as hmac('<entity>:' || <canonical form>, key from current_setting, 'sha256') behind the fail-closed key check, one form per entity), a column that must be dropped, all columns, or a table instead of a query; raw watermark columns only in the generated shape, listed in incremental_columns and removed by remove_columns.",
    enforcementLevel: "mandatory",
    validateStack: async (args, reportViolation) => {
        await loadParser();
        const maskedTables = new Map<string, Record<string, any>>();
        for (const r of args.resources) {
            if (r.type === "aws:glue/catalogTable:CatalogTable" && safeGet(r.props, "parameters", "data_zone") === "masked") {
                maskedTables.set(String(safeGet(r.props, "name")), r.props);
            }
        }
        const hashedBy: { r: PolicyResource; pseudonyms: Pseudonym[] }[] = [];
        for (const r of args.resources.filter(isMaskedConfig)) {
            const fromTag = safeGet(r.props, "tags", "ExportTable");
            const fromKey = tableOfKey(safeGet(r.props, "key"));
            const report = (problem: string, fix: string) => reportViolation(`Masked Embulk config '${r.name}' ${problem}. Fix: ${fix}.`, r.urn);
            if (typeof fromTag === "string" && fromKey !== undefined && fromTag !== fromKey) {
                report(`is tagged ExportTable '${fromTag}' but stored as '${safeGet(r.props, "key")}'`,
                    "keep the key config/embulk/masked/<table>.yml.liquid and the ExportTable tag on the same table");
                continue;
            }
            const table = typeof fromTag === "string" ? fromTag : fromKey;
            const glue = table !== undefined ? maskedTables.get(table) : undefined;
            const classes = glue ? columnClasses(glue) : undefined;
            if (!classes) {
                report(`exports '${table ?? "an unnamed table"}', which has no classified masked Glue table`,
                    "every exported table needs its masked Glue table with column classes (tag the config ExportTable=<table>)");
                continue;
            }
            const text = contentOf(r);
            if (text === undefined) {
                if (safeGet(r.props, "source") !== undefined) {
                    report("takes its content from a file asset, which this check cannot read",
                        "generate the config inline (content) from the catalog");
                }
                continue;
            }
            let config: any;
            try {
                config = parseTemplate(text);
            } catch (e) {
                report(`is not readable YAML (${String((e as Error).message).split("\n")[0]})`, "regenerate the config from the catalog");
                continue;
            }
            const input = config?.in;
            for (const key of ["table", "select"]) {
                if (input && typeof input === "object" && input[key] !== undefined) {
                    report(`uses 'in.${key}', which reads columns as stored instead of through the masking query`,
                        "export through the generated 'in.query' only");
                }
            }
            if (typeof input?.query !== "string") {
                report("has no 'in.query' string", "regenerate the config from the catalog; masked exports read only through the masking query");
                continue;
            }
            if (selectsStar(input.query)) {
                report("selects '*' in its query, which copies every column as is",
                    "name each column with its class's masking (regenerate from the catalog)");
            }
            // Watermark columns are admitted unmasked only when listed as incremental columns AND removed before the output.
            const incremental: string[] = Array.isArray(input.incremental_columns) ? input.incremental_columns.map(String) : [];
            const removed = new Set<string>((Array.isArray(config?.filters) ? config.filters : [])
                .filter((f: any) => f?.type === "remove_columns" && Array.isArray(f.remove))
                .flatMap((f: any) => f.remove.map(String)));
            const watermark = incremental.filter(c => removed.has(c));
            const pseudonyms: Pseudonym[] = [];
            let findings: SqlFinding[];
            try {
                findings = checkMaskedQuery(input.query, classes, watermark, pseudonyms);
                hashedBy.push({ r, pseudonyms });
            } catch (e) {
                report(`has a query PostgreSQL cannot parse (${String((e as Error).message).split("\n")[0]})`,
                    "regenerate the config from the catalog");
                continue;
            }
            for (const f of findings) {
                report(f.column === "(query)" ? `has a query that ${f.problem}` : f.problem.startsWith("must be dropped") ? `reads ${f.cls} column '${f.column}', which ${f.problem}`
                    : `selects ${f.cls} column '${f.column}' unmasked: it ${f.problem}`,
                    f.problem.startsWith("must be dropped") ? "regenerate the config from the catalog; dropped columns are never selected"
                        : "regenerate the config; the class's masking must apply with its arguments (docs/policies.md, masked queries)");
            }
        }
        // One entity, one canonical form: the catalog declares the form per entity, so two forms mean two pseudonyms per person.
        const split = checkEntityForms(hashedBy.flatMap(h => h.pseudonyms));
        for (const { r, pseudonyms } of hashedBy) {
            for (const entity of [...new Set(pseudonyms.map(p => p.entity))].filter(e => split.has(e))) {
                const columns = pseudonyms.filter(p => p.entity === entity).map(p => `'${p.column}' (${p.form})`).join(", ");
                reportViolation(`Masked Embulk config '${r.name}' hashes entity '${entity}' in ${columns}, but the stack hashes `
                    + `'${entity}' in the forms ${split.get(entity)!.join(" and ")}; its pseudonyms would not join. Fix: regenerate the `
                    + "configs from the catalog; an entity has one form (docs/policies.md, masked queries).", r.urn);
            }
        }
    },
};
