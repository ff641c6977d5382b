package jp.twozeroseven.infra.settings;

/** @param keepReleaseImages how many release images each ECR repository keeps; default 30 */
public record RegistrySettings(int keepReleaseImages) {
}
