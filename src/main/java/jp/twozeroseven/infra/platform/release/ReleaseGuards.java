package jp.twozeroseven.infra.platform.release;

import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryPolicy;
import com.pulumi.aws.ecr.RepositoryPolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.deployment.Deployment;
import jp.twozeroseven.infra.support.FormerParent;
import jp.twozeroseven.infra.support.Scope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who can put code into a stack: every ECR repository gets a {@link RepositoryGuard} that lets only its release
 * role push. A service's release role is its CI deploy role in codedeploy mode (created by DeployTrigger) and, in
 * pipeline mode, a role created here that GitHub Actions of the service's repository assume in the stack's GitHub
 * environment and that may push to that repository only; the push of a release tag then starts the pipeline. The
 * ETL image is pushed by its workflow with Pulumi's deploy role, so that role is the ETL repository's release role.
 */
public final class ReleaseGuards extends ComponentResource {

    public static final String TYPE = "platform207:release:ReleaseGuards";
    static final String GUARD_TYPE = "aws:ecr/repositoryPolicy:RepositoryPolicy";
    /** Where the services' guards lived before this component (codedeploy mode only). */
    static final FormerParent DEPLOY_TRIGGER = new FormerParent(
            "platform207:app:AppPlatform$platform207:deploy:DeployTrigger", "deploy-trigger");

    /**
     * @param environment         the GitHub environment the release jobs run in (the stack's name)
     * @param githubProviderArn   the account's GitHub OIDC provider (DeployTrigger creates or names it)
     * @param githubRepositories  service → org/repository whose CI releases it
     * @param serviceRepositories service → its ECR repository
     * @param ciRoleArns          service → its CI deploy role, which is its release role (codedeploy mode); a
     *                            service without one gets a release role of its own here
     * @param etlRepository       the ETL image's repository, pushed with {@code deployRoleArn}
     */
    public record Props(String accountId, String environment, Output<String> githubProviderArn,
                        Map<String, String> githubRepositories, Map<String, Repository> serviceRepositories,
                        Map<String, Output<String>> ciRoleArns, Repository etlRepository, String deployRoleArn,
                        String breakGlassRoleArn) {
    }

    private final Map<String, Role> releaseRoles = new LinkedHashMap<>();

    public ReleaseGuards(String name, Scope parentScope, Props props) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(parentScope.parent()).build());
        Scope scope = parentScope.child(this);
        props.serviceRepositories().forEach((service, repository) -> {
            Scope serviceScope = scope.forService(service);
            Output<String> releaseRole = props.ciRoleArns().containsKey(service) ? props.ciRoleArns().get(service)
                    : releaseRole(serviceScope, service, repository, props).arn();
            guard(serviceScope, service + "-push-guard", repository, releaseRole, props, true);
        });
        guard(scope, "etl-push-guard", props.etlRepository(), Output.of(props.deployRoleArn()), props, false);
        this.registerOutputs(Map.of());
    }

    private Role releaseRole(Scope scope, String service, Repository repository, Props props) {
        String id = scope.name(service + "-release-push");
        String github = props.githubRepositories().get(service);
        Role role = new Role(id, RoleArgs.builder()
                .name(id)
                .description("GitHub Actions of " + github + " (environment " + props.environment()
                        + ") push the release images of " + service)
                .assumeRolePolicy(props.githubProviderArn().applyValue(arn ->
                        ReleaseRolePolicies.trust(arn, github, props.environment()).toJson()))
                .maxSessionDuration(3600)
                .tags(scope.tags(id))
                .build(), scope.options());
        new RolePolicy(id, RolePolicyArgs.builder()
                .role(role.id())
                .policy(repository.arn().applyValue(arn -> ReleaseRolePolicies.permissions(arn).toJson()))
                .build(), scope.options());
        releaseRoles.put(service, role);
        return role;
    }

    private static void guard(Scope scope, String suffix, Repository repository, Output<String> releaseRole,
                              Props props, boolean formerlyInDeployTrigger) {
        String name = scope.name(suffix);
        CustomResourceOptions options = formerlyInDeployTrigger
                ? CustomResourceOptions.merge(scope.options(), CustomResourceOptions.builder()
                        .aliases(Alias.withUrn(formerUrn(name))).build())
                : scope.options();
        new RepositoryPolicy(name, RepositoryPolicyArgs.builder()
                .repository(repository.name())
                .policy(releaseRole.applyValue(arn -> RepositoryGuard.document(arn, props.deployRoleArn(),
                        props.breakGlassRoleArn(), props.accountId()).toJson()))
                .build(), options);
    }

    /**
     * The URN the guard had as DeployTrigger's child: a full-URN alias (rather than a parent alias), so that the
     * offline {@code synth --diff} matches it too; the resource keeps its type and name.
     */
    static String formerUrn(String name) {
        var deployment = Deployment.getInstance();
        return formerUrn(deployment.getStackName(), deployment.getProjectName(), name);
    }

    static String formerUrn(String stack, String project, String name) {
        return "urn:pulumi:" + stack + "::" + project + "::" + DEPLOY_TRIGGER.typeChain() + "$" + GUARD_TYPE + "::" + name;
    }

    /** Service → the release role created here (pipeline mode); empty where the CI deploy role releases. */
    public Map<String, Role> releaseRoles() {
        return releaseRoles;
    }
}
