import { asArray } from "./props";

export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
export const LEGACY_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";

/** The one exception to "no internet ingress": a group tagged as the public load balancer's. */
export const PUBLIC_LB_TAG = { key: "Exposure", value: "public-alb" };
export const PUBLIC_PORTS = [80, 443];
const ANYWHERE = ["0.0.0.0/0", "::/0"];

export interface IngressRule {
    where: string;
    fromPort?: number;
    toPort?: number;
    protocol?: string;
    sources: string[];
}

export function opensToInternet(rule: IngressRule): boolean {
    return rule.sources.some(s => ANYWHERE.includes(s));
}

export function isPublicWebPort(rule: IngressRule): boolean {
    const tcp = rule.protocol === "tcp" || rule.protocol === "6";
    return tcp && rule.fromPort === rule.toPort && PUBLIC_PORTS.includes(Number(rule.fromPort));
}

export function inlineIngressRules(props: Record<string, any>): IngressRule[] {
    return asArray<any>(props.ingress).map((r, i) => ({
        where: `ingress[${i}]`, fromPort: r?.fromPort, toPort: r?.toPort, protocol: r?.protocol,
        sources: [...asArray<string>(r?.cidrBlocks), ...asArray<string>(r?.ipv6CidrBlocks)],
    }));
}

export function standaloneIngressRule(type: string, props: Record<string, any>): IngressRule | undefined {
    if (type === INGRESS_RULE) {
        return { where: "rule", fromPort: props.fromPort, toPort: props.toPort, protocol: props.ipProtocol,
            sources: [props.cidrIpv4, props.cidrIpv6].filter(s => typeof s === "string") };
    }
    if (type === LEGACY_RULE && props.type === "ingress") {
        return { where: "rule", fromPort: props.fromPort, toPort: props.toPort, protocol: props.protocol,
            sources: [...asArray<string>(props.cidrBlocks), ...asArray<string>(props.ipv6CidrBlocks)] };
    }
    return undefined;
}
