package jp.twozeroseven.infra.composition;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import jp.twozeroseven.infra.platform.AppPlatformProps;
import jp.twozeroseven.infra.platform.cdn.StaticContentCdnProps;
import jp.twozeroseven.infra.platform.deploy.BlueGreenDeploymentsProps;
import jp.twozeroseven.infra.platform.deploy.DeployTrigger;
import jp.twozeroseven.infra.platform.registry.RegistriesProps;
import jp.twozeroseven.infra.platform.registry.SidecarImages;
import jp.twozeroseven.infra.platform.secrets.AppSecretsProps;
import jp.twozeroseven.infra.platform.security.SecurityGroupsProps;
import jp.twozeroseven.infra.platform.service.AppService;
import jp.twozeroseven.infra.platform.release.RepositoryGuard;
import jp.twozeroseven.infra.platform.database.AuroraDatabaseProps;
import jp.twozeroseven.infra.platform.loadbalancer.PublicLoadBalancerProps;
import jp.twozeroseven.infra.platform.network.NetworkProps;
import jp.twozeroseven.infra.platform.network.VpcFlowLogsProps;
import jp.twozeroseven.infra.platform.security.PlatformKeysProps;
import jp.twozeroseven.infra.platform.storage.LogBucketsProps;
import jp.twozeroseven.infra.platform.storage.SecureBucket;
import jp.twozeroseven.infra.platform.waf.WebAclsProps;
import jp.twozeroseven.infra.settings.CdnOriginSecret;
import jp.twozeroseven.infra.settings.CdnSettings;
import jp.twozeroseven.infra.settings.DatabaseSettings;
import jp.twozeroseven.infra.settings.LoadBalancerSettings;
import jp.twozeroseven.infra.settings.NatGatewayMode;
import jp.twozeroseven.infra.settings.NetworkSettings;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.tagging.StackTags;

import java.util.List;
import java.util.Objects;

/**
 * The props of the app platform and its children (network, keys, security groups, registries, log buckets, load
 * balancer, database, secrets, deployments, the services, WAF, CDN) from the stack's settings. Settings carry the
 * stack config's keys and their defaults (the parser applies them); the components' own defaults (rate limits,
 * deletion windows, the flow log interval) are named in their props. The wiring between components (subnets,
 * security groups, keys) is passed in by the platform that builds them ({@link AppPlatformProps}).
 */
public final class PlatformPropsFrom implements AppPlatformProps {

    private final StackSettings settings;
    private final Scope scope;

    /** @param scope where the platform is created: the stack root's scope */
    public PlatformPropsFrom(StackSettings settings, Scope scope) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** The stack root's scope: the explicit provider of the stack's region and account, naming and tags. */
    public static Scope rootScope(StackSettings settings, ProviderResource aws, StackTags tags, String service) {
        return Scope.root(aws, settings.region(), settings.accountId(), settings.namePrefix(),
                settings.tier().isProduction(), tags, service);
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public List<AppService.Props> services(Scope scope, AppService.Platform platform) {
        return ServicePropsFrom.services(settings, scope, platform);
    }

    @Override
    public BlueGreenDeploymentsProps blueGreen(Scope scope) {
        return new BlueGreenDeploymentsProps(scope, ServicePropsFrom.blueGreenServices(settings));
    }

    @Override
    public DeployTrigger.Props deployTrigger(Scope scope, Output<String> kmsKeyArn, Output<String> accessLogBucket) {
        return ServicePropsFrom.deployTrigger(settings, scope, kmsKeyArn, accessLogBucket);
    }

    @Override
    public NetworkProps network(Scope scope) {
        NetworkSettings network = settings.network();
        return new NetworkProps(scope, network.vpcCidr(), network.availabilityZones(), network.publicSubnetCidrs(),
                network.privateSubnetCidrs(), natGateways(network.natGateways()),
                VpcFlowLogsProps.retainedFor(settings.logRetentionDays()));
    }

    static NetworkProps.NatGateways natGateways(NatGatewayMode mode) {
        return switch (mode) {
            case SINGLE -> NetworkProps.NatGateways.SINGLE;
            case ONE_PER_AZ -> NetworkProps.NatGateways.ONE_PER_AZ;
        };
    }

    @Override
    public PlatformKeysProps keys() {
        return PlatformKeysProps.DEFAULTS;
    }

    @Override
    public SecurityGroupsProps securityGroups(Scope scope, Output<String> vpcId, Output<String> vpcCidr) {
        return new SecurityGroupsProps(scope, vpcId, vpcCidr, settings.loadBalancer().testListenerPort());
    }

    /** The sidecar mirrors of the pinned sidecar versions, guarded like every repository of the stack. */
    @Override
    public RegistriesProps registries(Scope scope, Output<String> kmsKeyArn) {
        return new RegistriesProps(scope, SidecarImages.pinned(), kmsKeyArn, repositoryGuard());
    }

    @Override
    public AppSecretsProps secrets(Scope scope, Output<String> kmsKeyArn) {
        return new AppSecretsProps(scope, settings.namePrefix(), kmsKeyArn, settings.tier().isProduction());
    }

    @Override
    public LogBucketsProps logBuckets() {
        return LogBucketsProps.expiringAfter(settings.logRetentionDays());
    }

    @Override
    public PublicLoadBalancerProps loadBalancer(Scope scope, Output<List<String>> publicSubnets,
                                                Output<String> securityGroupId, SecureBucket logBucket) {
        LoadBalancerSettings lb = settings.loadBalancer();
        return new PublicLoadBalancerProps(scope, publicSubnets, securityGroupId, logBucket, lb.certificateArn(),
                lb.sslPolicy(), lb.testListenerPort(), lb.idleTimeoutSeconds(), lb.deletionProtection());
    }

    @Override
    public AuroraDatabaseProps database(Scope scope, Output<List<String>> subnetIds, Output<String> securityGroupId,
                                        Output<String> kmsKeyArn) {
        DatabaseSettings db = settings.database();
        return new AuroraDatabaseProps(scope, subnetIds, securityGroupId, kmsKeyArn,
                settings.network().availabilityZones(), db.engineVersion(), db.instanceClass(), db.instances(),
                db.databaseName(), db.masterUsername(), db.backupRetentionDays(), db.backupWindow(),
                db.maintenanceWindow(), db.performanceInsightsRetentionDays(), settings.logRetentionDays());
    }

    @Override
    public WebAclsProps waf(Scope scope, Output<String> albArn) {
        return new WebAclsProps(scope, albArn, settings.cdn().wafWebAclArn(), settings.logRetentionDays());
    }

    @Override
    public StaticContentCdnProps cdn(Scope scope, SecureBucket accessLogs, Output<String> webAclArn) {
        CdnSettings cdn = settings.cdn();
        Resource acls = accessLogs.ownershipControls();
        return new StaticContentCdnProps(scope, accessLogs.name(), accessLogs.domainName(), acls, webAclArn,
                cdn.aliases(), cdn.certificateArn(), cdn.albPathPatterns(), cdn.albOriginDomain(), cdn.priceClass(),
                CdnOriginSecret.values(settings));
    }

    /** Who, besides a repository's release role, every ECR repository's guard names (dataPipeline.access.*). */
    private RepositoryGuard.Roles repositoryGuard() {
        return new RepositoryGuard.Roles(settings.accountId(), settings.dataPipeline().access().deployRoleArn(),
                settings.dataPipeline().access().breakGlassRoleArn());
    }
}
