package jp.twozeroseven.infra.platform.registry;

import jp.twozeroseven.infra.settings.CpuArchitecture;

import java.util.List;
import java.util.Optional;

/**
 * One sidecar image as {@code images/sidecars/versions.properties} pins it, and where each stack's tasks pull it
 * from: the stack's own ECR repository {@code <namePrefix>-sidecar-<name>}, never the publisher's registry.
 *
 * @param name      the container name in the task (log-router, newrelic-infra) and the repository suffix
 * @param source    the publisher's repository, registry host first, e.g. {@code docker.io/newrelic/nri-ecs}
 * @param version   the publisher's tag and the (immutable) tag in the mirror
 * @param digest    {@code sha256:<64 hex>} of the publisher's index, empty while not pinned
 * @param platforms the platforms the index holds, e.g. {@code linux/arm64}
 */
public record SidecarImage(String name, String source, String version, Optional<String> digest,
                           List<String> platforms) {

    public static final String UNPINNED = "UNPINNED";
    static final String DIGEST = "sha256:[0-9a-f]{64}";
    private static final String REPOSITORY_SUFFIX = "-sidecar-";

    public SidecarImage {
        platforms = List.copyOf(platforms);
    }

    /** The mirror repository in a stack, e.g. {@code platform-207-prod-sidecar-log-router}. */
    public String repositoryName(String namePrefix) {
        return namePrefix + REPOSITORY_SUFFIX + name;
    }

    public String repositoryArn(String region, String accountId, String namePrefix) {
        return "arn:aws:ecr:" + region + ":" + accountId + ":repository/" + repositoryName(namePrefix);
    }

    /**
     * The image a task definition names: the mirror by digest once pinned, else by its version tag, which the
     * mirror's immutable tags bind to the one image first copied (ECR User Guide, image tag mutability).
     */
    public String reference(String region, String accountId, String namePrefix) {
        String repository = accountId + ".dkr.ecr." + region + ".amazonaws.com/" + repositoryName(namePrefix);
        return digest.map(d -> repository + "@" + d).orElse(repository + ":" + version);
    }

    /** The OCI platform Fargate pulls for a task's cpuArchitecture. */
    public static String platformOf(CpuArchitecture architecture) {
        return switch (architecture) {
            case X86_64 -> "linux/amd64";
            case ARM64 -> "linux/arm64";
        };
    }
}
