package dev.handoff.integration.control;

import dev.handoff.integration.entity.ConnectorKind;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * A connector as its driver sees it: where to send, the non-secret settings and the opened secrets.
 * {@link #toString()} never shows a secret.
 */
public record ConnectorConfig(long id, ConnectorKind kind, String name, String url, JsonObject settings, Map<String, String> secrets) {

    public ConnectorConfig {
        secrets = Map.copyOf(secrets);
    }

    public String setting(String key, String fallback) {
        JsonValue v = settings.get(key);
        if (v instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString().strip();
        }
        if (v != null && v.getValueType() == JsonValue.ValueType.NUMBER) {
            return v.toString();
        }
        return fallback;
    }

    public int setting(String key, int fallback) {
        String v = setting(key, (String) null);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public String secret(String key) {
        String v = secrets.get(key);
        return v == null || v.isBlank() ? null : v;
    }

    /** The URL without a trailing slash, or {@code fallback} when none is set. */
    public String base(String fallback) {
        String b = url == null || url.isBlank() ? fallback : url.strip();
        return b != null && b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    @Override
    public String toString() {
        return "ConnectorConfig[" + id + " " + kind + " " + name + ", url=" + url + ", settings=" + settings + ", secrets=" + secrets.keySet() + "]";
    }
}
