package jp.twozeroseven.infra.policycheck;

/** The policy pack cannot run on this machine (no node, pack not installed or not built). */
public final class PolicyCheckUnavailable extends RuntimeException {
    static final String INSTALL_HINT = "cd policy && npm ci && npm run build";

    PolicyCheckUnavailable(String problem) {
        super(problem + ". Install and build the policy pack first: `" + INSTALL_HINT + "` (needs Node.js 20 and npm).");
    }

    PolicyCheckUnavailable(String problem, Throwable cause) {
        this(problem);
        initCause(cause);
    }
}
