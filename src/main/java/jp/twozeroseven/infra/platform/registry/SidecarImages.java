package jp.twozeroseven.infra.platform.registry;

import jp.twozeroseven.infra.platform.containers.ContainerDefinitions;
import jp.twozeroseven.infra.platform.containers.NewRelicAccountRegion;
import jp.twozeroseven.infra.platform.containers.NewRelicSidecars;
import jp.twozeroseven.infra.platform.containers.SecretRef;
import jp.twozeroseven.infra.settings.CpuArchitecture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The sidecar images of every app task, read from {@code images/sidecars/versions.properties} (packaged into the
 * jar as {@value #RESOURCE}). Docker Hub allows 10 unauthenticated pulls per hour per IPv4 address
 * (docs.docker.com/docker-hub/usage/), and every Fargate task start pulls each sidecar through one to three NAT
 * addresses, so the tasks pull them from the stack's own ECR mirror ({@link SidecarMirrors}) instead.
 */
public record SidecarImages(List<SidecarImage> images) {

    static final String RESOURCE = "/sidecar-images/versions.properties";
    static final String FILE = "images/sidecars/versions.properties";
    /** The containers that run a sidecar image, in the order of the file. */
    static final List<String> NAMES = List.of(ContainerDefinitions.LOG_ROUTER, ContainerDefinitions.INFRA_AGENT);
    private static final String SOURCE = "[a-z0-9.-]+\\.[a-z]{2,}(:[0-9]+)?(/[a-z0-9._-]+)+";
    private static final String VERSION = "[0-9][0-9A-Za-z._-]{0,127}";

    private static final SidecarImages PINNED = load();

    public SidecarImages {
        images = List.copyOf(images);
    }

    public static SidecarImages pinned() {
        return PINNED;
    }

    public SidecarImage image(String name) {
        return images.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(FILE + " has no sidecar '" + name + "'"));
    }

    /** The New Relic sidecars of a stack's tasks, named by their mirror in the stack's own registry. */
    public NewRelicSidecars newRelicSidecars(String region, String accountId, String namePrefix,
                                             SecretRef licenseKey, NewRelicAccountRegion accountRegion) {
        return new NewRelicSidecars(licenseKey, accountRegion,
                image(ContainerDefinitions.LOG_ROUTER).reference(region, accountId, namePrefix),
                image(ContainerDefinitions.INFRA_AGENT).reference(region, accountId, namePrefix));
    }

    /** The mirror repositories' ARNs in a stack, for the execution roles that pull from them. */
    public List<String> repositoryArns(String region, String accountId, String namePrefix) {
        return images.stream().map(i -> i.repositoryArn(region, accountId, namePrefix)).toList();
    }

    /**
     * Prints what mirror.sh copies for one stack, one line per image: name, source, version, digest (or
     * UNPINNED), platforms (comma-separated) and the mirror repository. Usage:
     * {@code SidecarImages <namePrefix> [versions.properties]} (default: the file packaged in the jar).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || !args[0].matches("[a-z0-9-]+")) {
            System.err.println("usage: SidecarImages <name prefix, e.g. platform-207-prod> [versions.properties]");
            System.exit(2);
        }
        SidecarImages images = pinned();
        if (args.length == 2) {
            Properties p = new Properties();
            try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(args[1]))) {
                p.load(in);
            }
            try {
                images = parse(p);
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
        }
        for (SidecarImage image : images.images()) {
            System.out.println(String.join(" ", image.name(), image.source(), image.version(),
                    image.digest().orElse(SidecarImage.UNPINNED), String.join(",", image.platforms()),
                    image.repositoryName(args[0])));
        }
    }

    static SidecarImages parse(Properties p) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            String name = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : key;
            if (!NAMES.contains(name)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(FILE + ": unknown key(s) " + unknown + "; the sidecars are " + NAMES
                    + ", each with .source, .version, .digest and .platforms");
        }
        List<SidecarImage> images = new ArrayList<>();
        for (String name : NAMES) {
            images.add(new SidecarImage(name, required(p, name + ".source", SOURCE,
                    "the publisher's repository with its registry host, e.g. docker.io/newrelic/nri-ecs"),
                    required(p, name + ".version", VERSION, "the publisher's version tag, e.g. 1.15.6 (never latest)"),
                    digest(p, name + ".digest"), platforms(p, name + ".platforms")));
        }
        images.forEach(i -> {
            if (i.version().equals("latest")) {
                throw new IllegalStateException(FILE + ": '" + i.name() + ".version' = 'latest' floats; pin a release");
            }
        });
        return new SidecarImages(images);
    }

    private static String required(Properties p, String key, String pattern, String expected) {
        String value = p.getProperty(key, "").trim();
        if (!value.matches(pattern)) {
            throw new IllegalStateException(FILE + ": '" + key + "' = '" + value + "' is not valid; set it to "
                    + expected);
        }
        return value;
    }

    private static Optional<String> digest(Properties p, String key) {
        String value = p.getProperty(key, "").trim();
        if (value.equals(SidecarImage.UNPINNED)) {
            return Optional.empty();
        }
        if (!value.matches(SidecarImage.DIGEST)) {
            throw new IllegalStateException(FILE + ": '" + key + "' = '" + value + "' is not a digest; set it to "
                    + "sha256:<64 lower-case hex> of the publisher's index (mirror.sh prints it) or to "
                    + SidecarImage.UNPINNED);
        }
        return Optional.of(value);
    }

    /** Every architecture a service may choose must be in every sidecar's index, or its tasks cannot start. */
    private static List<String> platforms(Properties p, String key) {
        List<String> platforms = Arrays.stream(p.getProperty(key, "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        for (CpuArchitecture architecture : CpuArchitecture.values()) {
            String platform = SidecarImage.platformOf(architecture);
            if (!platforms.contains(platform)) {
                throw new IllegalStateException(FILE + ": '" + key + "' = '" + p.getProperty(key, "") + "' lacks "
                        + platform + ", which a service with architecture " + architecture.name().toLowerCase()
                        + " pulls; list every platform of the publisher's index, e.g. linux/amd64,linux/arm64");
            }
        }
        return platforms;
    }

    private static SidecarImages load() {
        return parse(jp.twozeroseven.infra.support.PackagedProperties.load(RESOURCE));
    }
}
