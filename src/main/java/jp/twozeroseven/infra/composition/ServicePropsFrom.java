package jp.twozeroseven.infra.composition;

import jp.twozeroseven.infra.platform.containers.HealthCheck;
import jp.twozeroseven.infra.platform.containers.HttpProbe;
import jp.twozeroseven.infra.platform.containers.NewRelicAccountRegion;
import jp.twozeroseven.infra.platform.deploy.DeployTrigger;
import jp.twozeroseven.infra.platform.service.AppService;
import jp.twozeroseven.infra.settings.CdnOriginSecret;
import jp.twozeroseven.infra.settings.ServiceKind;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.StackSettings;

import java.util.List;

/**
 * The one place where stack settings become the props of the per-service components: the components take
 * these records and never read settings. A service kind is only a preset of props here (its writable paths
 * and the runtime of its health probe); the components know no kinds.
 */
public final class ServicePropsFrom {

    private ServicePropsFrom() {
    }

    /** The props of every service, in stack order. */
    public static List<AppService.Props> services(StackSettings stack) {
        return stack.services().stream().map(service -> of(stack, service)).toList();
    }

    public static AppService.Props of(StackSettings stack, ServiceSettings service) {
        var deploy = stack.deploy();
        AppService.Task task = new AppService.Task(service.cpu(), service.memory(), service.architecture(),
                service.containerPort(), service.environment(), service.readOnlyRootFilesystem(),
                writablePaths(service.kind()),
                HealthCheck.httpGet(probe(service.kind()), service.containerPort(), service.healthCheckPath()));
        AppService.Release release = new AppService.Release(deploy.releaseTagPrefix(),
                stack.registry().keepReleaseImages(), deploy.mode(), deploy.deploymentConfig(),
                deploy.terminationWaitMinutes(),
                deploy.githubRepositories().get(service.name()), stack.dataPipeline().access().deployRoleArn(),
                stack.dataPipeline().access().breakGlassRoleArn());
        // The service whose host is CloudFront's ALB origin answers CloudFront only (docs/cdn.md).
        AppService.LoadBalanced loadBalanced = new AppService.LoadBalanced(service.routing(),
                service.healthCheckPath(), CdnOriginSecret.valuesFor(stack, service));
        return new AppService.Props(service.name(), task, loadBalanced, service.scaling(), release,
                stackProps(stack));
    }

    /** The shared deploy trigger's props: the mode, the OIDC provider choice and every service's folder. */
    public static DeployTrigger.Props deployTrigger(StackSettings stack) {
        return new DeployTrigger.Props(stack.deploy().mode(), stack.deploy().createGithubOidcProvider(),
                stack.accountId(), stack.services().stream().map(ServiceSettings::name).toList());
    }

    static AppService.Stack stackProps(StackSettings stack) {
        return new AppService.Stack(stack.project(), stack.stack(), stack.region(), stack.accountId(),
                stack.namePrefix(), NewRelicAccountRegion.valueOf(stack.observability().region().name()),
                stack.logRetentionDays(), stack.tier().isProduction());
    }

    /** Rails writes pids, cache and bootsnap files under tmp; Next.js writes its image cache under .next/cache. */
    static List<String> writablePaths(ServiceKind kind) {
        return switch (kind) {
            case RAILS_API -> List.of("/tmp", "/rails/tmp");
            case NEXTJS_WEB -> List.of("/tmp", "/app/.next/cache");
        };
    }

    /** The runtime every image of the kind has: ruby for Rails, node for Next.js (HealthCheck#httpGet). */
    static HttpProbe probe(ServiceKind kind) {
        return switch (kind) {
            case RAILS_API -> HttpProbe.RUBY;
            case NEXTJS_WEB -> HttpProbe.NODE;
        };
    }
}
