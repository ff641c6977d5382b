import { ResourceValidationPolicy } from "@pulumi/policy";
import { CLASSES_PARAMETER, columnClasses, columnsOf, PERSONAL } from "../lib/data";

export const dataMaskedGlueNoRawColumns: ResourceValidationPolicy = {
    name: "data-masked-glue-no-raw-columns",
    description: "No Glue table of the masked zone declares (as a column or a partition key) a personal column unmasked, a column that must be dropped, or a column without a class.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:glue/catalogTable:CatalogTable" || args.props.parameters?.data_zone !== "masked") {
            return;
        }
        // Fail closed: in the masked zone a column nobody classified is as dangerous as one classified personal.
        const classes = columnClasses(args.props);
        if (!classes) {
            reportViolation(`Masked Glue table '${args.props.name}' has no readable '${CLASSES_PARAMETER}' parameter ` +
                `(missing, or not a JSON object of column -> {class, masking}), so no column can be proven masked. ` +
                `Fix: regenerate the table from data/catalog.yaml (ColumnClassifications).`);
            return;
        }
        for (const column of columnsOf(args.props)) {
            const c = Object.prototype.hasOwnProperty.call(classes, column.name) ? classes[column.name] : undefined;
            if ((!c || typeof c.class !== "string" || c.class === "") && column.where === "partition key") {
                // Derived partition values (the export date `dt`) are not catalog columns; a catalog column used as
                // a partition key is checked below like any column, since its values are in every S3 key.
                continue;
            }
            if (!c || typeof c.class !== "string" || c.class === "") {
                reportViolation(`Masked Glue table '${args.props.name}' declares ${column.where} '${column.name}' without a class in ` +
                    `'${CLASSES_PARAMETER}'. Fix: classify the column in data/catalog.yaml and regenerate the table.`);
            } else if (c.masking === "drop") {
                reportViolation(`Masked Glue table '${args.props.name}' declares ${column.where} '${column.name}' (class ${c.class}) that ` +
                    `must be dropped. Fix: regenerate the table from the catalog; dropped columns are never exported.`);
            } else if (PERSONAL.includes(c.class) && (c.masking === "keep" || !c.masking)) {
                reportViolation(`Masked Glue table '${args.props.name}' declares ${c.class} ${column.where} '${column.name}' unmasked. ` +
                    `Fix: mask it in data/catalog.yaml (class default or a masking override).`);
            }
        }
    },
};
