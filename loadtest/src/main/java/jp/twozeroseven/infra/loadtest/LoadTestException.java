package jp.twozeroseven.infra.loadtest;

/** A problem the user can fix (bad option, unreachable target); printed as a message, never a stack trace. */
public final class LoadTestException extends RuntimeException {

    public LoadTestException(String message) {
        super(message);
    }
}
