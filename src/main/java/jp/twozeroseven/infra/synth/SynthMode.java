package jp.twozeroseven.infra.synth;

/** Which run of the real engine the offline synth stands in for. */
public enum SynthMode {
    /** {@code pulumi up} of an existing stack: every output the providers compute is known. */
    FULL,
    /**
     * The first {@code pulumi preview} of a new stack: nothing exists yet, so every output a provider computes
     * (ARNs, ids, endpoints, and every input derived from them) is unknown.
     */
    PREVIEW
}
