package jp.twozeroseven.infra.loadtest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The request mixes of 207's day. Early morning drivers start their routes and write (status updates, location
 * posts); during the day the app mostly reads; the web app serves the admin console. Weights are percentages.
 */
public enum TrafficMix {
    API_MORNING("api-morning", List.of(
            Request.post("status update", "/v1/deliveries/#{deliveryId}/status", 35, StatusBody.TEXT),
            Request.post("location post", "/v1/drivers/#{driverId}/locations", 50, LocationBody.TEXT),
            Request.get("today's route", "/v1/routes/today", 10),
            Request.get("delivery", "/v1/deliveries/#{deliveryId}", 5))),
    API_DAYTIME("api-daytime", List.of(
            Request.get("today's route", "/v1/routes/today", 40),
            Request.get("delivery", "/v1/deliveries/#{deliveryId}", 45),
            Request.post("location post", "/v1/drivers/#{driverId}/locations", 10, LocationBody.TEXT),
            Request.post("status update", "/v1/deliveries/#{deliveryId}/status", 5, StatusBody.TEXT))),
    WEB("web", List.of(
            Request.get("home page", "/", 70),
            Request.get("health page", "/api/health", 30)));

    private final String key;
    private final List<Request> requests;

    TrafficMix(String key, List<Request> requests) {
        this.key = key;
        this.requests = requests;
    }

    public String key() {
        return key;
    }

    public List<Request> requests() {
        return requests;
    }

    public static Optional<TrafficMix> byKey(String key) {
        for (TrafficMix mix : values()) {
            if (mix.key.equals(key)) {
                return Optional.of(mix);
            }
        }
        return Optional.empty();
    }

    public static String keys() {
        return java.util.Arrays.stream(values()).map(TrafficMix::key).collect(Collectors.joining(", "));
    }

    /**
     * One kind of request. Paths and bodies use Gatling expressions fed with random ids per virtual user.
     *
     * @param body JSON body template, or empty for GET
     */
    public record Request(String name, String method, String path, double weightPercent, Optional<String> body) {

        static Request get(String name, String path, double weight) {
            return new Request(name, "GET", path, weight, Optional.empty());
        }

        static Request post(String name, String path, double weight, String body) {
            return new Request(name, "POST", path, weight, Optional.of(body));
        }
    }

    /** Example bodies as the mobile app sends them; values are filled per request. */
    private static final class StatusBody {
        static final String TEXT = "{\"status\":\"#{status}\",\"occurredAt\":\"#{now}\"}";
    }

    private static final class LocationBody {
        static final String TEXT = "{\"latitude\":#{latitude},\"longitude\":#{longitude},\"recordedAt\":\"#{now}\"}";
    }

    /** Values for the expressions above; Tokyo-area coordinates so that geo code paths do real work. */
    static Map<String, Object> randomValues(java.util.random.RandomGenerator random) {
        return Map.of(
                "deliveryId", 1 + random.nextInt(500_000),
                "driverId", 1 + random.nextInt(20_000),
                "status", List.of("picked_up", "out_for_delivery", "delivered", "absent").get(random.nextInt(4)),
                "latitude", String.format(java.util.Locale.ROOT, "%.5f", 35.5 + random.nextDouble() * 0.4),
                "longitude", String.format(java.util.Locale.ROOT, "%.5f", 139.5 + random.nextDouble() * 0.4),
                "now", java.time.Instant.now().toString());
    }
}
