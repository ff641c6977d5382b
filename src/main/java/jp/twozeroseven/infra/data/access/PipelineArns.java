package jp.twozeroseven.infra.data.access;

/**
 * ARNs the pipeline's IAM documents name, resolved to plain strings (inside an Output) so the documents can be
 * pure functions.
 */
public record PipelineArns(String region, String account, String dataKeyArn, String rawBucket, String maskedBucket,
                           String resultsBucket, String rawDatabase, String maskedDatabase) {

    public static String bucketArn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    public String glueCatalog() {
        return "arn:aws:glue:" + region + ":" + account + ":catalog";
    }

    public String glueDatabase(String database) {
        return "arn:aws:glue:" + region + ":" + account + ":database/" + database;
    }

    public String glueTable(String database, String table) {
        return "arn:aws:glue:" + region + ":" + account + ":table/" + database + "/" + table;
    }

    public String role(String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    public String workgroup(String name) {
        return "arn:aws:athena:" + region + ":" + account + ":workgroup/" + name;
    }
}
