package jp.twozeroseven.infra.platform.secrets;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

/**
 * What {@link AppSecrets} builds the secrets every service reads from.
 *
 * @param scope      provider, naming and tags of the secrets
 * @param namePrefix the stack's name prefix ({@code platform-207-prod}), which the secrets' names start with
 *                   (stack config {@code project} and {@code stack})
 * @param kmsKeyArn  the platform key the secrets are encrypted with
 * @param production whether deleted secrets stay recoverable for 30 days rather than 7 (the stack's tier is
 *                   production)
 */
public record AppSecretsProps(Scope scope, String namePrefix, Output<String> kmsKeyArn, boolean production) {

    public AppSecretsProps {
        Required.components(AppSecretsProps.class, scope, namePrefix, kmsKeyArn, production);
    }
}
