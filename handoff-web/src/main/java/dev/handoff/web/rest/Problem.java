package dev.handoff.web.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail: what went wrong, in words a bot developer can act on, and for
 * invalid input the field at fault. Never a stack trace.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final String BASE = "https://handoff.dev/problems/";

    public record FieldError(String field, String message) {}

    public static Response response(Response.Status status, String slug, String title, String detail) {
        return response(status.getStatusCode(), slug, title, detail, null);
    }

    public static Response response(int status, String slug, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(BASE + slug, title, status, detail, errors))
                .build();
    }

    public static Response invalid(String field, String message) {
        return response(400, "invalid-request", "Invalid request", message, List.of(new FieldError(field, message)));
    }
}
