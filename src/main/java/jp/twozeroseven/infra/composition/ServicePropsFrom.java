package jp.twozeroseven.infra.composition;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.platform.containers.HealthCheck;
import jp.twozeroseven.infra.platform.containers.HttpProbe;
import jp.twozeroseven.infra.platform.containers.NewRelicAccountRegion;
import jp.twozeroseven.infra.platform.deploy.DeployTrigger;
import jp.twozeroseven.infra.platform.service.AppService;
import jp.twozeroseven.infra.settings.CdnOriginSecret;
import jp.twozeroseven.infra.settings.ServiceKind;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one place where stack settings become the props of the per-service components: the components take
 * these records and never read settings. A service kind is only a preset of props here (its writable paths
 * and the runtime of its health probe); the components know no kinds.
 */
public final class ServicePropsFrom {

    private ServicePropsFrom() {
    }

    /**
     * The props of every service, in stack order.
     *
     * @param scope    the platform's scope, where the services are created
     * @param platform what the services share
     */
    public static List<AppService.Props> services(StackSettings stack, Scope scope, AppService.Platform platform) {
        return stack.services().stream().map(service -> of(stack, service, scope, platform)).toList();
    }

    /** The services deployed blue/green, those behind the load balancer (a worker rolls), in stack order. */
    public static List<String> blueGreenServices(StackSettings stack) {
        return stack.services().stream().filter(service -> service.loadBalanced().isPresent())
                .map(ServiceSettings::name).toList();
    }

    public static AppService.Props of(StackSettings stack, ServiceSettings service, Scope scope,
                                      AppService.Platform platform) {
        var deploy = stack.deploy();
        // A worker listens on no port and answers no probe: no port mapping, no container health check. ECS then
        // reports the container's health as UNKNOWN ("there's no container health check defined", ECS API
        // reference, HealthCheck), and a task whose essential app container exits stops and is replaced.
        OptionalInt port = service.loadBalanced().map(lb -> OptionalInt.of(lb.containerPort()))
                .orElse(OptionalInt.empty());
        Optional<HealthCheck> health = service.loadBalanced().map(lb ->
                HealthCheck.httpGet(probe(service.kind()), lb.containerPort(), lb.healthCheckPath()));
        AppService.Task task = new AppService.Task(service.cpu(), service.memory(), service.architecture(),
                port, service.environment(), service.readOnlyRootFilesystem(), writablePaths(service.kind()),
                health, service.command());
        AppService.Release release = new AppService.Release(deploy.releaseTagPrefix(),
                stack.registry().keepReleaseImages(), deploy.mode(), deploy.deploymentConfig(),
                deploy.terminationWaitMinutes(),
                deploy.githubRepositories().get(service.name()), stack.dataPipeline().access().deployRoleArn(),
                stack.dataPipeline().access().breakGlassRoleArn());
        // The service whose host is CloudFront's ALB origin answers CloudFront only (docs/cdn.md).
        Optional<AppService.LoadBalanced> loadBalanced = service.loadBalanced().map(lb ->
                new AppService.LoadBalanced(lb.routing(), lb.healthCheckPath(), CdnOriginSecret.valuesFor(stack,
                        service)));
        return new AppService.Props(service.name(), task, loadBalanced, service.scaling(), release,
                stackProps(stack), scope, platform);
    }

    /**
     * The shared deploy trigger's props: the mode, the OIDC provider choice and every service's folder.
     *
     * @param scope           the platform's scope, where the trigger is created
     * @param kmsKeyArn       the platform key (the artifact bucket)
     * @param accessLogBucket the S3 server access log bucket
     */
    public static DeployTrigger.Props deployTrigger(StackSettings stack, Scope scope, Output<String> kmsKeyArn,
                                                    Output<String> accessLogBucket) {
        return new DeployTrigger.Props(scope, stack.deploy().mode(), stack.deploy().createGithubOidcProvider(),
                stack.accountId(), stack.services().stream().map(ServiceSettings::name).toList(), kmsKeyArn,
                accessLogBucket);
    }

    static AppService.Stack stackProps(StackSettings stack) {
        return new AppService.Stack(stack.project(), stack.stack(), stack.region(), stack.accountId(),
                stack.namePrefix(), NewRelicAccountRegion.valueOf(stack.observability().region().name()),
                stack.logRetentionDays(), stack.tier().isProduction());
    }

    /** Rails writes pids, cache and bootsnap files under tmp; Next.js writes its image cache under .next/cache. */
    static List<String> writablePaths(ServiceKind kind) {
        return switch (kind) {
            case RAILS_API, RAILS_WORKER -> List.of("/tmp", "/rails/tmp");
            case NEXTJS_WEB -> List.of("/tmp", "/app/.next/cache");
        };
    }

    /** The runtime every image of the kind has: ruby for Rails, node for Next.js (HealthCheck#httpGet). */
    static HttpProbe probe(ServiceKind kind) {
        return switch (kind) {
            case RAILS_API, RAILS_WORKER -> HttpProbe.RUBY;
            case NEXTJS_WEB -> HttpProbe.NODE;
        };
    }
}
