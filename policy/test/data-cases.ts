// Cases of the data-pipeline policies; spread into resourceCases / stackCases.
import { ResourceCase, StackCase } from "./harness";
import { idForm, KEY_CHECK, KEY_JOIN, phoneForm, pseudonym } from "./masked-sql";

const GLUE = "aws:glue/catalogTable:CatalogTable";
const classes = (c: Record<string, [string, string]>) => JSON.stringify(Object.fromEntries(
    Object.entries(c).map(([k, [cls, masking]]) => [k, { class: cls, masking }])));
const glue = (zone: string, columns: string[], c: Record<string, [string, string]>): ResourceCase => ({
    type: GLUE, props: { name: "drivers", parameters: { data_zone: zone, "platform207.column_classes": classes(c) },
        storageDescriptor: { columns: columns.map(name => ({ name })) } },
});
const glueWith = (parameters: Record<string, string>, columns: string[]): ResourceCase => ({
    type: GLUE, props: { name: "drivers", parameters, storageDescriptor: { columns: columns.map(name => ({ name })) } },
});
const driverClasses: Record<string, [string, string]> = { id: ["identifier", "pseudonymize"], status: ["internal", "keep"],
    full_name: ["name", "drop"], phone: ["contact", "pseudonymize"] };
const config = (content: string): ResourceCase => ({ type: "aws:s3/bucketObjectv2:BucketObjectv2", props: { content } });
const task = (environment: any[]): ResourceCase => ({ type: "aws:ecs/taskDefinition:TaskDefinition",
    props: { containerDefinitions: JSON.stringify([{ name: "embulk", environment }]) } });

export const dataResourceCases: Record<string, { pass: ResourceCase[]; fail: [ResourceCase, string][] }> = {
    "data-columns-classified": {
        pass: [glue("masked", ["id", "status"], driverClasses), { type: GLUE, props: { name: "other" } }],
        fail: [[glue("masked", ["id", "vehicle"], driverClasses), "column 'vehicle' is unclassified"],
            [{ type: GLUE, props: { name: "t", parameters: { data_zone: "raw" } } }, "no readable"]],
    },
    "data-masked-glue-no-raw-columns": {
        pass: [glue("masked", ["id", "status", "phone"], driverClasses),
            glue("raw", ["id", "full_name"], { id: ["identifier", "keep"], full_name: ["name", "keep"] })],
        fail: [[glue("masked", ["id", "full_name"], driverClasses), "must be dropped"],
            [glue("masked", ["phone"], { phone: ["contact", "keep"] }), "contact column 'phone' unmasked"],
            [glue("masked", ["id", "vehicle"], driverClasses), "column 'vehicle' without a class"],
            [glueWith({ data_zone: "masked" }, ["id"]), "no readable 'platform207.column_classes'"],
            [glueWith({ data_zone: "masked", "platform207.column_classes": "{id: identifier" }, ["id"]), "no readable"],
            [glueWith({ data_zone: "masked", "platform207.column_classes": "[]" }, ["id"]), "no readable"],
            [glueWith({ data_zone: "masked", "platform207.column_classes": JSON.stringify({ id: { masking: "pseudonymize" } }) }, ["id"]),
                "column 'id' without a class"]],
    },
    "data-no-key-material": {
        pass: [config("options: \"-c app.pseudonym_key={{ env.EMBULK_PSEUDONYM_KEY }}\""),
            task([{ name: "EMBULK_CONFIG_BUCKET", value: "b" }]),
            { type: "aws:sfn/stateMachine:StateMachine", props: { definition: "{\"StartAt\":\"A\"}" } }],
        fail: [[config("options: \"-c app.pseudonym_key=s3cr3t\""), "inline pseudonym_key"],
        ],
    },
};

const maskedGlue = { type: GLUE, name: "glue-drivers", props: { name: "drivers",
    parameters: { data_zone: "masked", "platform207.column_classes": classes(driverClasses) } } };
const maskedConfig = (content: string) => ({ type: "aws:s3/bucketObjectv2:BucketObjectv2", name: "cfg",
    props: { tags: { DataZone: "masked", ExportTable: "drivers" }, content } });
/** An Embulk config around a query, as the pipeline generates it (Liquid references left in). */
const embulk = (query: string, extra = "") => "in:\n  type: \"postgresql\"\n  user: \"{{ env.EMBULK_DB_USER }}\"\n" + extra
    + "  query: |\n" + query.split("\n").map(l => `    ${l}`).join("\n") + "\nout:\n  type: s3_parquet\n";
const select = (...columns: string[]) => `-- masked export of drivers, generated from the table catalog\nSELECT\n  ${columns.join(",\n  ")}\n` +
    `FROM "public"."drivers" AS t\n${KEY_JOIN}\nWHERE ${KEY_CHECK} AND t."status" <> 'phone' AND t."updated_at" > :updated_at`;
const hashedId = pseudonym("driver", idForm("t.\"id\""), "id");
const hashedPhone = pseudonym("phone", phoneForm("t.\"phone\""), "phone");
const goodSql = embulk(select(hashedId, hashedPhone, "t.\"status\" AS \"status\""));
const WATERMARK = ["t.\"updated_at\" AS \"embulk_wm_updated_at\"", "t.\"id\" AS \"embulk_wm_id\""];
const PREDICATE = "(t.\"updated_at\", t.\"id\") > (:embulk_wm_updated_at, :embulk_wm_id)";
/**
 * The generated incremental shape (ExportQueries): raw updated_at and id FIRST as watermark columns, compared with
 * the placeholders, ordered by, and removed before the output.
 */
const watermarked = (removed: string[], o: { columns?: string[]; predicate?: string; incremental?: string[] } = {}) =>
    "in:\n  type: postgresql\n  incremental: true\n"
    + `  incremental_columns: [${(o.incremental ?? ["embulk_wm_updated_at", "embulk_wm_id"]).join(", ")}]\n  query: |\n`
    + ["SELECT", (o.columns ?? [...WATERMARK, hashedId, "t.\"status\" AS \"status\""]).map(c => `  ${c}`).join(",\n"),
        "FROM \"public\".\"drivers\" AS t", KEY_JOIN, `WHERE ${KEY_CHECK}`, `  AND ${o.predicate ?? PREDICATE}`,
        "ORDER BY \"embulk_wm_updated_at\", \"embulk_wm_id\""].join("\n").split("\n").map(l => `    ${l}`).join("\n")
    + (removed.length ? `\nfilters:\n  - type: remove_columns\n    remove: [${removed.join(", ")}]` : "") + "\nout:\n  type: s3_parquet\n";
const BOTH = ["embulk_wm_updated_at", "embulk_wm_id"];
/** The catch-up window's conjunct as ExportQueries generates it (docs/data-pipeline.md, "Catch-up windows"). */
const catchUp = (table = "\"public\".\"drivers\"", min = "min(w.\"updated_at\")", inner = "(w.\"updated_at\", w.\"id\")") =>
    `({{ env.EXPORT_CATCH_UP_WINDOW }} = 0 OR t."updated_at" < (SELECT ${min} FROM ${table} AS w WHERE ${inner} > `
    + `(:embulk_wm_updated_at, :embulk_wm_id)) + make_interval(days => {{ env.EXPORT_CATCH_UP_WINDOW }}))`;
const untagged = (key: string, content: string) => ({ type: "aws:s3/bucketObjectv2:BucketObjectv2", name: "cfg", props: { key, content } });

const rawBucket = { type: "aws:s3/bucketV2:BucketV2", name: "raw", props: { bucket: "p-raw", tags: { DataClassification: "restricted" } } };
const guardStatement = { Effect: "Deny", Principal: "*", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: ["arn:aws:s3:::p-raw/*"] };
const bucketPolicy = (...statements: any[]) => ({ type: "aws:s3/bucketPolicy:BucketPolicy", name: "raw-policy", props: { bucket: "p-raw",
    policy: JSON.stringify({ Statement: statements }) } });
const guard = (arns: string[]) => bucketPolicy({ ...guardStatement, Condition: { ArnNotEquals: { "aws:PrincipalArn": arns } } });
const allow = (Action: any, Resource: any) => ({ Effect: "Allow", Action, Resource });
const rolePolicy = (roleName: string, ...statements: any[]) => ({ type: "aws:iam/rolePolicy:RolePolicy", name: `${roleName}-policy`,
    props: { role: roleName, policy: JSON.stringify({ Statement: statements }) } });
/** A stack with a correct guard, where the role 'analysts' (not a reader) gets the given resources. */
const analysts = (...resources: any[]): StackCase => ({ resources: [rawBucket, guard([]), role("analysts", false), ...resources] });
const managedPolicy = (...statements: any[]) => ({ type: "aws:iam/policy:Policy", name: "reads", props: { name: "reads",
    policy: JSON.stringify({ Statement: statements }) } });
const role = (name: string, reader: boolean) => ({ type: "aws:iam/role:Role", name, props: { name, tags: { RawZoneReader: String(reader) } } });
const readsRaw = (roleName: string) => ({ type: "aws:iam/rolePolicy:RolePolicy", name: `${roleName}-policy`, props: { role: roleName,
    policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::p-raw/raw/deliveries/*"] }] }) } });

export const dataStackCases: Record<string, { pass: StackCase[]; fail: [StackCase, string][] }> = {
    "data-masked-config-no-raw-columns": {
        pass: [{ resources: [maskedGlue, maskedConfig(goodSql)] },
            { resources: [maskedGlue, untagged("config/embulk/masked/drivers.yml.liquid", goodSql)] },
            { resources: [maskedGlue, untagged("config/embulk/raw/drivers.yml.liquid", embulk("SELECT * FROM drivers"))] },
            { resources: [maskedGlue, maskedConfig(embulk(`SELECT hmac('phone:' || ${phoneForm("phone")}, k.pseudonym_key, 'sha256') AS phone, ` +
                `count(*) AS n, status * 2 AS s /* full_name is dropped */ FROM drivers ${KEY_JOIN} WHERE ${KEY_CHECK} GROUP BY 1, 3`))] },
            { resources: [maskedGlue, maskedConfig(watermarked(BOTH))] },
            // One watermark column (a table whose incremental column is unique by itself).
            { resources: [maskedGlue, maskedConfig(watermarked(["embulk_wm_updated_at"], { incremental: ["embulk_wm_updated_at"],
                columns: [WATERMARK[0], hashedId], predicate: "t.\"updated_at\" > :embulk_wm_updated_at" }))] },
            // The catch-up window bounds a run from the first row past the watermark: its raw id stays inside the shape.
            { resources: [maskedGlue, maskedConfig(watermarked(BOTH, { predicate: `${PREDICATE}\n  AND ${catchUp()}` }))] }],
        fail: [[{ resources: [maskedGlue, maskedConfig(embulk(select(hashedId, "t.\"full_name\" AS \"full_name\"")))] }, "must be dropped"],
            // The raw id as a watermark column that is NOT removed would reach the output.
            [{ resources: [maskedGlue, maskedConfig(watermarked(["embulk_wm_updated_at"]))] }, "identifier column 'id' unmasked"],
            // Removed but not an incremental column, or no remove_columns filter at all: the raw id reaches the output.
            [{ resources: [maskedGlue, maskedConfig(watermarked(BOTH, { incremental: ["embulk_wm_updated_at"] }))] }, "identifier column 'id' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(watermarked([]))] }, "identifier column 'id' unmasked"],
            // The exact shape only: not first, under another name, another alias, or the column used elsewhere too.
            [{ resources: [maskedGlue, maskedConfig(watermarked(BOTH, { columns: [hashedId, ...WATERMARK] }))] }, "identifier column 'id' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(watermarked(BOTH, { columns: [WATERMARK[0], "t.\"id\" AS \"id\"", "t.\"id\" AS \"embulk_wm_id\""] }))] },
                "identifier column 'id' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(watermarked(BOTH, { columns: [WATERMARK[0], "t.\"id\" + 0 AS \"embulk_wm_id\"", hashedId] }))] },
                "identifier column 'id' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(watermarked(BOTH, { predicate: `${PREDICATE} AND t."id" < 1000` }))] }, "identifier column 'id' unmasked"],
            // A catch-up subquery over another table, or one that reads the id itself, is not the generated shape.
            [{ resources: [maskedGlue, maskedConfig(watermarked(BOTH, { predicate: `${PREDICATE} AND ${catchUp("\"public\".\"customers\"")}` }))] },
                "identifier column 'id' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(watermarked(BOTH, { predicate: `${PREDICATE} AND ${catchUp(undefined, "min(w.\"id\")")}` }))] },
                "identifier column 'id' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(watermarked(BOTH, { predicate: "(t.\"updated_at\", t.\"id\") > (:embulk_wm_updated_at, :other)" }))] },
                "identifier column 'id' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(embulk(select("t.\"phone\" AS \"phone\"", "t.\"status\" AS \"status\"")))] },
                "contact column 'phone' unmasked"],
            [{ resources: [maskedGlue, untagged("config/embulk/masked/drivers.yml.liquid", embulk(select("t.\"phone\" AS \"phone\"")))] },
                "contact column 'phone' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(embulk("SELECT * FROM drivers"))] }, "selects '*'"],
            [{ resources: [maskedGlue, maskedConfig(embulk(select(hashedId, "t.*")))] }, "selects '*'"],
            [{ resources: [maskedGlue, maskedConfig(embulk("SELECT id, phone FROM drivers"))] }, "identifier column 'id' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(embulk(select(hashedId, "lower(t.phone) AS contact")))] }, "contact column 'phone' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(embulk(select(hashedId, "left(t.\"PHONE\", 20) AS p")))] }, "contact column 'phone' unmasked"],
            [{ resources: [maskedGlue, maskedConfig(embulk(select(hashedId), "  table: drivers\n  select: \"id, phone\"\n"))] }, "uses 'in.table'"],
            [{ resources: [maskedGlue, maskedConfig("in:\n  type: postgresql\n  table: drivers\n")] }, "has no 'in.query'"],
            [{ resources: [maskedGlue, maskedConfig("in: [unclosed\n")] }, "not readable YAML"],
            [{ resources: [maskedGlue, { ...maskedConfig(goodSql), props: { tags: { DataZone: "masked", ExportTable: "drivers" },
                contentBase64: Buffer.from(embulk("SELECT phone FROM drivers")).toString("base64") } }] }, "contact column 'phone' unmasked"],
            [{ resources: [maskedGlue, { ...untagged("config/embulk/masked/drivers.yml", goodSql), props: {
                key: "config/embulk/masked/drivers.yml", tags: { ExportTable: "vehicles" }, content: goodSql } }] }, "tagged ExportTable 'vehicles'"],
            [{ resources: [maskedConfig(goodSql)] }, "no classified masked Glue table"],
            [{ resources: [untagged("config/embulk/masked/parcels.yml.liquid", goodSql)] }, "exports 'parcels', which has no classified"]],
    },
    "data-raw-zone-readers": {
        pass: [{ resources: [rawBucket, guard(["arn:aws:iam::1:role/investigators"]), role("investigators", true), readsRaw("investigators")] },
            { resources: [rawBucket, bucketPolicy(guardStatement)] },
            { resources: [rawBucket, bucketPolicy({ ...guardStatement, Action: "s3:GetObject*", Resource: "arn:aws:s3:::p-raw*" })] },
            { resources: [rawBucket, guard(["arn:aws:iam::1:role/investigators"]), role("investigators", true),
                rolePolicy("investigators", allow("s3:*", "arn:aws:s3:::*"))] },
            analysts(rolePolicy("analysts", allow("s3:*", ["arn:aws:s3:::p-masked/*", "arn:aws:s3:::p-raw"]),
                allow("s3:GetObject*", "arn:aws:s3:::p-raw-archive/*"), allow("s3:PutObject", "arn:aws:s3:::p-raw/*"),
                { Effect: "Deny", Action: "*", Resource: "*" }, { Effect: "Allow", NotAction: "s3:*", Resource: "*" },
                { Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::p-raw/*" })),
            { resources: [rawBucket, guard(["arn:aws:iam::1:role/investigators"]), role("investigators", true),
                managedPolicy(allow("s3:GetObject", "arn:aws:s3:::p-raw/*")),
                { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att", props: { role: "investigators", policyArn: "arn" },
                    dependsOn: { policyArn: ["reads"] } }] }],
        fail: [[analysts(readsRaw("analysts")), "not a listed raw-zone reader"],
            [analysts(rolePolicy("analysts", allow("*", "*"))), "Role 'analysts' may read the raw zone"],
            [analysts(rolePolicy("analysts", allow("s3:*", "arn:aws:s3:::*"))), "Role 'analysts' may read the raw zone"],
            [analysts(rolePolicy("analysts", allow(["S3:GETOBJECTVERSION"], "arn:aws:s3:::p-raw/*"))), "Role 'analysts' may read the raw zone"],
            [analysts(rolePolicy("analysts", allow("s3:Get*Object", "arn:aws:s3:::p-r?w/deliveries/*"))), "Role 'analysts' may read the raw zone"],
            [analysts(rolePolicy("analysts", allow("s3:Get*", "ARN:AWS:S3:::P-RAW/*"))), "Role 'analysts' may read the raw zone"],
            [analysts(rolePolicy("analysts", { Effect: "Allow", NotAction: "iam:*", Resource: "*" })), "Role 'analysts' may read the raw zone"],
            [analysts(rolePolicy("analysts", { Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::p-raw/secret/*" })), "Role 'analysts' may read the raw zone"],
            [analysts({ ...role("analysts", false), name: "analysts-inline", props: { name: "analysts", tags: {},
                inlinePolicies: [{ name: "read", policy: JSON.stringify({ Statement: [allow("s3:GetObject", "arn:aws:s3:::p-raw/*")] }) }] } }),
                "inlinePolicies[0] 'read'"],
            [analysts(managedPolicy(allow("s3:GetObject", "arn:aws:s3:::p-raw/*")),
                { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att", props: { role: "analysts", policyArn: "unknown" },
                    dependsOn: { policyArn: ["reads"] } }), "Role 'analysts' may read the raw zone through Policy 'reads'"],
            [analysts(managedPolicy(allow("s3:GetObject", "arn:aws:s3:::p-raw/*")),
                { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att", props: { role: "arn:aws:iam::1:role/analysts",
                    policyArn: "arn:aws:iam::1:policy/team/reads" } }), "Role 'analysts' may read the raw zone through Policy 'reads'"],
            [analysts(managedPolicy(allow("s3:GetObject", "arn:aws:s3:::p-raw/*"))), "attached to no role"],
            [analysts({ type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att",
                props: { role: "analysts", policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" } }), "AWS managed policy"],
            [analysts({ type: "aws:iam/userPolicy:UserPolicy", name: "u", props: { user: "bob",
                policy: JSON.stringify({ Statement: [allow("s3:GetObject", "*")] }) } }), "IAM user 'bob'"],
            [{ resources: [rawBucket] }, "does not deny reads"],
            [{ resources: [rawBucket, bucketPolicy({ ...guardStatement, Resource: "arn:aws:s3:::p-raw/raw/*" })] },
                "Resource does not cover arn:aws:s3:::p-raw/*"],
            [{ resources: [rawBucket, bucketPolicy({ ...guardStatement, Resource: "arn:aws:s3:::p-raw" })] }, "Resource does not cover"],
            [{ resources: [rawBucket, bucketPolicy({ ...guardStatement, Action: "s3:GetObject" })] }, "does not cover s3:GetObjectVersion"],
            [{ resources: [rawBucket, bucketPolicy({ ...guardStatement, Condition: { Bool: { "aws:SecureTransport": "false" } } })] },
                "more than the aws:PrincipalArn exemption"],
            [{ resources: [rawBucket, bucketPolicy({ ...guardStatement, Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::1:role/*" } } })] },
                "exempts 'arn:aws:iam::1:role/*'"],
            [{ resources: [rawBucket, guard(["arn:aws:iam::1:role/analysts"]), role("analysts", false)] }, "not a role tagged RawZoneReader=true"]],
    },
};
