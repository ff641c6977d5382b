package jp.twozeroseven.infra.platform.security;

/**
 * What {@link PlatformKeys} builds: two customer-managed symmetric keys with yearly rotation, each with an alias
 * {@code alias/<prefix>-<purpose>}. Both are stateful: deleting one makes everything encrypted with it unreadable,
 * so they are protected and retained when the scope protects stateful resources.
 *
 * @param deletionWindowDays days KMS waits between a scheduled deletion and the deletion, 7 to 30 (KMS Developer
 *                           Guide, "Deleting AWS KMS keys"); @default {@link #DEFAULT_DELETION_WINDOW}
 */
public record PlatformKeysProps(int deletionWindowDays) {

    /** The longest KMS allows: a month to notice and cancel a mistaken deletion. */
    public static final int DEFAULT_DELETION_WINDOW = 30;
    public static final PlatformKeysProps DEFAULTS = new PlatformKeysProps(DEFAULT_DELETION_WINDOW);

    public PlatformKeysProps {
        if (deletionWindowDays < 7 || deletionWindowDays > 30) {
            throw new IllegalArgumentException("a KMS key's deletion window is 7 to 30 days: " + deletionWindowDays);
        }
    }
}
