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
import jp.twozeroseven.infra.platform.secrets.AppSecrets;
import jp.twozeroseven.infra.platform.security.PlatformKeys;
import jp.twozeroseven.infra.platform.security.SecurityGroups;
import jp.twozeroseven.infra.platform.service.AppService;
import jp.twozeroseven.infra.platform.storage.LogBuckets;
import jp.twozeroseven.infra.support.Outputs;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.iam.Role;

/**
 * The application platform: network, the ECS cluster with one {@link AppService} per service, behind the ALB or a
 * worker without it (each owning its whole slice), Aurora, and what the services share. Everything is sized and named
 * from its props ({@link AppPlatformProps}), which the stack composition makes from the settings; the platform reads
 * none.
 */
public final class AppPlatform extends ComponentResource {

    public static final String TYPE = "platform207:app:AppPlatform";

    // In the order the constructor builds them.
    private final PlatformKeys keys;
    private final Network network;
    private final SecurityGroups securityGroups;
    private final LogBuckets logBuckets;
    private final PublicLoadBalancer loadBalancer;
    private final AuroraDatabase database;
    private final AppSecrets secrets;
    private final Cluster cluster;
    private final ClusterCapacityProviders capacityProviders;
    private final BlueGreenDeployments deployments;
    private final DeployTrigger deployTrigger;
    private final Map<String, AppService> services = new LinkedHashMap<>();
    private final StaticContentCdn cdn;

    /**
     * @param name    the component's name ({@code platform} in the stack; part of every child's URN)
     * @param props   what its children are built from, given the wiring only the platform has
     * @param options the component's own options: its parent (the stack root)
     */
    public AppPlatform(String name, AppPlatformProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        var here = ComponentResourceOptions.builder().parent(this).build();
        keys = PlatformKeys.create(scope, props.keys());
        network = new Network("network", props.network(scope), here);
        securityGroups = new SecurityGroups("security-groups", props.securityGroups(scope, network.vpcId(),
                network.vpcCidr()), here);
        // The sidecar mirrors; each service's repository is its own, the ETL image's the data pipeline's.
        new Registries("registries", props.registries(scope, keys.platform().arn()), here);
        logBuckets = LogBuckets.create(scope, props.logBuckets());
        loadBalancer = new PublicLoadBalancer("load-balancer", props.loadBalancer(scope, network.publicSubnetIds(),
                securityGroups.loadBalancer().id(), logBuckets.loadBalancerLogs()), here);
        database = new AuroraDatabase("database", props.database(scope, network.privateSubnetIds(),
                securityGroups.database().id(), keys.database().arn()), here);
        secrets = new AppSecrets("secrets", props.secrets(scope, keys.platform().arn()), here);

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

        // Each service owns its whole slice (platform/service/AppService); what they share is built first.
        // Only the services behind the load balancer deploy blue/green; a worker rolls.
        deployments = new BlueGreenDeployments("blue-green", props.blueGreen(scope), here);
        deployTrigger = new DeployTrigger("deploy-trigger", props.deployTrigger(scope, keys.platform().arn(),
                logBuckets.accessLogs().name()), here);
        AppService.Platform shared = new AppService.Platform(cluster, capacityProviders, network.vpcId(),
                network.privateSubnetIds(), loadBalancer, securityGroups.loadBalancer(), securityGroups.database(),
                keys.platform().arn(), secrets.newRelicLicenseKey().arn(), secrets.databaseApp().arn(), deployments,
                deployTrigger);
        for (AppService.Props service : props.services(scope, shared)) {
            services.put(service.name(), new AppService(service.name(), service, here));
        }
        deployTrigger.allowStarting(List.copyOf(perService(s -> Optional.ofNullable(s.release().pipeline())
                .map(Pipeline::arn)).values()));
        WebAcls waf = new WebAcls("waf", props.waf(scope, loadBalancer.alb().arn()), here);
        cdn = new StaticContentCdn("cdn", props.cdn(scope, logBuckets.accessLogs(), waf.cloudFrontAclArn()), here);
        this.registerOutputs(Map.of("albDnsName", loadBalancer.alb().dnsName()));
    }

    /** What operators need after {@code pulumi up}. */
    public Map<String, Output<?>> exports() {
        Map<String, Output<?>> out = new LinkedHashMap<>();
        out.put("albDnsName", loadBalancer.alb().dnsName());
        out.put("clusterName", cluster.name());
        out.put("serviceNames", Outputs.map(perService(s -> Optional.of(s.service().name()))));
        out.put("ecrRepositoryUrls", Outputs.map(perService(s -> Optional.of(s.repository().repositoryUrl()))));
        out.put("databaseEndpoint", database.endpoint());
        out.put("databaseReaderEndpoint", database.readerEndpoint());
        out.put("databaseMasterSecretArn", database.masterSecretArn());
        Map<String, Output<String>> secretArns = new LinkedHashMap<>(secrets.arnsToFill());
        services.forEach((n, s) -> secretArns.put(n + "/sentry-dsn", s.sentryDsn().arn()));
        out.put("secretArnsToFill", Outputs.map(secretArns));
        out.put("deployMode", Output.of(deployTrigger.mode().name().toLowerCase(java.util.Locale.ROOT)));
        out.put("codeDeployApplication", deployments.application().name());
        // A worker has no deployment group, and only one of the CI role, release role and pipeline per mode.
        out.put("deploymentGroups", Outputs.map(perService(s -> s.blueGreen()
                .map(b -> b.group().deploymentGroupName()))));
        out.put("deployDocuments", Outputs.map(perService(s -> Optional.of(s.release().documentLocation()))));
        putUnlessEmpty(out, "ciDeployRoleArns", perService(s -> Optional.ofNullable(s.release().ciRole())
                .map(Role::arn)));
        putUnlessEmpty(out, "releaseRoleArns", perService(s -> Optional.ofNullable(s.release().releaseRole())
                .map(Role::arn)));
        putUnlessEmpty(out, "releasePipelines", perService(s -> Optional.ofNullable(s.release().pipeline())
                .map(Pipeline::name)));
        out.put("cdnDomainName", cdn.distribution().domainName());
        out.put("staticFilesBucket", cdn.bucket().name());
        return out;
    }

    /** Service name → {@code output} of it, for the services that have one, in stack order. */
    private Map<String, Output<String>> perService(Function<AppService, Optional<Output<String>>> output) {
        Map<String, Output<String>> out = new LinkedHashMap<>();
        services.forEach((name, service) -> output.apply(service).ifPresent(o -> out.put(name, o)));
        return out;
    }

    /** An output only the stack's deploy mode has: left out when no service has it. */
    private static void putUnlessEmpty(Map<String, Output<?>> out, String key, Map<String, Output<String>> values) {
        if (!values.isEmpty()) {
            out.put(key, Outputs.map(values));
        }
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

    public LogBuckets logBuckets() {
        return logBuckets;
    }

    public AuroraDatabase database() {
        return database;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Map<String, AppService> services() {
        return services;
    }

    public BlueGreenDeployments deployments() {
        return deployments;
    }
}
