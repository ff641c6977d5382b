// The one reading of security-group rules: inline `ingress`/`egress` of aws:ec2/securityGroup, the legacy
// aws:ec2/securityGroupRule (type ingress|egress) and the aws:vpc SecurityGroupIngressRule/EgressRule resources.
// A new spelling is taught here, and every rule policy sees it.
import { PolicyResource } from "@pulumi/policy";
import { isLinkedTo } from "./links";
import { asArray } from "./props";
import { isUnknown, raw } from "./preview";

export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
export const LEGACY_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";

export const PUBLIC_PORTS = [80, 443];
const ANYWHERE = ["0.0.0.0/0", "::/0"];

export interface Rule {
    direction: "ingress" | "egress";
    /** The resource that declares the rule (the group itself for inline rules). */
    resource: PolicyResource;
    /** The group the rule belongs to, when it is in this stack. */
    group?: PolicyResource;
    where: string;
    fromPort?: number;
    toPort?: number;
    protocol?: string;
    /** CIDR sources (ingress) or destinations (egress); unknown ones are left out and flagged. */
    cidrs: string[];
    cidrsUnknown: boolean;
    description?: string;
}

export function opensToInternet(rule: Rule): boolean {
    return rule.cidrs.some(s => ANYWHERE.includes(s));
}

export function isPublicWebPort(rule: Rule): boolean {
    const tcp = rule.protocol === "tcp" || rule.protocol === "6";
    return tcp && rule.fromPort === rule.toPort && PUBLIC_PORTS.includes(Number(rule.fromPort));
}

function cidrs(...values: unknown[]): { cidrs: string[]; unknown: boolean } {
    const all = values.flatMap(v => isUnknown(v) ? [v] : asArray<unknown>(v as any));
    return { cidrs: all.filter((c): c is string => typeof c === "string" && !isUnknown(c)), unknown: all.some(isUnknown) };
}

function inline(group: PolicyResource): Rule[] {
    const p: any = raw(group.props) ?? {};
    return (["ingress", "egress"] as const).flatMap(direction => asArray<any>(p[direction]).map((r, i) => {
        const c = cidrs(r?.cidrBlocks, r?.ipv6CidrBlocks);
        return { direction, resource: group, group, where: `${direction}[${i}]`, fromPort: r?.fromPort, toPort: r?.toPort,
            protocol: r?.protocol, cidrs: c.cidrs, cidrsUnknown: c.unknown, description: r?.description };
    }));
}

function standalone(r: PolicyResource, groups: PolicyResource[]): Rule | undefined {
    const p: any = raw(r.props) ?? {};
    const group = groups.find(g => isLinkedTo(r, "securityGroupId", g, ["name"]));
    if (r.type === INGRESS_RULE || r.type === EGRESS_RULE) {
        const c = cidrs(p.cidrIpv4, p.cidrIpv6);
        return { direction: r.type === INGRESS_RULE ? "ingress" : "egress", resource: r, group, where: "rule",
            fromPort: p.fromPort, toPort: p.toPort, protocol: p.ipProtocol, cidrs: c.cidrs, cidrsUnknown: c.unknown,
            description: p.description };
    }
    if (r.type === LEGACY_RULE && (p.type === "ingress" || p.type === "egress")) {
        const c = cidrs(p.cidrBlocks, p.ipv6CidrBlocks);
        return { direction: p.type, resource: r, group, where: "rule", fromPort: p.fromPort, toPort: p.toPort,
            protocol: p.protocol, cidrs: c.cidrs, cidrsUnknown: c.unknown, description: p.description };
    }
    return undefined;
}

/** Every rule of the stack, whatever its spelling. */
export function rulesOf(resources: PolicyResource[]): Rule[] {
    const groups = resources.filter(r => r.type === SECURITY_GROUP);
    return [...groups.flatMap(inline),
        ...resources.map(r => standalone(r, groups)).filter((r): r is Rule => r !== undefined)];
}
