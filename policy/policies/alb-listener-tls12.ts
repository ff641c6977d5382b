import { ResourceValidationPolicy } from "@pulumi/policy";
import { LISTENER_TYPES } from "../lib/elb";

// ELBSecurityPolicy-2016-08 (the default) and the TLS-1-0/TLS-1-1 policies still accept old protocols.
export const ACCEPTED_SSL_POLICY = /^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)/;

export const albListenerTls12: ResourceValidationPolicy = {
    name: "alb-listener-tls12",
    description: "[ELB.17] HTTPS/TLS listeners use an SSL policy that allows TLS 1.2 or newer only.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (!LISTENER_TYPES.includes(args.type) || !["HTTPS", "TLS"].includes(args.props.protocol)) {
            return;
        }
        const sslPolicy: string | undefined = args.props.sslPolicy;
        if (!sslPolicy || !ACCEPTED_SSL_POLICY.test(sslPolicy)) {
            reportViolation(`Listener '${args.name}' uses SSL policy '${sslPolicy ?? "ELBSecurityPolicy-2016-08 (default)"}', ` +
                `which accepts TLS below 1.2. Fix: set sslPolicy "ELBSecurityPolicy-TLS13-1-2-2021-06".`);
        }
    },
};
