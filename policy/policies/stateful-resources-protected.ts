import { ResourceValidationPolicy } from "@pulumi/policy";
import { isProductionStack, ProductionConfig, productionConfigSchema } from "../lib/props";

export const STATEFUL_TYPES = [
    "aws:rds/cluster:Cluster",
    "aws:rds/instance:Instance",
    "aws:s3/bucketV2:BucketV2",
    "aws:s3/bucket:Bucket",
    "aws:ecr/repository:Repository",
    "aws:kms/key:Key",
    "aws:glue/catalogDatabase:CatalogDatabase",
    "aws:dynamodb/table:Table",
];

// @pulumi/policy 1.21 hands policies `protect` but not `retainOnDelete` (the Analyzer protocol's
// AnalyzerResourceOptions has no such field), so `protect` is the option this policy can verify.
export const statefulResourcesProtected: ResourceValidationPolicy = {
    name: "stateful-resources-protected",
    description: "Stateful resources in production stacks (RDS, S3 buckets, ECR repositories, KMS keys, Glue databases, DynamoDB tables) set the protect resource option.",
    enforcementLevel: "mandatory",
    configSchema: productionConfigSchema,
    validateResource: (args, reportViolation) => {
        if (!STATEFUL_TYPES.includes(args.type) || !isProductionStack(args.urn, args.getConfig<ProductionConfig>())) {
            return;
        }
        if (args.opts.protect !== true) {
            reportViolation(`'${args.name}' holds data that a 'pulumi destroy' or a replacement would lose. Fix: pass ` +
                `CustomResourceOptions.builder().protect(true) for it (retainOnDelete alone is not visible to policies).`);
        }
    },
};
