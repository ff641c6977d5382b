package jp.twozeroseven.infra.platform.service;

import jp.twozeroseven.infra.support.FormerParent;

/**
 * Where the pieces of a service lived before each service became one component (issue 17): the platform sliced
 * every service by resource type, under components of the app platform named here. These are historical facts
 * of the deployed stacks' state, written out rather than derived from today's constants, so renaming a class
 * cannot move them. Every resource that moved into an {@link AppService} carries an alias to one of them.
 */
final class FormerParents {

    /** The app platform component every service slice lived in ({@code InfraStack}: "platform"). */
    static final FormerParent PLATFORM = new FormerParent("platform207:app:AppPlatform", "platform");
    /** The ECR repository and lifecycle policy of each service. */
    static final FormerParent REGISTRIES = under("platform207:registry:Registries", "registries");
    /** Each service's security group and its rules. */
    static final FormerParent SECURITY_GROUPS = under("platform207:security:SecurityGroups", "security-groups");
    /** Each service's Sentry DSN secret. */
    static final FormerParent SECRETS = under("platform207:secrets:AppSecrets", "secrets");
    /** Each service's CodeDeploy deployment group, its role, policy and rollback alarms. */
    static final FormerParent BLUE_GREEN = under("platform207:deploy:BlueGreenDeployments", "blue-green");
    /** Each service's release pipeline or CI deploy role, its documents, event rule and push guard. */
    static final FormerParent DEPLOY_TRIGGER = under("platform207:deploy:DeployTrigger", "deploy-trigger");

    private FormerParents() {
    }

    private static FormerParent under(String type, String name) {
        return new FormerParent(PLATFORM.typeChain() + "$" + type, name);
    }
}
