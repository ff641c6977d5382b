import { ResourceValidationPolicy } from "@pulumi/policy";

export const ACCEPTED_VIEWER_PROTOCOLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

export const cloudfrontTls12: ResourceValidationPolicy = {
    name: "cloudfront-tls12",
    description: "CloudFront distributions accept viewers on TLSv1.2_2021 or newer only (needs a custom ACM certificate).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:cloudfront/distribution:Distribution") {
            return;
        }
        const certificate = args.props.viewerCertificate ?? {};
        if (certificate.cloudfrontDefaultCertificate === true || !ACCEPTED_VIEWER_PROTOCOLS.includes(certificate.minimumProtocolVersion)) {
            reportViolation(`Distribution '${args.name}' allows viewer TLS '${certificate.minimumProtocolVersion ?? "TLSv1 (default certificate)"}'. ` +
                `Fix: set viewerCertificate {acmCertificateArn: <us-east-1 certificate>, sslSupportMethod: "sni-only", ` +
                `minimumProtocolVersion: "TLSv1.2_2021"}.`);
        }
    },
};
