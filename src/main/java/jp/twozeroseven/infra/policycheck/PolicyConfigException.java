package jp.twozeroseven.infra.policycheck;

/** The policy config file is wrong: the message names the file, the policy or key, and the fix. */
public final class PolicyConfigException extends RuntimeException {

    public PolicyConfigException(String message) {
        super(message);
    }
}
