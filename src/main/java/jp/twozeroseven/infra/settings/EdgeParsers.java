package jp.twozeroseven.infra.settings;

import java.util.Map;
import java.util.Set;

/** The small sections: load balancer, registry, deploy and CDN. */
final class EdgeParsers {

    static final String ACM_ARN = "arn:aws:acm:[a-z0-9-]+:\\d{12}:certificate/[0-9a-f-]{36}";
    private static final Set<Integer> RESERVED_PORTS = Set.of(80, 443);

    private EdgeParsers() {
    }

    static LoadBalancerSettings loadBalancer(Section s, String region, Tier tier) {
        String cert = s.matching("certificateArn", ACM_ARN, "an ACM certificate ARN");
        if (!cert.isEmpty() && !region.isEmpty() && !cert.startsWith("arn:aws:acm:" + region + ":")) {
            s.report("certificateArn", cert, "the ALB needs a certificate in " + region);
        }
        String policy = s.matching("sslPolicy", "ELBSecurityPolicy-(TLS13-1-2|TLS13-1-3|FS-1-2|TLS-1-2)[A-Za-z0-9-]*",
                "an ELB security policy that allows only TLS 1.2 or later, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06");
        int testPort = s.integer("testListenerPort", 1024, 65535, 8443);
        if (RESERVED_PORTS.contains(testPort)) {
            s.report("testListenerPort", String.valueOf(testPort), "must differ from 80 and 443");
        }
        int idle = s.integer("idleTimeoutSeconds", 1, 4000, 60);
        boolean deletionProtection = s.bool("deletionProtection", tier.isProduction());
        if (tier.isProduction() && !deletionProtection) {
            s.report("deletionProtection", "false", "production load balancers keep deletion protection on");
        }
        s.rejectUnknownKeys();
        return new LoadBalancerSettings(cert, policy, testPort, idle, deletionProtection);
    }

    static RegistrySettings registry(Section s) {
        int keep = s.integer("keepReleaseImages", 5, 1000, 30);
        s.rejectUnknownKeys();
        return new RegistrySettings(keep);
    }

    static DeploySettings deploy(Section s, Set<String> serviceNames, Tier tier) {
        DeployMode mode = s.choice("mode", Section.choices(Map.entry("pipeline", DeployMode.PIPELINE),
                Map.entry("codedeploy", DeployMode.CODEDEPLOY)));
        String tag = s.matching("releaseTagPrefix", "[A-Za-z0-9_.-]{1,128}", "an image tag prefix such as release-");
        String config = s.matching("deploymentConfig", "CodeDeployDefault\\.ECS[A-Za-z0-9]+",
                "a CodeDeploy ECS config such as CodeDeployDefault.ECSCanary10Percent5Minutes");
        if (tier.isProduction() && config.endsWith("AllAtOnce")) {
            s.report("deploymentConfig", config, "production shifts traffic gradually; use a Canary or Linear config");
        }
        int wait = s.integer("terminationWaitMinutes", 0, 2880, 15);
        Map<String, String> repos = s.stringMap("githubRepositories", "[a-z][a-z0-9-]*", "a service name");
        repos.forEach((service, repo) -> {
            if (!serviceNames.contains(service)) {
                s.report("githubRepositories." + service, service, "unknown service; known: " + serviceNames);
            }
            if (!repo.matches("[A-Za-z0-9-]+/[A-Za-z0-9_.-]+")) {
                s.report("githubRepositories." + service, repo, "expected org/repository");
            }
        });
        // Every mode has a release role per service, trusted by that repository's jobs in the stack's GitHub
        // environment: in codedeploy mode it pushes and deploys, in pipeline mode it pushes the release image.
        if (!serviceNames.isEmpty() && !repos.keySet().containsAll(serviceNames)) {
            s.report("githubRepositories", repos.toString(), mode == DeployMode.PIPELINE
                    ? "pipeline mode needs the GitHub repository (org/repository) of every service " + serviceNames
                    + ", whose CI pushes the release images through the service's release role (the only principal "
                    + "its ECR repository lets push), e.g. githubRepositories: {api: two-zero-seven/delivery-api}"
                    : "codedeploy mode needs the GitHub repository of every service " + serviceNames
                    + ", whose CI assumes the deploy role");
        }
        boolean createProvider = s.choice("githubOidcProvider", Section.choices(Map.entry("create", true),
                Map.entry("existing", false)), true);
        s.rejectUnknownKeys();
        return new DeploySettings(mode, tag, config, wait, repos, createProvider);
    }

    static CdnSettings cdn(Section s, Set<String> serviceHosts) {
        var aliases = s.texts("aliases", "domain names", false);
        String cert = s.matching("certificateArn", "arn:aws:acm:us-east-1:\\d{12}:certificate/[0-9a-f-]{36}",
                "an ACM certificate ARN in us-east-1 (CloudFront reads certificates only there, and its default "
                        + "certificate cannot enforce TLSv1.2_2021)");
        var waf = s.optionalMatching("wafWebAclArn", "arn:aws:wafv2:us-east-1:\\d{12}:global/webacl/.+",
                "a global WAFv2 web ACL ARN");
        var paths = s.texts("albPathPatterns", "path patterns such as /api/*", false);
        var originDomain = s.optionalMatching("albOriginDomain", "[a-z0-9.-]+",
                "a host name one of the services answers on, e.g. admin.207-delivery.jp");
        if (!paths.isEmpty() && originDomain.isEmpty()) {
            s.report("albOriginDomain", (String) null, "albPathPatterns " + paths + " need the ALB host name "
                    + "CloudFront connects to; use one of the services' hostHeaders " + serviceHosts);
        }
        originDomain.filter(d -> !d.isEmpty() && !serviceHosts.contains(d)).ifPresent(d -> s.report("albOriginDomain",
                d, "no service routes this host; the ALB would answer 404. Use one of " + serviceHosts));
        String priceClass = s.choice("priceClass", Section.choices(Map.entry("PriceClass_100", "PriceClass_100"),
                Map.entry("PriceClass_200", "PriceClass_200"), Map.entry("PriceClass_All", "PriceClass_All")), "PriceClass_200");
        s.rejectUnknownKeys();
        return new CdnSettings(aliases, cert, waf, paths, originDomain, priceClass);
    }
}
