import { ResourceValidationPolicy } from "@pulumi/policy";
import { CLASSES_PARAMETER, columnClasses, KNOWN_CLASSES } from "../lib/data";

export const dataColumnsClassified: ResourceValidationPolicy = {
    name: "data-columns-classified",
    description: "Every column of an exported Glue table has a known data class in the table's column_classes parameter.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:glue/catalogTable:CatalogTable" || args.props.parameters?.data_zone === undefined) {
            return;
        }
        const classes = columnClasses(args.props);
        if (!classes) {
            reportViolation(`Glue table '${args.props.name}' has no readable '${CLASSES_PARAMETER}' parameter. ` +
                `Fix: generate it from data/catalog.yaml (ColumnClassifications).`);
            return;
        }
        for (const column of args.props.storageDescriptor?.columns ?? []) {
            const cls = classes[column.name]?.class;
            if (!cls || !KNOWN_CLASSES.includes(cls)) {
                reportViolation(`Glue table '${args.props.name}', column '${column.name}' is unclassified (class '${cls ?? "none"}'). ` +
                    `Fix: give it a class in data/catalog.yaml, one of ${KNOWN_CLASSES.join(", ")}.`);
            }
        }
    },
};
