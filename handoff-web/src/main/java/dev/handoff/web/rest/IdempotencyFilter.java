package dev.handoff.web.rest;

import dev.handoff.access.boundary.ApiCaller;
import dev.handoff.access.boundary.IdempotencyService;
import dev.handoff.access.boundary.IdempotencyService.Claim;
import dev.handoff.access.control.KeyMaterial;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code Idempotency-Key} on every POST of the API (ADR 0014): the first request with a key claims
 * it; a retry with the same key and the same request gets the first answer again (with {@code
 * Idempotency-Replayed: true}) and runs nothing; the same key with a different request is refused
 * with 422; a retry while the first is still running gets 409 with {@code Retry-After}. Keys belong
 * to the API key that used them. Only successful answers are kept; a failed request may be retried.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 255;
    private static final String CLAIMED = "handoff.idempotency.claim";

    /** JSON-B as the API uses it to write answers, made when first needed. */
    private static final class Json {
        static final Jsonb B = JsonbBuilder.create();
    }

    @Inject
    IdempotencyService idempotency;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        if (!isWellFormed(key)) {
            request.abortWith(Problem.invalid(HEADER, HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters (letters, digits, punctuation; no spaces)"));
            return;
        }
        if (!(request.getProperty(ApiKeyFilter.CALLER) instanceof ApiCaller caller)) {
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String fingerprint = KeyMaterial.hash(request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath()
                + "?" + request.getUriInfo().getRequestUri().getRawQuery() + "\n" + Base64.getEncoder().encodeToString(body));
        Claim claim;
        try {
            claim = idempotency.claim(caller.keyId(), key, fingerprint);
        } catch (RuntimeException e) {
            claim = new Claim(IdempotencyService.Outcome.IN_PROGRESS, null, 0, null, null);
        }
        switch (claim.outcome()) {
            case FRESH -> request.setProperty(CLAIMED, claim.requestId());
            case REPLAY -> {
                Response.ResponseBuilder replay = Response.status(claim.status())
                        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                        .header("Idempotency-Replayed", "true")
                        .entity(claim.body() == null ? "" : claim.body());
                if (claim.location() != null) {
                    replay.header(HttpHeaders.LOCATION, claim.location());
                }
                request.abortWith(replay.build());
            }
            case IN_PROGRESS -> request.abortWith(Response.fromResponse(Problem.response(409, "idempotency-in-progress",
                    "Request still in progress", "A request with this " + HEADER + " is still being processed. Retry in a moment.", null))
                    .header(HttpHeaders.RETRY_AFTER, "1").build());
            case MISMATCH -> request.abortWith(Problem.response(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This " + HEADER + " was already used for a different request. Use a new key for a new request.",
                    List.of(new Problem.FieldError(HEADER, "already used for a different request"))));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof Long id)) {
            return;
        }
        request.removeProperty(CLAIMED);
        try {
            if (response.getStatus() >= 200 && response.getStatus() < 300) {
                Object entity = response.getEntity();
                String body = entity == null ? null : entity instanceof String s ? s : Json.B.toJson(entity);
                Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
                idempotency.answer(id, response.getStatus(), location == null ? null : location.toString(), body);
            } else {
                idempotency.release(id);
            }
        } catch (RuntimeException e) {
            // The answer still goes out; a retry then finds the claim abandoned after a while and runs again.
        }
    }

    static boolean isWellFormed(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                && key.getBytes(StandardCharsets.US_ASCII).length == key.length();
    }
}
