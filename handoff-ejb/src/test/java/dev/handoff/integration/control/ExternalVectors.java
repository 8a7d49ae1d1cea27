package dev.handoff.integration.control;

/** Digests computed outside Java (Python's hmac module), so the tests do not check the code against itself. */
final class ExternalVectors {

    /** base64(HMAC-SHA256("dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==", "2026-12-03T10:00:00Z" + SignaturesTest.ZENDESK_BODY)) */
    static final String SIGNATURE = "Y8cLS+0yksDc8B6qXzvMlM4UpOxv7jpVhW2hUKWuJYA=";
    /** "v1=" + hex(HMAC-SHA256("whsec_test", "1764756000." + '{"id":"e1","type":"handoff.escalated"}')) */
    static final String WEBHOOK_SIGNATURE = "v1=ae7e559f9bff9bfab0b872d73d683cdee1af224fe29671f28705d6750ff1a67c";

    private ExternalVectors() {}
}
