package jp.twozeroseven.infra.iam;

/** Whether a statement grants or refuses what it names. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String jsonValue;

    Effect(String jsonValue) {
        this.jsonValue = jsonValue;
    }

    public String jsonValue() {
        return jsonValue;
    }
}
