import { PolicyResource } from "@pulumi/policy";
import { isLinkedTo } from "./links";
import { raw } from "./preview";

export const LOAD_BALANCER_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
export const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
export const LISTENER_RULE_TYPES = ["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"];

/** Application load balancers only: the type defaults to "application" when not given. */
export function isApplicationLoadBalancer(type: string, props: Record<string, any>): boolean {
    return LOAD_BALANCER_TYPES.includes(type) && (props.loadBalancerType ?? "application") === "application";
}

/** The listener's rules (aws:lb/listenerRule linked by listenerArn) in this stack. */
export function rulesOfListener(listener: PolicyResource, resources: PolicyResource[]): PolicyResource[] {
    return resources.filter(r => LISTENER_RULE_TYPES.includes(r.type) && isLinkedTo(r, "listenerArn", listener, ["arn"]));
}

export const propsOf = (r: PolicyResource): Record<string, any> => raw(r.props) ?? {};
