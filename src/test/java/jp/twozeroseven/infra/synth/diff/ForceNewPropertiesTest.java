package jp.twozeroseven.infra.synth.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.core.annotations.Import;
import jp.twozeroseven.infra.synth.diff.ForceNewProperties.Attribute;
import jp.twozeroseven.infra.synth.diff.ForceNewProperties.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The diff replaces a resource exactly when a {@code ForceNew} input changes, per type, as read from the provider
 * schema each {@link Schema#source()} names; and every name in the table is an input of com.pulumi:aws 6.83.0.
 */
class ForceNewPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> forceNewInputs() {
        return ForceNewProperties.schemas().stream().flatMap(s -> s.forceNew().stream()
                .map(a -> Arguments.of(s.type(), a.path(), s.source() + " Schema[\"" + a.schema() + "\"] ForceNew")));
    }

    static Stream<Arguments> inPlaceInputs() {
        return ForceNewProperties.schemas().stream().flatMap(s -> s.inPlace().stream()
                .map(a -> Arguments.of(s.type(), a.path(), s.source() + " Schema[\"" + a.schema() + "\"] not ForceNew")));
    }

    @ParameterizedTest(name = "{0} {1}: replace ({2})")
    @MethodSource("forceNewInputs")
    void aChangedForceNewInputIsAReplacement(String type, String path, String citation) {
        SynthDiff.Change change = changeOf(type, path);
        assertThat(change.kind()).as(citation).isEqualTo(SynthDiff.Kind.REPLACE);
        assertThat(change.replacingPaths()).containsExactly("inputs." + path);
    }

    @ParameterizedTest(name = "{0} {1}: update ({2})")
    @MethodSource("inPlaceInputs")
    void aChangedInPlaceInputIsAnUpdate(String type, String path, String citation) {
        SynthDiff.Change change = changeOf(type, path);
        assertThat(change.kind()).as(citation).isEqualTo(SynthDiff.Kind.UPDATE);
        assertThat(change.replacingPaths()).isEmpty();
    }

    @Test
    void aChangeBelowAForceNewInputOrInsideAListOfItReplaces() {
        // volume is ForceNew as a whole (task_definition.go), so is one field of one volume; the JSON of
        // container_definitions is compared inside, and any change in it is a new revision.
        assertThat(ForceNewProperties.forcesReplacement("aws:ecs/taskDefinition:TaskDefinition",
                "volumes[0].efsVolumeConfiguration.rootDirectory")).isTrue();
        assertThat(ForceNewProperties.forcesReplacement("aws:ecs/taskDefinition:TaskDefinition",
                "containerDefinitions[0].image (unknown until apply)")).isTrue();
        // s3_import is not ForceNew itself but each of its fields is (cluster.go).
        assertThat(ForceNewProperties.forcesReplacement("aws:rds/cluster:Cluster", "s3Import.sourceEngine")).isTrue();
        // A name that merely starts like a ForceNew one is another input.
        assertThat(ForceNewProperties.forcesReplacement("aws:iam/role:Role", "nameSuffix")).isFalse();
        assertThat(ForceNewProperties.forcesReplacement("aws:sqs/queue:Queue", "name")).isFalse();
    }

    @Test
    void everyNameIsAnInputOfTheResourceInTheProviderSdk() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Schema schema : ForceNewProperties.schemas()) {
            Class<?> args = argsClass(schema.type());
            for (Attribute a : concat(schema.forceNew(), schema.inPlace())) {
                if (!resolves(args, a.path())) {
                    missing.add(schema.type() + " " + a.path() + " (not an input of " + args.getName() + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
        // The check can fail: a name the SDK does not have, at the top or below an input.
        assertThat(resolves(argsClass("aws:iam/role:Role"), "nameSuffix")).isFalse();
        assertThat(resolves(argsClass("aws:rds/cluster:Cluster"), "s3Import.bucket")).isFalse();
    }

    @Test
    void theStatefulTypesAreTheDataHolders() {
        assertThat(ForceNewProperties.stateful()).contains("aws:rds/cluster:Cluster", "aws:s3/bucketV2:BucketV2",
                        "aws:kms/key:Key", "aws:glue/catalogTable:CatalogTable")
                .doesNotContain("aws:iam/role:Role", "aws:ecs/taskDefinition:TaskDefinition");
        assertThat(ForceNewProperties.schemas()).allSatisfy(s -> assertThat(s.source()).contains("internal/service/"));
    }

    @Test
    void aReadingIsRefusedUnlessItNamesItsSourceAndMapsPulumiNamesToSchemaNames() throws Exception {
        var yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        Schema role = ForceNewProperties.reading(yaml.readTree("""
                {type: "aws:iam/role:Role", source: internal/service/iam/role.go @ 0040ea69, stateful: false,
                 forceNew: {name: name, namePrefix: name_prefix}, inPlace: {}}"""));
        assertThat(role.forceNew()).containsExactly(new Attribute("name", "name"),
                new Attribute("namePrefix", "name_prefix"));
        assertThat(role.inPlace()).isEmpty();
        assertThatThrownBy(() -> ForceNewProperties.reading(yaml.readTree("""
                {type: "aws:iam/role:Role", source: role.go, stateful: false, forceNew: {name: name}}""")))
                .hasMessageContaining("aws:iam/role:Role: source must name the provider file read");
        // the columns swapped: the provider's name where Pulumi's belongs
        assertThatThrownBy(() -> ForceNewProperties.reading(yaml.readTree("""
                {type: "aws:iam/role:Role", source: internal/service/iam/role.go @ 0040ea69, stateful: false,
                 forceNew: {name_prefix: namePrefix}}""")))
                .hasMessageContaining("aws:iam/role:Role.forceNew: 'name_prefix: namePrefix' must map Pulumi's");
        assertThatThrownBy(() -> ForceNewProperties.reading(yaml.readTree("""
                {type: "aws:iam/role:Role", source: internal/service/iam/role.go @ 0040ea69, stateful: "false",
                 forceNew: {name: name}}""")))
                .hasMessageContaining("stateful must be true or false");
    }

    private static SynthDiff.Change changeOf(String type, String path) {
        ObjectNode base = doc(type, path, "before");
        ObjectNode now = doc(type, path, "after");
        List<SynthDiff.Change> changes = SynthDiff.between(base, now).changes();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).paths()).containsExactly("inputs." + path);
        return changes.get(0);
    }

    private static ObjectNode doc(String type, String path, String value) {
        ObjectNode doc = JSON.createObjectNode();
        ObjectNode resource = doc.putArray("resources").addObject();
        resource.put("urn", "urn:pulumi:prod::platform-207::" + type + "::r").put("type", type);
        ObjectNode inputs = resource.putObject("inputs").put("tagsAll", "same");
        String[] parts = path.split("\\.");
        ObjectNode at = inputs;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.putObject(parts[i]);
        }
        at.put(parts[parts.length - 1], value);
        resource.putObject("options");
        return doc;
    }

    /** {@code aws:rds/clusterInstance:ClusterInstance} is {@code com.pulumi.aws.rds.ClusterInstanceArgs}. */
    private static Class<?> argsClass(String type) throws ClassNotFoundException {
        String module = type.substring(type.indexOf(':') + 1, type.indexOf('/'));
        String name = type.substring(type.lastIndexOf(':') + 1);
        return Class.forName("com.pulumi.aws." + module + "." + name + "Args");
    }

    /** Follows {@code a.b.c} through the {@code @Import} names of the Args classes and their nested Args. */
    private static boolean resolves(Class<?> args, String path) {
        Class<?> at = args;
        for (String part : path.split("\\.")) {
            Optional<Field> field = importField(at, part);
            if (field.isEmpty()) {
                return false;
            }
            at = valueClass(field.get().getGenericType());
        }
        return true;
    }

    private static Optional<Field> importField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Import imp = f.getAnnotation(Import.class);
                if (imp != null && imp.name().equals(name)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code Output<List<XArgs>>} is {@code XArgs}. */
    private static Class<?> valueClass(Type type) {
        Type t = type;
        while (t instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            t = args[args.length - 1];
        }
        return t instanceof Class<?> c ? c : Object.class;
    }

    private static List<Attribute> concat(List<Attribute> a, List<Attribute> b) {
        List<Attribute> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
