package jp.twozeroseven.infra.synth.diff;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.support.PackagedYaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Inputs whose change makes the AWS provider replace the resource (delete and create, or create and delete)
 * instead of updating it in place. com.pulumi:aws 6.83.0 bridges hashicorp/terraform-provider-aws (pulumi-aws
 * v6.83.0, built 2025-06-16, follows pulumi/pulumi-aws#5576, which shipped upstream v5.99.0 on 2025-06-03; the v6
 * line of the provider pins it as the {@code upstream} submodule of provider/go.mod's {@code replace
 * github.com/hashicorp/terraform-provider-aws => ../upstream}). Each type's entry was read attribute by attribute
 * from the resource's schema ({@code ForceNew: true}) in {@code internal/service/<svc>/<resource>.go}; the
 * readings are data, in {@code force-new-properties.yaml} beside this class (read once), each type with the file
 * and commit it was read from and a comment on what was read there.
 *
 * <p>What the citations are: the team's source index holds one stored version of each provider file, not the
 * v5.99 tag (both git mirrors, pulumi-aws and terraform-provider-aws, are over the fetch size limit), so each
 * entry names the file and the commit that was read (copies from the v4 to the v6 line; where two copies were
 * read, the S3 bucket's v4 and v5, their flags agree). An attribute the provider added after the stored copy is
 * not covered and is then reported as an update. Property names are the Pulumi
 * schema's camelCase input names (checked against the Args classes of com.pulumi:aws 6.83.0 by
 * ForceNewPropertiesTest); a nested entry such as {@code s3Import.bucketName} is a path below the input, list
 * indices ignored, and a change anywhere below a listed path replaces.
 */
public final class ForceNewProperties {

    /** One input as the provider schema marks it: {@code path} in Pulumi's names, {@code schema} in the provider's. */
    public record Attribute(String path, String schema) {
    }

    /**
     * The verified reading of one type's schema.
     *
     * @param source    the provider file and the commit of it that was read
     * @param stateful  true when a replacement loses data (rows, objects, keys, logs, catalog metadata)
     * @param forceNew  every {@code ForceNew: true} input
     * @param inPlace   inputs read as updatable in place that one might expect to replace (the tests change them)
     */
    public record Schema(String type, String source, boolean stateful, List<Attribute> forceNew,
                         List<Attribute> inPlace) {
    }

    static final String FILE = "force-new-properties.yaml";

    private static final List<Schema> SCHEMAS = PackagedYaml.entries(ForceNewProperties.class, FILE, "schemas",
            ForceNewProperties::reading, Schema::type);

    private static final Map<String, Schema> BY_TYPE = SCHEMAS.stream()
            .collect(Collectors.toMap(Schema::type, s -> s, (a, b) -> {
                // PackagedYaml refuses a type listed twice, so two schemas never meet here.
                throw new IllegalStateException("two schemas for " + a.type());
            }, LinkedHashMap::new));

    private ForceNewProperties() {
    }

    public static List<Schema> schemas() {
        return SCHEMAS;
    }

    public static Optional<Schema> schema(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Whether a change at {@code path} (an input, or a path below it) replaces a {@code type}. */
    public static boolean forcesReplacement(String type, String path) {
        Schema schema = BY_TYPE.get(type);
        if (schema == null) {
            return false;
        }
        String changed = normalized(path);
        return schema.forceNew().stream().anyMatch(a -> changed.equals(a.path())
                || changed.startsWith(a.path() + "."));
    }

    /** The types whose replacement loses data. */
    public static Set<String> stateful() {
        return SCHEMAS.stream().filter(Schema::stateful).map(Schema::type)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** {@code a.b[0].c (unknown until apply)} becomes {@code a.b.c}. */
    static String normalized(String path) {
        int note = path.indexOf(" (");
        String bare = note < 0 ? path : path.substring(0, note);
        return bare.replaceAll("\\[\\d+]", "");
    }

    /** One type: type, source, stateful, and the forceNew and inPlace maps of Pulumi path to schema name. */
    static Schema reading(JsonNode entry) {
        String type = entry.path("type").asText();
        if (!type.matches("aws:[a-z0-9]+/\\w+:\\w+")) {
            throw new IllegalStateException(FILE + ": type must be a Pulumi type token such as aws:iam/role:Role, not '"
                    + type + "'");
        }
        String source = entry.path("source").asText();
        if (!source.startsWith("internal/service/")) {
            throw new IllegalStateException(FILE + ": " + type + ": source must name the provider file read "
                    + "(internal/service/...) and its commit, not '" + source + "'");
        }
        if (!entry.path("stateful").isBoolean()) {
            throw new IllegalStateException(FILE + ": " + type + ": stateful must be true or false");
        }
        return new Schema(type, source, entry.path("stateful").asBoolean(), attributes(entry, type, "forceNew"),
                attributes(entry, type, "inPlace"));
    }

    private static List<Attribute> attributes(JsonNode entry, String type, String field) {
        List<Attribute> attributes = new ArrayList<>();
        entry.path(field).fields().forEachRemaining(a -> {
            String schema = a.getValue().asText();
            if (!a.getKey().matches("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*")
                    || !schema.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
                throw new IllegalStateException(FILE + ": " + type + "." + field + ": '" + a.getKey() + ": " + schema
                        + "' must map Pulumi's camelCase input path to the provider's snake_case schema name");
            }
            attributes.add(new Attribute(a.getKey(), schema));
        });
        if (field.equals("forceNew") && attributes.isEmpty()) {
            throw new IllegalStateException(FILE + ": " + type + " lists no forceNew input");
        }
        return List.copyOf(attributes);
    }
}
