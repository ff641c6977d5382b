package jp.twozeroseven.infra.data.embulk;

import java.util.Properties;

/**
 * The Embulk image's pinned versions, read from {@code images/embulk/versions.properties} (packaged into the jar as
 * {@value #RESOURCE}): the one file the Dockerfile, the image tag, the generated configs' {@code driver_path} and the
 * tests' pgjdbc version all come from.
 */
public record EmbulkImage(String embulkVersion, String inputPostgresqlVersion, String outputS3ParquetVersion,
                          String pgjdbcVersion, int revision) {
    static final String RESOURCE = "/embulk-image/versions.properties";
    /** Where the Dockerfile puts the pgjdbc jar; every config names it in {@code in.driver_path}. */
    public static final String JDBC_DIRECTORY = "/opt/embulk/jdbc";

    private static final EmbulkImage PINNED = load();

    public static EmbulkImage pinned() {
        return PINNED;
    }

    /** The ECR tag the image workflow pushes and the task definition runs: every version is in it. */
    public String tag() {
        return "embulk-" + embulkVersion + "-pg-" + inputPostgresqlVersion + "-s3parquet-" + outputS3ParquetVersion
                + "-pgjdbc-" + pgjdbcVersion + "-r" + revision;
    }

    /** Prints the tag, so the image workflow pushes exactly the tag the task definition names. */
    public static void main(String[] args) {
        System.out.println(pinned().tag());
    }

    public String driverPath() {
        return JDBC_DIRECTORY + "/postgresql-" + pgjdbcVersion + ".jar";
    }

    static EmbulkImage parse(Properties p) {
        return new EmbulkImage(required(p, "embulk.version"), required(p, "embulk-input-postgresql.version"),
                required(p, "embulk-output-s3_parquet.version"), required(p, "pgjdbc.version"),
                Integer.parseInt(required(p, "image.revision")));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key, "").trim();
        if (!value.matches("[0-9][0-9A-Za-z.-]*")) {
            throw new IllegalStateException("images/embulk/versions.properties: '" + key + "' = '" + value
                    + "' is not a version; set it to the pinned release, e.g. 0.9.23");
        }
        return value;
    }

    private static EmbulkImage load() {
        return parse(jp.twozeroseven.infra.support.PackagedProperties.load(RESOURCE));
    }
}
