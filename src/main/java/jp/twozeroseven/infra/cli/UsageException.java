package jp.twozeroseven.infra.cli;

/** The command line itself is wrong; the message says how to call the command. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
