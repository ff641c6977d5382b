// Exemptions come only from the policy config, where a review sees them: the resource's URN and why. A tag on the
// resource would let anyone who can edit the resource exempt it (and tags are not reviewed as policy).

export interface Exemption { urn: string; reason: string }
export interface ExemptionConfig { exemptions?: Exemption[] }

export const exemptionsSchema = {
    exemptions: {
        type: "array" as const,
        default: [],
        description: "Resources this policy does not apply to: {urn, reason}. The reason is printed with the URN in reviews.",
        items: {
            type: "object" as const,
            properties: {
                urn: { type: "string" as const, pattern: "^urn:pulumi:" },
                reason: { type: "string" as const, minLength: 10 },
            },
            required: ["urn", "reason"],
            additionalProperties: false,
        },
    },
};

export function exemptionFor(urn: string, config: ExemptionConfig): Exemption | undefined {
    return (config.exemptions ?? []).find(e => e.urn === urn);
}
