package jp.twozeroseven.infra.platform.storage;

/**
 * What {@link LogBuckets} builds: the S3 server access log bucket and the ALB access log bucket, both expiring.
 *
 * @param expireAfterDays       days after which a log object expires (S3 User Guide, "Lifecycle"); the stack
 *                              passes {@code logRetentionDays}, so S3 logs live as long as CloudWatch logs
 * @param noncurrentVersionDays days an overwritten or deleted log version is kept before it expires;
 *                              @default {@link #DEFAULT_NONCURRENT_DAYS}
 */
public record LogBucketsProps(int expireAfterDays, int noncurrentVersionDays) {

    /** Long enough to notice and undo a mistaken delete. */
    public static final int DEFAULT_NONCURRENT_DAYS = 30;

    public LogBucketsProps {
        if (expireAfterDays < 1 || noncurrentVersionDays < 1) {
            throw new IllegalArgumentException("log expiry must be at least one day: expireAfterDays="
                    + expireAfterDays + ", noncurrentVersionDays=" + noncurrentVersionDays);
        }
    }

    /** @param expireAfterDays the stack's log retention */
    public static LogBucketsProps expiringAfter(int expireAfterDays) {
        return new LogBucketsProps(expireAfterDays, DEFAULT_NONCURRENT_DAYS);
    }
}
