package jp.twozeroseven.infra.platform.secrets;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets Manager containers that tasks read through ECS {@code secrets}. Pulumi creates them empty and never
 * holds their values, so no secret reaches Pulumi state; operators fill them once (README, "Secrets to fill").
 * The secrets every service reads live here; a service's own (its Sentry DSN) live in its AppService
 * ({@link #secret}).
 */
public final class AppSecrets extends ComponentResource {

    public static final String TYPE = "platform207:secrets:AppSecrets";

    /** The shared secrets' paths below the stack prefix: their names, and the keys of {@link #arnsToFill()}. */
    private static final String NEW_RELIC_LICENSE_KEY = "newrelic/license-key";
    private static final String DATABASE_APP = "database/app";

    /** Path → secret, in the order they are created. */
    private final Map<String, Secret> shared = new LinkedHashMap<>();

    /**
     * @param name    the component's name ({@code secrets} under the platform; part of every secret's URN)
     * @param props   what to build
     * @param options the component's own options: its parent (the platform)
     */
    public AppSecrets(String name, AppSecretsProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        createShared(scope, props, NEW_RELIC_LICENSE_KEY, "New Relic ingest license key (plain string)");
        createShared(scope, props, DATABASE_APP, "Aurora credentials of the app user: JSON with username, password, "
                + "host, port, dbname");
        this.registerOutputs(Map.of());
    }

    private void createShared(Scope scope, AppSecretsProps props, String path, String description) {
        shared.put(path, secret(scope, props.namePrefix(), path, description, props.kmsKeyArn(), props.production(),
                scope.options()));
    }

    /**
     * An empty secret named {@code <namePrefix>/<path>}, KMS-encrypted, under {@code scope}'s parent.
     *
     * @param namePrefix the stack's name prefix ({@code platform-207-prod})
     * @param path such as {@code api/sentry-dsn}: the secret's name below the stack prefix, and its resource name
     *             with {@code /} as {@code -}
     */
    public static Secret secret(Scope scope, String namePrefix, String path, String description,
                                Output<String> kmsKeyArn, boolean production, CustomResourceOptions options) {
        String name = namePrefix + "/" + path;
        return new Secret(scope.name(path.replace('/', '-')), SecretArgs.builder()
                .name(name)
                .description(description)
                .kmsKeyId(kmsKeyArn)
                .recoveryWindowInDays(production ? 30 : 7)
                .tags(scope.tags(name))
                .build(), options);
    }

    public Secret newRelicLicenseKey() {
        return shared.get(NEW_RELIC_LICENSE_KEY);
    }

    public Secret databaseApp() {
        return shared.get(DATABASE_APP);
    }

    /** Secret name → ARN of the shared secrets, exported so operators know what to fill. */
    public Map<String, Output<String>> arnsToFill() {
        Map<String, Output<String>> out = new LinkedHashMap<>();
        shared.forEach((path, secret) -> out.put(path, secret.arn()));
        return out;
    }
}
