import { asArray, parseJsonInput } from "./props";

export interface PolicyDocumentSource {
    where: string;
    document: any;
}

/** Permission policies of IAM resources; the provider takes each as a JSON string. */
export function permissionDocuments(type: string, props: Record<string, any>): PolicyDocumentSource[] {
    switch (type) {
        case "aws:iam/policy:Policy":
        case "aws:iam/rolePolicy:RolePolicy":
        case "aws:iam/userPolicy:UserPolicy":
        case "aws:iam/groupPolicy:GroupPolicy":
            return [{ where: "policy", document: parseJsonInput(props.policy) }];
        case "aws:iam/role:Role":
            return asArray<any>(props.inlinePolicies).map((p, i) => ({
                where: `inlinePolicies[${i}] '${p?.name ?? ""}'`, document: parseJsonInput(p?.policy),
            }));
        default:
            return [];
    }
}

export function allowStatements(document: any): any[] {
    return asArray<any>(document?.Statement).filter(s => s?.Effect === "Allow");
}
