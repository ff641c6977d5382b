package jp.twozeroseven.infra.composition;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import jp.twozeroseven.infra.platform.cdn.StaticContentCdnProps;
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
 * The props of the platform's shared components (network, keys, log buckets, load balancer, database, WAF, CDN)
 * from the stack's settings. Settings carry the stack config's keys and their defaults (the parser applies them);
 * the components' own defaults (rate limits, deletion windows, the flow log interval) are named in their props.
 * The wiring between components (subnets, security groups, keys) is passed in by the platform that builds them.
 */
public final class PlatformPropsFrom {

    private final StackSettings settings;

    public PlatformPropsFrom(StackSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The stack root's scope: the explicit provider of the stack's region and account, naming and tags. */
    public static Scope rootScope(StackSettings settings, ProviderResource aws, StackTags tags, String service) {
        return Scope.root(aws, settings.region(), settings.accountId(), settings.namePrefix(),
                settings.tier().isProduction(), tags, service);
    }

    /** The blue/green test listener's port, which the load balancer's security group opens inside the VPC. */
    public int testListenerPort() {
        return settings.loadBalancer().testListenerPort();
    }

    /**
     * One props record per app service, in the stack file's order.
     *
     * @param scope    the platform's scope, where the services are created
     * @param platform what the services share
     */
    public List<jp.twozeroseven.infra.platform.service.AppService.Props> services(Scope scope,
            jp.twozeroseven.infra.platform.service.AppService.Platform platform) {
        return ServicePropsFrom.services(settings, scope, platform);
    }

    /** The services deployed blue/green (those behind the load balancer), in the stack file's order. */
    public List<String> blueGreenServices() {
        return ServicePropsFrom.blueGreenServices(settings);
    }

    /** What the services' deploy triggers share (mode, tag prefix, GitHub trust). */
    public jp.twozeroseven.infra.platform.deploy.DeployTrigger.Props deployTrigger() {
        return ServicePropsFrom.deployTrigger(settings);
    }

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

    public PlatformKeysProps keys() {
        return PlatformKeysProps.DEFAULTS;
    }

    public LogBucketsProps logBuckets() {
        return LogBucketsProps.expiringAfter(settings.logRetentionDays());
    }

    public PublicLoadBalancerProps loadBalancer(Scope scope, Output<List<String>> publicSubnets,
                                                Output<String> securityGroupId, SecureBucket logBucket) {
        LoadBalancerSettings lb = settings.loadBalancer();
        return new PublicLoadBalancerProps(scope, publicSubnets, securityGroupId, logBucket, lb.certificateArn(),
                lb.sslPolicy(), lb.testListenerPort(), lb.idleTimeoutSeconds(), lb.deletionProtection());
    }

    public AuroraDatabaseProps database(Scope scope, Output<List<String>> subnetIds, Output<String> securityGroupId,
                                        Output<String> kmsKeyArn) {
        DatabaseSettings db = settings.database();
        return new AuroraDatabaseProps(scope, subnetIds, securityGroupId, kmsKeyArn,
                settings.network().availabilityZones(), db.engineVersion(), db.instanceClass(), db.instances(),
                db.databaseName(), db.masterUsername(), db.backupRetentionDays(), db.backupWindow(),
                db.maintenanceWindow(), db.performanceInsightsRetentionDays(), settings.logRetentionDays());
    }

    public WebAclsProps waf(Scope scope, Output<String> albArn) {
        return new WebAclsProps(scope, albArn, settings.cdn().wafWebAclArn(), settings.logRetentionDays());
    }

    /**
     * @param accessLogs the S3 server access log bucket (logs of the static-files bucket and CloudFront's)
     * @param webAclArn  the CLOUDFRONT-scope web ACL
     */
    public StaticContentCdnProps cdn(Scope scope, SecureBucket accessLogs, Output<String> webAclArn) {
        CdnSettings cdn = settings.cdn();
        Resource acls = accessLogs.ownershipControls();
        return new StaticContentCdnProps(scope, accessLogs.name(), accessLogs.domainName(), acls, webAclArn,
                cdn.aliases(), cdn.certificateArn(), cdn.albPathPatterns(), cdn.albOriginDomain(), cdn.priceClass(),
                CdnOriginSecret.values(settings));
    }

    /** Who, besides a repository's release role, every ECR repository's guard names (dataPipeline.access.*). */
    public RepositoryGuard.Roles repositoryGuard() {
        return new RepositoryGuard.Roles(settings.accountId(), settings.dataPipeline().access().deployRoleArn(),
                settings.dataPipeline().access().breakGlassRoleArn());
    }
}
