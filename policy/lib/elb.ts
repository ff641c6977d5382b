export const LOAD_BALANCER_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
export const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];

/** Application load balancers only: the type defaults to "application" when not given. */
export function isApplicationLoadBalancer(type: string, props: Record<string, any>): boolean {
    return LOAD_BALANCER_TYPES.includes(type) && (props.loadBalancerType ?? "application") === "application";
}
