package jp.twozeroseven.infra.platform.secrets;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.support.Scope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets Manager containers that tasks read through ECS {@code secrets}. Pulumi creates them empty and never
 * holds their values, so no secret reaches Pulumi state; operators fill them once (README, "Secrets to fill").
 */
public final class AppSecrets extends ComponentResource {

    public static final String TYPE = "platform207:secrets:AppSecrets";

    private final Secret newRelicLicenseKey;
    private final Secret databaseApp;
    private final Map<String, Secret> sentryDsn = new LinkedHashMap<>();
    private final Scope scope;

    public AppSecrets(String name, Scope parentScope, Output<String> kmsKeyArn) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(parentScope.parent()).build());
        scope = parentScope.child(this);
        newRelicLicenseKey = secret("newrelic/license-key", "New Relic ingest license key (plain string)", kmsKeyArn);
        databaseApp = secret("database/app", "Aurora credentials of the app user: JSON with username, password, "
                + "host, port, dbname", kmsKeyArn);
        for (ServiceSettings service : scope.settings().services()) {
            sentryDsn.put(service.name(), secret(service.name() + "/sentry-dsn", "Sentry DSN of " + service.name(),
                    kmsKeyArn));
        }
        this.registerOutputs(Map.of());
    }

    private Secret secret(String path, String description, Output<String> kmsKeyArn) {
        String name = scope.settings().namePrefix() + "/" + path;
        return new Secret(scope.name(path.replace('/', '-')), SecretArgs.builder()
                .name(name)
                .description(description)
                .kmsKeyId(kmsKeyArn)
                .recoveryWindowInDays(scope.settings().tier().isProduction() ? 30 : 7)
                .tags(scope.tags(name))
                .build(), scope.options());
    }

    public Secret newRelicLicenseKey() {
        return newRelicLicenseKey;
    }

    public Secret databaseApp() {
        return databaseApp;
    }

    public Secret sentryDsn(String service) {
        return sentryDsn.get(service);
    }

    /** Secret name → ARN, exported so operators know what to fill. */
    public Map<String, Output<String>> arnsToFill() {
        Map<String, Output<String>> out = new LinkedHashMap<>();
        out.put("newrelic/license-key", newRelicLicenseKey.arn());
        out.put("database/app", databaseApp.arn());
        sentryDsn.forEach((service, secret) -> out.put(service + "/sentry-dsn", secret.arn()));
        return out;
    }
}
