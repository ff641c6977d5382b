package jp.twozeroseven.infra.data.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notification API's deployment triggers: a REST API serves only what was deployed, so a change to any part of
 * the request path (mapping templates, the Slack webhook URL, integration and response settings, the resource
 * policy) must create a new deployment or the stage keeps serving the old one. Every value is a SHA-256, so the
 * webhook URL itself never appears (its hash still travels as a secret Output).
 *
 * @param integrations every integration/method-response setting other than uri and templates, keyed by path
 */
public record NotifyDeploymentTriggers(Map<String, String> templates, String webhookUrl,
                                       Map<String, Object> integrations, String resourcePolicyJson) {

    private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public NotifyDeploymentTriggers {
        if (templates == null || templates.isEmpty() || integrations == null || integrations.isEmpty()) {
            throw new IllegalArgumentException("notification deployment triggers need the templates and integrations");
        }
        if (webhookUrl == null || webhookUrl.isBlank()) {
            throw new IllegalArgumentException("Slack webhook URL is empty (set the secret slackWebhookUrl)");
        }
        if (resourcePolicyJson == null || resourcePolicyJson.isBlank()) {
            throw new IllegalArgumentException("notification API resource policy is missing");
        }
    }

    public Map<String, String> toMap() {
        Map<String, String> triggers = new LinkedHashMap<>();
        triggers.put("templates", sha256(canonical(templates)));
        triggers.put("integrations", sha256(canonical(integrations)));
        triggers.put("resourcePolicy", sha256(resourcePolicyJson));
        triggers.put("webhookUri", sha256(webhookUrl));
        return triggers;
    }

    private static String canonical(Object value) {
        try {
            return SORTED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
