package jp.twozeroseven.infra.platform.containers;

/**
 * The app image: either a pinned {@code repository:tag} or the CodeDeploy placeholder {@code <IMAGE1_NAME>}
 * that the ECS blue/green deploy action replaces with the pushed image.
 */
public record ImageRef(String repositoryUrl, String tag, boolean placeholder) {

    public static final String CODEDEPLOY_PLACEHOLDER = "<IMAGE1_NAME>";

    public ImageRef {
        if (!placeholder) {
            if (repositoryUrl == null || repositoryUrl.isBlank() || repositoryUrl.contains(":")) {
                throw new IllegalArgumentException("image repository URL '" + repositoryUrl
                        + "' must be a repository without tag, e.g. 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/api");
            }
            if (tag == null || tag.isBlank() || tag.equals("latest")) {
                throw new IllegalArgumentException("image tag '" + tag + "' for " + repositoryUrl
                        + " must be an explicit, immutable tag (not empty, not 'latest')");
            }
        }
    }

    public static ImageRef tagged(String repositoryUrl, String tag) {
        return new ImageRef(repositoryUrl, tag, false);
    }

    public static ImageRef codeDeployPlaceholder() {
        return new ImageRef(null, null, true);
    }

    public String reference() {
        return placeholder ? CODEDEPLOY_PLACEHOLDER : repositoryUrl + ":" + tag;
    }
}
