import { StackValidationPolicy } from "@pulumi/policy";
import { columnClasses, PERSONAL } from "../lib/data";

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export const dataMaskedConfigNoRawColumns: StackValidationPolicy = {
    name: "data-masked-config-no-raw-columns",
    description: "No masked-zone Embulk config selects a personal column as is, or selects a column that must be dropped.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const maskedTables = new Map<string, Record<string, any>>();
        for (const r of args.resources) {
            if (r.type === "aws:glue/catalogTable:CatalogTable" && r.props.parameters?.data_zone === "masked") {
                maskedTables.set(r.props.name, r.props);
            }
        }
        for (const r of args.resources) {
            if (r.type !== "aws:s3/bucketObjectv2:BucketObjectv2" || r.props.tags?.DataZone !== "masked") {
                continue;
            }
            const table = r.props.tags?.ExportTable;
            const glue = maskedTables.get(table);
            const classes = glue ? columnClasses(glue) : undefined;
            if (!classes) {
                reportViolation(`Masked Embulk config '${r.name}' exports '${table}', which has no classified masked Glue table. ` +
                    `Fix: every exported table needs its Glue table with column classes.`, r.urn);
                continue;
            }
            const content = String(r.props.content ?? "");
            for (const [column, c] of Object.entries(classes)) {
                const quoted = `t\\."?${escape(column)}"?`;
                if (c.masking === "drop" && new RegExp(`${quoted}(?![A-Za-z0-9_])`).test(content)) {
                    reportViolation(`Masked Embulk config '${r.name}' reads ${c.class} column '${column}', which must be dropped. Fix: regenerate the config from the catalog; dropped columns are never selected.`, r.urn);
                } else if (PERSONAL.includes(c.class ?? "") && new RegExp(`^\\s*${quoted} AS "?${escape(column)}"?,?\\s*$`, "m").test(content)) {
                    reportViolation(`Masked Embulk config '${r.name}' selects ${c.class} column '${column}' unmasked. ` +
                        `Fix: regenerate the config; the class's masking must apply.`, r.urn);
                }
            }
        }
    },
};
