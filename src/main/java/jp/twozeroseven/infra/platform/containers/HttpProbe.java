package jp.twozeroseven.infra.platform.containers;

import java.util.List;
import java.util.function.Function;

/**
 * The runtime inside the app image that runs the container's HTTP health probe (see {@link HealthCheck#httpGet}):
 * slim Ruby and Node images have no curl, but every Rails image has {@code ruby} and every Next.js image
 * {@code node}. CMD form, so no shell is needed either.
 */
public enum HttpProbe {

    /** {@code ruby} on the PATH; Net::HTTP is Ruby's standard library. */
    RUBY(url -> List.of("CMD", "ruby", "-rnet/http", "-e",
            "exit Net::HTTP.get_response(URI('" + url + "')).is_a?(Net::HTTPSuccess)")),
    /** {@code node} 18 or later: global fetch (Node.js docs, "Global objects: fetch"). */
    NODE(url -> List.of("CMD", "node", "-e",
            "fetch('" + url + "').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"));

    private final Function<String, List<String>> command;

    HttpProbe(Function<String, List<String>> command) {
        this.command = command;
    }

    /** The probe's command for {@code url}: exit 0 on a 2xx, anything else otherwise. */
    public List<String> command(String url) {
        return command.apply(url);
    }
}
