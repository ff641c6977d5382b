package jp.twozeroseven.infra.platform;

import jp.twozeroseven.infra.platform.waf.WebAcls;

import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.platform.cdn.StaticContentCdn;
import jp.twozeroseven.infra.platform.database.AuroraDatabase;
import jp.twozeroseven.infra.platform.deploy.BlueGreenDeployments;
import jp.twozeroseven.infra.platform.deploy.DeployTrigger;
import jp.twozeroseven.infra.platform.loadbalancer.PublicLoadBalancer;
import jp.twozeroseven.infra.platform.network.Network;
import jp.twozeroseven.infra.platform.registry.Registries;
import jp.twozeroseven.infra.platform.release.ReleaseGuards;
import jp.twozeroseven.infra.platform.scaling.ScheduledScaling;
import jp.twozeroseven.infra.platform.secrets.AppSecrets;
import jp.twozeroseven.infra.platform.security.PlatformKeys;
import jp.twozeroseven.infra.platform.security.SecurityGroups;
import jp.twozeroseven.infra.platform.service.AppService;
import jp.twozeroseven.infra.platform.storage.LogBuckets;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.support.Outputs;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application platform: network, registries, the ECS cluster with the Rails API and Next.js services behind
 * the ALB, and Aurora. Everything is sized and named from the stack settings.
 */
public final class AppPlatform extends ComponentResource {

    public static final String TYPE = "platform207:app:AppPlatform";
    /** The ETL image lives beside the app images; the data pipeline runs it. */
    public static final String ETL_IMAGE = "embulk";

    private final Network network;
    private final PlatformKeys keys;
    private final SecurityGroups securityGroups;
    private final Registries registries;
    private final LogBuckets logBuckets;
    private final PublicLoadBalancer loadBalancer;
    private final AuroraDatabase database;
    private final AppSecrets secrets;
    private final Cluster cluster;
    private final ClusterCapacityProviders capacityProviders;
    private final Map<String, AppService> services = new LinkedHashMap<>();
    private final Map<String, ScheduledScaling> scaling = new LinkedHashMap<>();
    private final BlueGreenDeployments deployments;
    private final DeployTrigger deployTrigger;
    private final StaticContentCdn cdn;
    private final ReleaseGuards releaseGuards;

    public AppPlatform(String name, Scope parentScope) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(parentScope.parent()).build());
        Scope scope = parentScope.child(this);
        keys = PlatformKeys.create(scope);
        network = new Network("network", scope);
        securityGroups = new SecurityGroups("security-groups", scope, network.vpcId(), network.vpcCidr());
        List<String> images = new ArrayList<>(scope.settings().services().stream().map(ServiceSettings::name).toList());
        images.add(ETL_IMAGE);
        registries = new Registries("registries", scope, images, keys.platform().arn());
        logBuckets = LogBuckets.create(scope);
        loadBalancer = new PublicLoadBalancer("load-balancer", scope, network.publicSubnetIds(),
                securityGroups.loadBalancer().id(), logBuckets.loadBalancerLogs());
        database = new AuroraDatabase("database", scope, network.privateSubnetIds(), securityGroups.database().id(),
                keys.database().arn());
        secrets = new AppSecrets("secrets", scope, keys.platform().arn());

        String clusterName = scope.name("cluster");
        cluster = new Cluster(clusterName, ClusterArgs.builder()
                .name(clusterName)
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .tags(scope.tags(clusterName))
                .build(), scope.options());
        // FARGATE for the app services; FARGATE_SPOT for the nightly ETL tasks, which can be retried.
        capacityProviders = new ClusterCapacityProviders(clusterName, ClusterCapacityProvidersArgs.builder()
                .clusterName(cluster.name())
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .build(), scope.options());

        for (ServiceSettings service : scope.settings().services()) {
            services.put(service.name(), new AppService(service, scope, new AppService.Wiring(cluster,
                    registries.repository(service.name()), securityGroups.service(service.name()).id(),
                    network.privateSubnetIds(), network.vpcId(), loadBalancer.https(), loadBalancer.test(),
                    secrets.newRelicLicenseKey().arn(), secrets.sentryDsn(service.name()).arn(),
                    secrets.databaseApp().arn(), keys.platform().arn(), capacityProviders)));
        }
        services.forEach((n, s) -> scaling.put(n, new ScheduledScaling(n + "-scaling", scope, s, cluster,
                loadBalancer.alb().arnSuffix())));
        deployments = new BlueGreenDeployments("blue-green", scope, services, cluster, loadBalancer);
        Map<String, com.pulumi.aws.ecr.Repository> appRepositories = new LinkedHashMap<>();
        services.keySet().forEach(n -> appRepositories.put(n, registries.repository(n)));
        deployTrigger = new DeployTrigger("deploy-trigger", scope, new DeployTrigger.Wiring(services, appRepositories,
                deployments, keys.platform().arn(), logBuckets.accessLogs().name()));
        Map<String, Output<String>> ciRoleArns = new LinkedHashMap<>();
        deployTrigger.ciRoles().forEach((n, r) -> ciRoleArns.put(n, r.arn()));
        releaseGuards = new ReleaseGuards("release-guards", scope, new ReleaseGuards.Props(scope.settings().accountId(),
                scope.settings().stack(), deployTrigger.githubProviderArn(), scope.settings().deploy().githubRepositories(),
                appRepositories, ciRoleArns, registries.repository(ETL_IMAGE),
                scope.settings().dataPipeline().access().deployRoleArn(),
                scope.settings().dataPipeline().access().breakGlassRoleArn()));
        WebAcls waf = new WebAcls("waf", scope, loadBalancer.alb());
        cdn = new StaticContentCdn("cdn", scope, logBuckets.accessLogs().name(),
                logBuckets.accessLogs().domainName(), logBuckets.accessLogs().ownershipControls(),
                waf.cloudFrontAclArn());
        this.registerOutputs(Map.of("albDnsName", loadBalancer.alb().dnsName()));
    }

    /** What operators need after {@code pulumi up}. */
    public Map<String, Output<?>> exports() {
        Map<String, Output<?>> out = new LinkedHashMap<>();
        out.put("albDnsName", loadBalancer.alb().dnsName());
        out.put("clusterName", cluster.name());
        Map<String, Output<String>> serviceNames = new LinkedHashMap<>();
        services.forEach((n, s) -> serviceNames.put(n, s.service().name()));
        out.put("serviceNames", Outputs.map(serviceNames));
        out.put("ecrRepositoryUrls", Outputs.map(registries.urls()));
        out.put("databaseEndpoint", database.endpoint());
        out.put("databaseReaderEndpoint", database.readerEndpoint());
        out.put("databaseMasterSecretArn", database.masterSecretArn());
        out.put("secretArnsToFill", Outputs.map(secrets.arnsToFill()));
        out.put("deployMode", Output.of(deployTrigger.mode().name().toLowerCase(java.util.Locale.ROOT)));
        out.put("codeDeployApplication", deployments.application().name());
        Map<String, Output<String>> groups = new LinkedHashMap<>();
        deployments.groups().forEach((n, g) -> groups.put(n, g.deploymentGroupName()));
        out.put("deploymentGroups", Outputs.map(groups));
        out.put("deployDocuments", Outputs.map(deployTrigger.documentLocations()));
        Map<String, Output<String>> ciRoles = new LinkedHashMap<>();
        deployTrigger.ciRoles().forEach((n, r) -> ciRoles.put(n, r.arn()));
        if (!ciRoles.isEmpty()) {
            out.put("ciDeployRoleArns", Outputs.map(ciRoles));
        }
        Map<String, Output<String>> releaseRoles = new LinkedHashMap<>();
        releaseGuards.releaseRoles().forEach((n, r) -> releaseRoles.put(n, r.arn()));
        if (!releaseRoles.isEmpty()) {
            out.put("releaseRoleArns", Outputs.map(releaseRoles));
        }
        Map<String, Output<String>> pipelines = new LinkedHashMap<>();
        deployTrigger.pipelines().forEach((n, p) -> pipelines.put(n, p.name()));
        if (!pipelines.isEmpty()) {
            out.put("releasePipelines", Outputs.map(pipelines));
        }
        out.put("cdnDomainName", cdn.distribution().domainName());
        out.put("staticFilesBucket", cdn.bucket().name());
        return out;
    }

    public Network network() {
        return network;
    }

    public PlatformKeys keys() {
        return keys;
    }

    public SecurityGroups securityGroups() {
        return securityGroups;
    }

    public Registries registries() {
        return registries;
    }

    public LogBuckets logBuckets() {
        return logBuckets;
    }

    public PublicLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public AuroraDatabase database() {
        return database;
    }

    public AppSecrets secrets() {
        return secrets;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Map<String, AppService> services() {
        return services;
    }

    public Map<String, ScheduledScaling> scaling() {
        return scaling;
    }

    public BlueGreenDeployments deployments() {
        return deployments;
    }

    public DeployTrigger deployTrigger() {
        return deployTrigger;
    }

    public StaticContentCdn cdn() {
        return cdn;
    }
}
