package dev.handoff.integration.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signatures Handoff makes and checks:
 * <ul>
 * <li>its own outbound webhooks: {@code Handoff-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 *     with {@code Handoff-Timestamp: <unix seconds>} (docs/integrations.md shows how to verify);</li>
 * <li>Slack's requests: {@code X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body)>},
 *     {@code X-Slack-Request-Timestamp} in unix seconds, refused when more than 5 minutes away;</li>
 * <li>Zendesk's webhooks: {@code X-Zendesk-Webhook-Signature: <base64 HMAC-SHA256(secret, timestamp + body)>}
 *     with {@code X-Zendesk-Webhook-Signature-Timestamp} (ISO-8601, as Zendesk sends it, or unix seconds).</li>
 * </ul>
 * Every comparison is constant-time.
 */
public final class Signatures {

    /** How old (or how far in the future) a signed request may be. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private Signatures() {}

    public static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static byte[] concat(String prefix, byte[] body) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Handoff's webhook signature header value for a body sent at {@code timestamp} (unix seconds). */
    public static String webhook(String secret, long timestamp, byte[] body) {
        return "v1=" + HexFormat.of().formatHex(hmacSha256(secret, concat(timestamp + ".", body)));
    }

    /** Slack's signature of a request body. */
    public static String slack(String signingSecret, String timestamp, byte[] body) {
        return "v0=" + HexFormat.of().formatHex(hmacSha256(signingSecret, concat("v0:" + timestamp + ":", body)));
    }

    /** Zendesk's signature of a webhook body. */
    public static String zendesk(String secret, String timestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, concat(timestamp, body)));
    }

    /** Why a signed request is refused, or null when it is genuine and fresh. */
    public static String checkSlack(String signingSecret, String timestamp, String signature, byte[] body, Instant now) {
        if (signingSecret == null || signingSecret.isBlank()) {
            return "no signing secret is configured";
        }
        if (timestamp == null || signature == null) {
            return "unsigned";
        }
        if (!timestamp.strip().matches("\\d{1,12}")) {
            return "malformed timestamp";
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        if (!fresh(at, now)) {
            return "stale timestamp";
        }
        return equal(slack(signingSecret, timestamp.strip(), body), signature.strip()) ? null : "bad signature";
    }

    /** The same for Zendesk. */
    public static String checkZendesk(String secret, String timestamp, String signature, byte[] body, Instant now) {
        if (secret == null || secret.isBlank()) {
            return "no signing secret is configured";
        }
        if (timestamp == null || signature == null) {
            return "unsigned";
        }
        Instant at = instant(timestamp.strip());
        if (at == null) {
            return "malformed timestamp";
        }
        if (!fresh(at, now)) {
            return "stale timestamp";
        }
        return equal(zendesk(secret, timestamp.strip(), body), signature.strip()) ? null : "bad signature";
    }

    static boolean fresh(Instant at, Instant now) {
        return Duration.between(at, now).abs().compareTo(TOLERANCE) <= 0;
    }

    static Instant instant(String timestamp) {
        if (timestamp.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(timestamp));
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
