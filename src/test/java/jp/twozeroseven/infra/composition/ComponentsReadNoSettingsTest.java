package jp.twozeroseven.infra.composition;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.observability.NewRelicAccount;
import jp.twozeroseven.infra.platform.AppPlatform;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components take explicit props and read no settings; the stack composition (this package) is the one place
 * that maps settings to props, and only the stack program ({@code InfraStack}) uses it:
 * <ul>
 *   <li>the listed packages and files neither import the settings package nor call {@code scope.settings()} (add a
 *   package here when its components stop taking settings value types);</li>
 *   <li>no class of a component package (platform, data, observability, support) depends on this package: the
 *   dependency runs from the composition to the components, never back;</li>
 *   <li>every {@link ComponentResource} subclass is built only through {@code (String name, <props>,
 *   ComponentResourceOptions options)}, where the props type is a record or interface named {@code Props} or
 *   {@code ...Props} that names the {@link Scope} its children are created with (a New Relic component: its
 *   {@link NewRelicAccount}); it declares its {@code TYPE}, and a props record's null check names the missing
 *   component first ({@code support.Required}).</li>
 * </ul>
 */
class ComponentsReadNoSettingsTest {

    private static final Path SOURCES = SynthedStacks.PROJECT.resolve("src/main/java/jp/twozeroseven/infra");
    private static final String COMPOSITION = "jp/twozeroseven/infra/composition/";
    private static final List<String> COMPONENT_PACKAGES = List.of("platform", "data", "observability", "support");
    /**
     * What a component's props say its children are created with: the AWS {@link Scope}, or for the observability
     * components, whose children are New Relic resources, the {@link NewRelicAccount} (the New Relic provider,
     * account and naming; {@code NewRelicScope} is its child form).
     */
    private static final Set<Class<?>> WHERE_CHILDREN_GO = Set.of(Scope.class, NewRelicAccount.class);

    @ParameterizedTest
    @ValueSource(strings = {"platform/network", "platform/database", "platform/waf", "platform/storage",
            "platform/cdn", "platform/loadbalancer", "platform/security", "platform/secrets",
            "platform/AppPlatform.java", "platform/AppPlatformProps.java", "platform/registry/Registries.java",
            "platform/registry/RegistriesProps.java", "platform/registry/SidecarMirrors.java",
            "platform/deploy/BlueGreenDeployments.java", "platform/deploy/BlueGreenDeploymentsProps.java",
            "support/ServiceRoles.java"})
    void readsNoSettings(String where) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES.resolve(where))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String source = Files.readString(file);
            assertThat(source).as(file + " imports settings; take the value through its props")
                    .doesNotContain("import jp.twozeroseven.infra.settings.");
            assertThat(source).as(file + " calls scope.settings(); take the value through its props")
                    .doesNotContain(".settings()");
        }
    }

    /**
     * Read from the compiled classes, whose constant pools name every class they use (fully qualified names and
     * nested types alike; javadoc that mentions the composition is no dependency), and from the sources' imports.
     */
    @Test
    void noComponentPackageDependsOnTheComposition() throws IOException {
        List<Path> classes = compiledClasses();
        List<String> offenders = new ArrayList<>();
        for (Path file : classes) {
            String relative = classesRoot().relativize(file).toString().replace('\\', '/');
            boolean component = COMPONENT_PACKAGES.stream()
                    .anyMatch(p -> relative.startsWith("jp/twozeroseven/infra/" + p + "/"));
            String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (component && constants.contains(COMPOSITION)) {
                offenders.add(relative);
            }
        }
        assertThat(classes).hasSizeGreaterThan(100);
        for (String where : COMPONENT_PACKAGES) {
            try (Stream<Path> walk = Files.walk(SOURCES.resolve(where))) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    if (Files.readString(file).contains("import jp.twozeroseven.infra.composition.")) {
                        offenders.add(SOURCES.relativize(file).toString());
                    }
                }
            }
        }
        assertThat(offenders).as("component classes that use jp.twozeroseven.infra.composition; take props instead")
                .isEmpty();
    }

    @Test
    void everyComponentIsBuiltFromNamePropsAndOptions() throws Exception {
        List<Class<?>> components = new ArrayList<>();
        for (Class<?> type : loadedClasses()) {
            if (ComponentResource.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                components.add(type);
            }
        }
        assertThat(components).as("the stack's components").hasSizeGreaterThan(20).contains(AppPlatform.class);
        List<String> problems = new ArrayList<>();
        for (Class<?> component : components) {
            problems.addAll(shapeProblems(component));
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> shapeProblems(Class<?> component) throws Exception {
        List<String> problems = new ArrayList<>();
        String name = component.getName();
        try {
            var type = component.getDeclaredField("TYPE");
            if (!Modifier.isStatic(type.getModifiers()) || type.getType() != String.class) {
                problems.add(name + ": TYPE is not a static String");
            }
        } catch (NoSuchFieldException e) {
            problems.add(name + " declares no TYPE (its URN type, passed to super)");
        }
        List<Constructor<?>> constructors = Arrays.stream(component.getDeclaredConstructors())
                .filter(c -> !Modifier.isPrivate(c.getModifiers())).toList();
        if (constructors.isEmpty()) {
            problems.add(name + " has no constructor callers can use");
        }
        for (Constructor<?> constructor : constructors) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length != 3 || parameters[0] != String.class
                    || parameters[2] != ComponentResourceOptions.class) {
                problems.add(name + Arrays.toString(parameters) + ": take (String name, <props>, "
                        + "ComponentResourceOptions options)");
                continue;
            }
            problems.addAll(propsProblems(name, parameters[1]));
        }
        return problems;
    }

    private static List<String> propsProblems(String component, Class<?> props) throws Exception {
        List<String> problems = new ArrayList<>();
        if (!props.getSimpleName().endsWith("Props") || !(props.isRecord() || props.isInterface())) {
            problems.add(component + ": its props " + props.getName() + " are not a record or interface named *Props");
            return problems;
        }
        boolean placed = Arrays.stream(props.getMethods())
                .anyMatch(m -> m.getParameterCount() == 0 && WHERE_CHILDREN_GO.contains(m.getReturnType()));
        if (!placed) {
            problems.add(component + ": " + props.getName() + " names no Scope (provider, naming and tags of the "
                    + "children)");
        }
        if (props.isRecord()) {
            String missing = nullCheckMessage(props);
            String first = Arrays.stream(props.getRecordComponents()).filter(c -> !c.getType().isPrimitive())
                    .map(RecordComponent::getName).findFirst().orElseThrow();
            if (missing == null || !missing.endsWith("." + first + " is required")) {
                problems.add(component + ": " + props.getName() + " with every component null says '" + missing
                        + "', not that " + first + " is required (Required.components first in its compact "
                        + "constructor)");
            }
        }
        return problems;
    }

    /** The message a props record's constructor gives when every reference component is null (primitives zero). */
    private static String nullCheckMessage(Class<?> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(ComponentsReadNoSettingsTest::zero).toArray();
        Constructor<?> canonical = record.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        try {
            canonical.newInstance(values);
            return "nothing";
        } catch (InvocationTargetException e) {
            return e.getCause() instanceof NullPointerException npe ? npe.getMessage()
                    : e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        }
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }

    private static List<Class<?>> loadedClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        ClassLoader loader = ComponentsReadNoSettingsTest.class.getClassLoader();
        for (Path file : compiledClasses()) {
            String relative = classesRoot().relativize(file).toString().replace('\\', '/');
            String className = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
            if (!className.endsWith("package-info")) {
                out.add(Class.forName(className, false, loader));
            }
        }
        return out;
    }

    private static List<Path> compiledClasses() throws IOException {
        try (Stream<Path> walk = Files.walk(classesRoot().resolve("jp/twozeroseven/infra"))) {
            return walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    /** The main classes' directory ({@code target/classes}), where the build put {@link AppPlatform}. */
    private static Path classesRoot() {
        try {
            return Path.of(AppPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
