package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * One minor version; dates are ISO (yyyy-mm-dd) or empty where the calendar was not read, and then
     * {@code note} says why.
     */
    public record Version(String version, Optional<String> auroraRelease, Optional<String> endOfStandardSupport,
                          Optional<String> note) {
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

    /**
     * The problem with pinning {@code version} on {@code today} (UTC), if its end of standard support has come:
     * Aurora then upgrades clusters on that minor and no longer offers it for a new cluster (Aurora User Guide,
     * "Amazon Aurora version support"), so a rebuilt or first cluster would fail at apply. Unknown dates say nothing.
     */
    public static Optional<String> endOfSupportProblem(String version, LocalDate today) {
        return endOfSupportProblem(LISTED, version, today);
    }

    static Optional<String> endOfSupportProblem(List<Version> listed, String version, LocalDate today) {
        Optional<Version> pinned = listed.stream().filter(v -> v.version().equals(version)).findFirst();
        Optional<LocalDate> ended = pinned.flatMap(Version::endOfStandardSupport).map(LocalDate::parse)
                .filter(end -> !today.isBefore(end));
        if (ended.isEmpty()) {
            return Optional.empty();
        }
        List<String> supported = listed.stream()
                .filter(v -> v.endOfStandardSupport().map(LocalDate::parse).map(today::isBefore).orElse(true))
                .sorted(Comparator.comparing(Version::version, AuroraEngineVersions::compareVersions).reversed())
                .map(Version::version).toList();
        return Optional.of("Aurora's standard support for " + version + " ended on " + ended.get() + " (" + FILE
                + ", from the Aurora PostgreSQL release calendar): Aurora upgrades clusters on it and no longer offers "
                + "it for a new cluster, so a rebuilt or first cluster would fail at apply; pin "
                + (supported.isEmpty() ? "a newer minor (add it to " + FILE + " with its dates first)"
                : "a listed version still supported " + supported)
                + ". The running cluster ignores engineVersion (ignoreChanges), so the change does not touch it");
    }

    /** 16.10 after 16.9: numerically, part by part. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<Version> load() {
        try (InputStream in = AuroraEngineVersions.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the build");
            }
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Version> versions = new ArrayList<>();
            for (JsonNode v : doc.path("versions")) {
                Optional<String> note = v.path("note").isTextual() && !v.path("note").asText().isBlank()
                        ? Optional.of(v.path("note").asText()) : Optional.empty();
                Version version = new Version(v.path("version").asText(), date(v, "auroraRelease"),
                        date(v, "endOfStandardSupport"), note);
                if (!version.version().matches("\\d+\\.\\d+")) {
                    throw new IllegalStateException(FILE + ": version must be major.minor such as 16.10, not "
                            + version.version());
                }
                if (version.endOfStandardSupport().isEmpty() && note.isEmpty()) {
                    throw new IllegalStateException(FILE + ": " + version.version() + " has no endOfStandardSupport; "
                            + "give the date from the release calendar, or a note that says why it is unknown");
                }
                versions.add(version);
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
