import { ResourceValidationPolicy } from "@pulumi/policy";
import { columnClasses, PERSONAL } from "../lib/data";

export const dataMaskedGlueNoRawColumns: ResourceValidationPolicy = {
    name: "data-masked-glue-no-raw-columns",
    description: "No Glue table of the masked zone declares a personal column unmasked, or a column that must be dropped.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:glue/catalogTable:CatalogTable" || args.props.parameters?.data_zone !== "masked") {
            return;
        }
        const classes = columnClasses(args.props) ?? {};
        for (const column of args.props.storageDescriptor?.columns ?? []) {
            const c = classes[column.name] ?? {};
            if (c.masking === "drop") {
                reportViolation(`Masked Glue table '${args.props.name}' declares column '${column.name}' (class ${c.class}) that ` +
                    `must be dropped. Fix: regenerate the table from the catalog; dropped columns are never exported.`);
            } else if (PERSONAL.includes(c.class ?? "") && (c.masking === "keep" || !c.masking)) {
                reportViolation(`Masked Glue table '${args.props.name}' declares ${c.class} column '${column.name}' unmasked. ` +
                    `Fix: mask it in data/catalog.yaml (class default or a masking override).`);
            }
        }
    },
};
