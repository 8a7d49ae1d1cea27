package dev.handoff.integration.boundary;

/** What an inbound hook answers: an HTTP status and a short text (never a secret, never why a signature failed in detail). */
public record InboundAnswer(int status, String text) {

    public static InboundAnswer ok(String text) {
        return new InboundAnswer(200, text);
    }

    public static InboundAnswer unauthorized() {
        return new InboundAnswer(401, "invalid signature");
    }
}
