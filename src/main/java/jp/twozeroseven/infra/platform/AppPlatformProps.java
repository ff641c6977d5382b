package jp.twozeroseven.infra.platform;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.platform.cdn.StaticContentCdnProps;
import jp.twozeroseven.infra.platform.database.AuroraDatabaseProps;
import jp.twozeroseven.infra.platform.deploy.BlueGreenDeploymentsProps;
import jp.twozeroseven.infra.platform.deploy.DeployTrigger;
import jp.twozeroseven.infra.platform.loadbalancer.PublicLoadBalancerProps;
import jp.twozeroseven.infra.platform.network.NetworkProps;
import jp.twozeroseven.infra.platform.registry.RegistriesProps;
import jp.twozeroseven.infra.platform.secrets.AppSecretsProps;
import jp.twozeroseven.infra.platform.security.PlatformKeysProps;
import jp.twozeroseven.infra.platform.security.SecurityGroupsProps;
import jp.twozeroseven.infra.platform.service.AppService;
import jp.twozeroseven.infra.platform.storage.LogBucketsProps;
import jp.twozeroseven.infra.platform.storage.SecureBucket;
import jp.twozeroseven.infra.platform.waf.WebAclsProps;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;

/**
 * What {@link AppPlatform} builds its children from. A child's props depend on wiring only the platform has while
 * it builds (the VPC, subnets, security groups, keys and buckets its earlier children made), so each child's props
 * come from a method that takes that wiring and the platform's own child scope ({@code scope}) and returns the
 * child's props record, whose javadoc names the values and their stack-config keys. The stack composition
 * ({@code composition.PlatformPropsFrom}) implements it from the stack's settings; the platform never sees them.
 */
public interface AppPlatformProps {

    /** Provider, naming and tags of the platform's children; its parent is where the platform itself lives. */
    Scope scope();

    /** The platform's KMS keys. */
    PlatformKeysProps keys();

    NetworkProps network(Scope scope);

    /**
     * @param vpcId   the network's VPC
     * @param vpcCidr the network's IPv4 range
     */
    SecurityGroupsProps securityGroups(Scope scope, Output<String> vpcId, Output<String> vpcCidr);

    /** @param kmsKeyArn the platform key */
    RegistriesProps registries(Scope scope, Output<String> kmsKeyArn);

    LogBucketsProps logBuckets();

    /**
     * @param publicSubnets   the network's public subnets
     * @param securityGroupId the load balancer's security group
     * @param logBucket       the load balancer's access log bucket
     */
    PublicLoadBalancerProps loadBalancer(Scope scope, Output<List<String>> publicSubnets,
                                         Output<String> securityGroupId, SecureBucket logBucket);

    /**
     * @param subnetIds       the network's private subnets
     * @param securityGroupId Aurora's security group
     * @param kmsKeyArn       the database key
     */
    AuroraDatabaseProps database(Scope scope, Output<List<String>> subnetIds, Output<String> securityGroupId,
                                 Output<String> kmsKeyArn);

    /** @param kmsKeyArn the platform key */
    AppSecretsProps secrets(Scope scope, Output<String> kmsKeyArn);

    BlueGreenDeploymentsProps blueGreen(Scope scope);

    /**
     * @param kmsKeyArn       the platform key
     * @param accessLogBucket the S3 server access log bucket
     */
    DeployTrigger.Props deployTrigger(Scope scope, Output<String> kmsKeyArn, Output<String> accessLogBucket);

    /**
     * One props record per app service, in the stack file's order.
     *
     * @param platform what the services share
     */
    List<AppService.Props> services(Scope scope, AppService.Platform platform);

    /** @param albArn the load balancer the REGIONAL web ACL protects */
    WebAclsProps waf(Scope scope, Output<String> albArn);

    /**
     * @param accessLogs the S3 server access log bucket (logs of the static-files bucket and CloudFront's)
     * @param webAclArn  the CLOUDFRONT-scope web ACL
     */
    StaticContentCdnProps cdn(Scope scope, SecureBucket accessLogs, Output<String> webAclArn);
}
