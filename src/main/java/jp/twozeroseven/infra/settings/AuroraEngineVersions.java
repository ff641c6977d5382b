package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Aurora PostgreSQL minor versions a stack may start a cluster on, read from
 * {@code aurora-postgresql-versions.yaml} beside this class (each entry cited to the Aurora PostgreSQL release
 * calendar; see the file's header for what is and is not confirmed). One list: the settings check against it and
 * docs/database.md points at it.
 */
public final class AuroraEngineVersions {

    static final String FILE = "aurora-postgresql-versions.yaml";

    /** One minor version; dates are ISO (yyyy-mm-dd) or empty where the calendar was not read. */
    public record Version(String version, Optional<String> auroraRelease, Optional<String> endOfStandardSupport) {
    }

    private static final List<Version> LISTED = load();

    private AuroraEngineVersions() {
    }

    public static List<Version> listed() {
        return LISTED;
    }

    public static List<String> names() {
        return LISTED.stream().map(Version::version).toList();
    }

    public static Optional<Version> find(String version) {
        return LISTED.stream().filter(v -> v.version().equals(version)).findFirst();
    }

    private static List<Version> load() {
        try (InputStream in = AuroraEngineVersions.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the build");
            }
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Version> versions = new ArrayList<>();
            for (JsonNode v : doc.path("versions")) {
                versions.add(new Version(v.path("version").asText(), date(v, "auroraRelease"),
                        date(v, "endOfStandardSupport")));
            }
            return List.copyOf(versions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    private static Optional<String> date(JsonNode v, String field) {
        JsonNode d = v.path(field);
        if (d.isNull() || d.isMissingNode()) {
            return Optional.empty();
        }
        if (!d.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalStateException(FILE + ": " + v.path("version").asText() + "." + field
                    + " must be an ISO date (yyyy-mm-dd) or null, not " + d.asText());
        }
        return Optional.of(d.asText());
    }
}
