package jp.twozeroseven.infra.platform.security;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import jp.twozeroseven.infra.support.Scope;

/**
 * Customer-managed KMS keys, rotated yearly: one for the database, one for everything else on the platform. Not a
 * component: the keys are direct children of the caller ({@code scope} is the caller's child scope).
 */
public record PlatformKeys(Key database, Key platform) {

    /** The default props ({@link PlatformKeysProps#DEFAULTS}). */
    public static PlatformKeys create(Scope scope) {
        return create(scope, PlatformKeysProps.DEFAULTS);
    }

    public static PlatformKeys create(Scope scope, PlatformKeysProps props) {
        return new PlatformKeys(key(scope, props, "database", "Aurora storage, snapshots and Performance Insights"),
                key(scope, props, "platform", "Secrets, registries and platform buckets"));
    }

    private static Key key(Scope scope, PlatformKeysProps props, String purpose, String description) {
        String name = scope.name(purpose);
        Key key = new Key(name, KeyArgs.builder()
                .description(description + " (" + scope.namePrefix() + ")")
                .enableKeyRotation(true)
                .deletionWindowInDays(props.deletionWindowDays())
                .tags(scope.tags(name))
                .build(), scope.statefulOptions());
        new Alias(name, AliasArgs.builder().name("alias/" + name).targetKeyId(key.keyId()).build(), scope.options());
        return key;
    }
}
