package jp.twozeroseven.infra.observability.deploymarkers;

import jp.twozeroseven.infra.settings.ObservabilityRegion;
import jp.twozeroseven.infra.settings.SecretKey;
import jp.twozeroseven.infra.settings.SecretValue;
import jp.twozeroseven.infra.support.Required;


/**
 * What {@link DeployMarkers} needs besides the services: where the deployments come from and where they go.
 *
 * @param application    the CodeDeploy application of the services' deployment groups
 * @param newRelicApiKey the New Relic user key EventBridge sends as {@code API-Key} ({@link SecretKey#NEW_RELIC_API_KEY})
 * @param region         the New Relic region, which picks the NerdGraph endpoint
 */
public record DeployMarkersProps(String application, SecretValue newRelicApiKey, ObservabilityRegion region) {

    public DeployMarkersProps {
        Required.components(DeployMarkersProps.class, application, newRelicApiKey, region);
    }
}
