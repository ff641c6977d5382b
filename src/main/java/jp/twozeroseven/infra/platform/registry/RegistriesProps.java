package jp.twozeroseven.infra.platform.registry;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.platform.release.RepositoryGuard;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

/**
 * What {@link Registries} builds the sidecar mirrors from.
 *
 * @param scope     provider, naming and tags of the mirrors
 * @param sidecars  the sidecar images whose mirrors the stack keeps; the stack passes the pinned versions
 *                  ({@link SidecarImages#pinned()}, images/sidecars/versions.properties)
 * @param kmsKeyArn the platform key the mirrors are encrypted with
 * @param guard     who may push to the mirrors (the deploy role, which fills them) and rewrite their settings
 *                  (platform/release/RepositoryGuard; stack config {@code dataPipeline.access.deployRoleArn} and
 *                  {@code dataPipeline.access.breakGlassRoleArn})
 */
public record RegistriesProps(Scope scope, SidecarImages sidecars, Output<String> kmsKeyArn,
                              RepositoryGuard.Roles guard) {

    public RegistriesProps {
        Required.components(RegistriesProps.class, scope, sidecars, kmsKeyArn, guard);
    }
}
