package jp.twozeroseven.infra.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A properties file the build packages into the jar (the image pins under images/, app.pom.xml's resources). A
 * missing one means a broken build, not bad input, so it fails with the build command to run.
 */
public final class PackagedProperties {

    private PackagedProperties() {
    }

    /** @param resource the classpath path, e.g. {@code /embulk-image/versions.properties} */
    public static Properties load(String resource) {
        try (InputStream in = PackagedProperties.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar; build with ./mvnw package");
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
