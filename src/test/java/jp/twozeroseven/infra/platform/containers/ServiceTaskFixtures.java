package jp.twozeroseven.infra.platform.containers;

import java.util.List;
import java.util.Map;

/** A realistic Rails API task, shared by the container and deploy-document tests. */
public final class ServiceTaskFixtures {

    public static final String ACCOUNT = "123456789012";
    public static final String LICENSE_ARN = "arn:aws:secretsmanager:ap-northeast-1:" + ACCOUNT + ":secret:prod/newrelic-AbCdEf";
    public static final String DB_ARN = "arn:aws:secretsmanager:ap-northeast-1:" + ACCOUNT + ":secret:prod/api/db-XyZ123";
    public static final String SENTRY_ARN = "arn:aws:secretsmanager:ap-northeast-1:" + ACCOUNT + ":secret:prod/api/sentry-QwE456";
    /** The sidecars as the stack's mirrors name them: one by its version tag, one by digest (SidecarImage). */
    public static final String LOG_ROUTER_IMAGE = ACCOUNT
            + ".dkr.ecr.ap-northeast-1.amazonaws.com/platform-207-prod-sidecar-log-router:3.7.0";
    public static final String INFRA_AGENT_IMAGE = ACCOUNT
            + ".dkr.ecr.ap-northeast-1.amazonaws.com/platform-207-prod-sidecar-newrelic-infra@sha256:" + "0a".repeat(32);

    private ServiceTaskFixtures() {
    }

    public static AppContainer railsApi(ImageRef image, boolean readonlyRoot, Map<String, String> environment) {
        return new AppContainer(image, 3000, HealthCheck.httpGet(HttpProbe.RUBY, 3000, "/up"), environment,
                List.of(SecretRef.jsonKey("DATABASE_PASSWORD", DB_ARN, "password"),
                        SecretRef.jsonKey("DATABASE_USERNAME", DB_ARN, "username"),
                        SecretRef.whole("SENTRY_DSN", SENTRY_ARN)),
                readonlyRoot, List.of("/rails/tmp"), "1000:1000");
    }

    public static ServiceTask task(AppContainer app) {
        return new ServiceTask("api", "prod", "ap-northeast-1", "prod-cluster", app,
                TaskSize.withDefaultSidecars(1024, 2048),
                newRelic(SecretRef.jsonKey("LICENSE", LICENSE_ARN, "license_key"), NewRelicAccountRegion.US),
                new LogGroups("/ecs/prod/api/log-router", "/ecs/prod/api/newrelic-infra"),
                Map.of("Stack", "prod", "Service", "api", "ManagedBy", "pulumi"));
    }

    public static NewRelicSidecars newRelic(SecretRef licenseKey, NewRelicAccountRegion region) {
        return new NewRelicSidecars(licenseKey, region, LOG_ROUTER_IMAGE, INFRA_AGENT_IMAGE);
    }

    public static ServiceTask railsTask() {
        return task(railsApi(ImageRef.tagged(ACCOUNT + ".dkr.ecr.ap-northeast-1.amazonaws.com/api", "2024-05-01-abc1234"),
                true, Map.of("RAILS_ENV", "production", "RAILS_LOG_TO_STDOUT", "1", "DATABASE_HOST", "db.internal")));
    }
}
