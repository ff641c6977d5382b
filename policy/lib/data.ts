// Shared reading of the data pipeline's resources: the Glue parameter that carries column classes.
export const CLASSES_PARAMETER = "platform207.column_classes";
export const KNOWN_CLASSES = ["public", "internal", "identifier", "contact", "name", "address", "location",
    "free_text", "secret", "birth_date", "timestamp_identifying"];
/** Classes that may never leave Aurora unmasked into the masked (analytics) zone. */
export const PERSONAL = KNOWN_CLASSES.filter(c => c !== "public" && c !== "internal");

export interface ColumnClass { class?: string; masking?: string }

/**
 * The column classes of a Glue table, or undefined when the parameter is missing, is not JSON, or is not a JSON
 * object (an array or a string would otherwise read as "no classes" and let every column through).
 */
export function columnClasses(props: Record<string, any>): Record<string, ColumnClass> | undefined {
    const text = props.parameters?.[CLASSES_PARAMETER];
    if (typeof text !== "string") {
        return undefined;
    }
    try {
        const parsed = JSON.parse(text);
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
            return undefined;
        }
        return parsed;
    } catch {
        return undefined;
    }
}

/** Every column a Glue table declares: storage columns and partition keys (a partition key is a column too). */
export function columnsOf(props: Record<string, any>): { name: string; where: string }[] {
    const columns = (props.storageDescriptor?.columns ?? []).map((c: any) => ({ name: String(c?.name), where: "column" }));
    const keys = (props.partitionKeys ?? []).map((c: any) => ({ name: String(c?.name), where: "partition key" }));
    return [...columns, ...keys];
}
