package jp.twozeroseven.infra.newrelic.conformance;

import java.util.regex.Pattern;

/** Maps a Pulumi type token to the name of its args interface in @pulumi/newrelic. */
public final class ArgsTypeNames {

    public static final String PROVIDER_TYPE = "pulumi:providers:newrelic";

    // newrelic:<module>/<camelName>:<Member>; the index module and synthetics/ are bound (synthetics types live in
    // the SDK's `synthetics` namespace), so other nested modules (cloud/, plugins/) are rejected instead of mapped
    // to a wrong type.
    private static final Pattern TOKEN = Pattern.compile("newrelic:(index|synthetics)/([A-Za-z0-9]+):([A-Za-z0-9]+)");

    private ArgsTypeNames() {}

    /**
     * {@code newrelic:index/alertPolicy:AlertPolicy} → {@code AlertPolicyArgs};
     * {@code newrelic:index/getEntity:getEntity} → {@code GetEntityArgs} (the plain invoke args);
     * {@code newrelic:synthetics/monitor:Monitor} → {@code synthetics.MonitorArgs};
     * {@code pulumi:providers:newrelic} → {@code ProviderArgs}.
     */
    public static String argsTypeFor(String typeToken) {
        if (PROVIDER_TYPE.equals(typeToken)) {
            return "ProviderArgs";
        }
        var m = TOKEN.matcher(typeToken);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unsupported New Relic type token '" + typeToken
                + "'; expected newrelic:index/<name>:<Name>, newrelic:synthetics/<name>:<Name> or " + PROVIDER_TYPE + ".");
        }
        var member = m.group(3);
        var args = Character.toUpperCase(member.charAt(0)) + member.substring(1) + "Args";
        return m.group(1).equals("index") ? args : m.group(1) + "." + args;
    }
}
