package jp.twozeroseven.infra.settings;

import java.util.List;

/** Which requests the ALB sends to a service: host headers, path patterns, or both; lower priority wins. */
public record Routing(List<String> hostHeaders, List<String> pathPatterns, int priority) {
}
