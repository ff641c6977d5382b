import { ResourceValidationPolicy } from "@pulumi/policy";
import { stackOfUrn } from "../lib/props";
import { effectiveTags, isTaggable } from "../lib/tags";

export const DEFAULT_REQUIRED_TAGS = ["Project", "Environment", "Service", "Owner", "CostCenter", "ManagedBy"];

interface Config {
    requiredTags?: string[];
    stack?: string;
}

export const requiredTags: ResourceValidationPolicy = {
    name: "required-tags",
    description: "Every taggable AWS resource carries the required tags (resource tags or the provider's defaultTags), " +
        "and Environment equals the stack name.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requiredTags: { type: "array", items: { type: "string" }, default: DEFAULT_REQUIRED_TAGS },
            stack: { type: "string", description: "Stack name the Environment tag must equal; defaults to the stack in the resource URN." },
        },
    },
    validateResource: (args, reportViolation) => {
        if (!isTaggable(args.type)) {
            return;
        }
        const config = args.getConfig<Config>();
        const required = config.requiredTags ?? DEFAULT_REQUIRED_TAGS;
        const tags = effectiveTags(args.props.tags, args.provider?.props);
        const missing = required.filter(key => (tags[key] ?? "").trim() === "");
        if (missing.length > 0) {
            reportViolation(`'${args.name}' is missing tag(s) ${missing.join(", ")}. Fix: set them in the stack's ` +
                `aws:defaultTags (provider defaultTags) or in this resource's tags.`);
        }
        const stack = config.stack ?? stackOfUrn(args.urn);
        const environment = tags["Environment"];
        if (required.includes("Environment") && environment && stack && environment !== stack) {
            reportViolation(`'${args.name}' has Environment=${environment} but belongs to stack '${stack}'. ` +
                `Fix: set the Environment tag to '${stack}' (it comes from the provider's defaultTags in Pulumi.${stack}.yaml).`);
        }
    },
};
