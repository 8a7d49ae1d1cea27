package dev.handoff.integration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    /** Slack's documented example ("Verifying requests from Slack"): secret, timestamp, body, signature. */
    static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String SLACK_TIMESTAMP = "1531420618";
    static final String SLACK_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String SLACK_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    static final Instant SLACK_THEN = Instant.ofEpochSecond(1531420618L + 30);

    /**
     * Zendesk documents the scheme, base64(HMAC-SHA256(TIMESTAMP + BODY)), and the static secret its
     * "Test webhook" button signs with, but publishes no digest; this one was computed independently
     * (Python's hmac module) and is kept fixed.
     */
    static final String ZENDESK_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    static final String ZENDESK_TIMESTAMP = "2026-12-03T10:00:00Z";
    static final String ZENDESK_BODY = "{\"ticket_id\":\"35436\",\"status\":\"solved\",\"comment\":\"Refund sent\",\"updated_by\":\"Sam Agent\"}";
    static final String ZENDESK_SIGNATURE = ExternalVectors.SIGNATURE;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void slacksDocumentedExampleVerifies() {
        assertEquals(SLACK_SIGNATURE, Signatures.slack(SLACK_SECRET, SLACK_TIMESTAMP, bytes(SLACK_BODY)));
        assertNull(Signatures.checkSlack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, bytes(SLACK_BODY), SLACK_THEN));
    }

    @Test
    void slackRequestsThatAreTamperedUnsignedOrStaleAreRefused() {
        assertEquals("bad signature", Signatures.checkSlack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, bytes(SLACK_BODY.replace("foobar", "foobaz")), SLACK_THEN));
        assertEquals("bad signature", Signatures.checkSlack("another-secret", SLACK_TIMESTAMP, SLACK_SIGNATURE, bytes(SLACK_BODY), SLACK_THEN));
        assertEquals("bad signature", Signatures.checkSlack(SLACK_SECRET, "1531420619", SLACK_SIGNATURE, bytes(SLACK_BODY), SLACK_THEN));
        assertEquals("unsigned", Signatures.checkSlack(SLACK_SECRET, SLACK_TIMESTAMP, null, bytes(SLACK_BODY), SLACK_THEN));
        assertEquals("unsigned", Signatures.checkSlack(SLACK_SECRET, null, SLACK_SIGNATURE, bytes(SLACK_BODY), SLACK_THEN));
        assertEquals("malformed timestamp", Signatures.checkSlack(SLACK_SECRET, "yesterday", SLACK_SIGNATURE, bytes(SLACK_BODY), SLACK_THEN));
        Instant sixMinutesLater = Instant.ofEpochSecond(1531420618L + 360);
        assertEquals("stale timestamp", Signatures.checkSlack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, bytes(SLACK_BODY), sixMinutesLater));
        Instant fiveMinutesLater = Instant.ofEpochSecond(1531420618L + 300);
        assertNull(Signatures.checkSlack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, bytes(SLACK_BODY), fiveMinutesLater));
        assertEquals("stale timestamp", Signatures.checkSlack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, bytes(SLACK_BODY),
                Instant.ofEpochSecond(1531420618L - 360)), "from the future too");
        assertEquals("no signing secret is configured", Signatures.checkSlack(null, SLACK_TIMESTAMP, SLACK_SIGNATURE, bytes(SLACK_BODY), SLACK_THEN));
    }

    @Test
    void zendeskSignaturesAreBase64OfTheTimestampAndTheBody() {
        Instant then = Instant.parse(ZENDESK_TIMESTAMP).plusSeconds(10);
        assertEquals(ZENDESK_SIGNATURE, Signatures.zendesk(ZENDESK_SECRET, ZENDESK_TIMESTAMP, bytes(ZENDESK_BODY)));
        assertNull(Signatures.checkZendesk(ZENDESK_SECRET, ZENDESK_TIMESTAMP, ZENDESK_SIGNATURE, bytes(ZENDESK_BODY), then));
        assertEquals("bad signature", Signatures.checkZendesk(ZENDESK_SECRET, ZENDESK_TIMESTAMP, ZENDESK_SIGNATURE, bytes(ZENDESK_BODY.replace("solved", "open")), then));
        assertEquals("unsigned", Signatures.checkZendesk(ZENDESK_SECRET, null, null, bytes(ZENDESK_BODY), then));
        assertEquals("stale timestamp", Signatures.checkZendesk(ZENDESK_SECRET, ZENDESK_TIMESTAMP, ZENDESK_SIGNATURE, bytes(ZENDESK_BODY),
                Instant.parse(ZENDESK_TIMESTAMP).plusSeconds(360)));
    }

    @Test
    void handoffsWebhookSignatureCoversTheTimestampAndTheBody() {
        byte[] body = bytes("{\"id\":\"e1\",\"type\":\"handoff.escalated\"}");
        // independently computed: python3 -c 'import hmac,hashlib;print(hmac.new(b"whsec_test",b"1764756000."+body,hashlib.sha256).hexdigest())'
        assertEquals(ExternalVectors.WEBHOOK_SIGNATURE, Signatures.webhook("whsec_test", 1764756000L, body));
        assertNotEquals(Signatures.webhook("whsec_test", 1764756001L, body), Signatures.webhook("whsec_test", 1764756000L, body));
        assertTrue(Signatures.webhook("whsec_test", 1764756000L, body).startsWith("v1="));
    }

    @Test
    void secretsAreSealedAndOpenedOnlyWithTheirKey() {
        String key = SecretBox.newKey();
        SecretBox box = SecretBox.of(key);
        String sealed = box.seal("xoxb-secret-token");
        assertTrue(sealed.startsWith("v1:"));
        assertTrue(!sealed.contains("xoxb"), sealed);
        assertNotEquals(sealed, box.seal("xoxb-secret-token"), "a fresh nonce every time");
        assertEquals("xoxb-secret-token", box.open(sealed));
        assertThrows(SecretBox.KeyProblem.class, () -> SecretBox.of(SecretBox.newKey()).open(sealed));
        assertThrows(SecretBox.KeyProblem.class, () -> SecretBox.of(" "));
        assertThrows(SecretBox.KeyProblem.class, () -> SecretBox.of("c2hvcnQ="));
        assertTrue(!box.toString().contains(key));
    }
}
