package jp.twozeroseven.infra.loadtest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The command line of the kit.
 *
 * @param bearerTokenEnv name of an environment variable holding an API token; tokens never go on the command line
 */
public record LoadTestOptions(String target, TrafficMix mix, double startRps, double stepRps, double maxRps,
                              int stepSeconds, int rampSeconds, LoadTargets targets, String bearerTokenEnv) {

    public static final String USAGE = """
            usage: ./mvnw -B -q -f loadtest/pom.xml compile exec:exec -Dkit.args="--target URL --mix MIX [options]"
              --target URL          base URL of ONE task (or of a service pinned to one task), e.g. http://10.10.16.5:3000
              --mix MIX             %s
              --start-rps N         first step, requests per second (default 10)
              --step-rps N          increase per step (default 10)
              --max-rps N           last step at most (default 200)
              --step-seconds N      measured time per step (default 60)
              --ramp-seconds N      ramp from the previous step before measuring (default 10)
              --p95-ms N            latency target for the 95th percentile (default 300)
              --max-error-rate X    share of 5xx/failed requests allowed, e.g. 0.01 (default 0.01)
              --bearer-token-env V  send "Authorization: Bearer $V" from environment variable V"""
            .formatted(TrafficMix.keys());

    public static LoadTestOptions parse(List<String> args) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String flag = args.get(i);
            if (!flag.startsWith("--") || i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new LoadTestException(flag + " needs a value\n" + USAGE);
            }
            values.put(flag, args.get(i + 1));
        }
        List<String> problems = new ArrayList<>();
        String target = required(values, "--target", problems);
        if (!target.isEmpty() && !isHttpUrl(target)) {
            problems.add("--target " + target + ": expected an http:// or https:// URL such as http://127.0.0.1:3000");
        }
        String mixKey = required(values, "--mix", problems);
        TrafficMix mix = TrafficMix.byKey(mixKey).orElse(null);
        if (!mixKey.isEmpty() && mix == null) {
            problems.add("--mix " + mixKey + ": expected one of " + TrafficMix.keys());
        }
        double start = number(values, "--start-rps", 10, 0.1, 100_000, problems);
        double step = number(values, "--step-rps", 10, 0.1, 100_000, problems);
        double max = number(values, "--max-rps", 200, 0.1, 100_000, problems);
        if (max < start) {
            problems.add("--max-rps " + fmt(max) + ": below --start-rps " + fmt(start) + "; raise --max-rps");
        }
        int hold = (int) number(values, "--step-seconds", 60, 1, 3600, problems);
        int ramp = (int) number(values, "--ramp-seconds", 10, 0, 600, problems);
        double p95 = number(values, "--p95-ms", 300, 1, 60_000, problems);
        double errors = number(values, "--max-error-rate", 0.01, 0, 1, problems);
        String tokenEnv = values.getOrDefault("--bearer-token-env", "");
        values.keySet().stream().filter(k -> !KNOWN.contains(k))
                .forEach(k -> problems.add(k + ": unknown option; known: " + KNOWN));
        if (!problems.isEmpty()) {
            throw new LoadTestException(String.join("\n", problems) + "\n" + USAGE);
        }
        return new LoadTestOptions(target, mix, start, step, max, hold, ramp, new LoadTargets(p95, errors), tokenEnv);
    }

    private static final List<String> KNOWN = List.of("--target", "--mix", "--start-rps", "--step-rps", "--max-rps",
            "--step-seconds", "--ramp-seconds", "--p95-ms", "--max-error-rate", "--bearer-token-env");

    /** The offered rates, from start to at most max. */
    public List<Double> steps() {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; startRps + i * stepRps <= maxRps + 1e-9; i++) {
            rates.add(startRps + i * stepRps);
        }
        return rates;
    }

    public String bearerToken(Function<String, String> environment) {
        if (bearerTokenEnv.isEmpty()) {
            return "";
        }
        String token = environment.apply(bearerTokenEnv);
        if (token == null || token.isBlank()) {
            throw new LoadTestException("--bearer-token-env " + bearerTokenEnv + ": the environment variable is not "
                    + "set; export it first");
        }
        return token;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String required(Map<String, String> values, String flag, List<String> problems) {
        String value = values.get(flag);
        if (value == null) {
            problems.add(flag + " is required");
            return "";
        }
        return value;
    }

    private static double number(Map<String, String> values, String flag, double fallback, double min, double max,
                                 List<String> problems) {
        String text = values.get(flag);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        problems.add(flag + " " + text + ": expected a number from " + fmt(min) + " to " + fmt(max));
        return fallback;
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
