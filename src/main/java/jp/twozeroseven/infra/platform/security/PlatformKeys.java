package jp.twozeroseven.infra.platform.security;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import jp.twozeroseven.infra.support.Scope;

/** Customer-managed KMS keys, rotated yearly: one for the database, one for everything else on the platform. */
public record PlatformKeys(Key database, Key platform) {

    public static PlatformKeys create(Scope scope) {
        return new PlatformKeys(key(scope, "database", "Aurora storage, snapshots and Performance Insights"),
                key(scope, "platform", "Secrets, registries and platform buckets"));
    }

    private static Key key(Scope scope, String purpose, String description) {
        String name = scope.name(purpose);
        Key key = new Key(name, KeyArgs.builder()
                .description(description + " (" + scope.settings().namePrefix() + ")")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .tags(scope.tags(name))
                .build(), scope.statefulOptions());
        new Alias(name, AliasArgs.builder().name("alias/" + name).targetKeyId(key.keyId()).build(), scope.options());
        return key;
    }
}
