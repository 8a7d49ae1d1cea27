package dev.handoff.web.rest;

import dev.handoff.escalation.boundary.PublishRefusedException;
import dev.handoff.escalation.control.InvalidSuiteException;
import dev.handoff.escalation.control.InvalidTriggerSetException;
import dev.handoff.platform.ConflictException;
import dev.handoff.platform.ForbiddenException;
import dev.handoff.platform.InvalidInputException;
import dev.handoff.web.fault.DatabaseOutage;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become HTTP answers: business exceptions (the typed ones in
 * {@code dev.handoff.platform}, {@code @ApplicationException}) map to 4xx problems naming what is
 * wrong; a database outage becomes 503 with {@code Retry-After} ({@link DatabaseOutage}); anything unexpected becomes a 500 problem with an incident id that matches
 * the server log, and no internals.
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        if (DatabaseOutage.isOutage(thrown)) {
            return DatabaseOutage.response(thrown);
        }
        Throwable e = unwrap(thrown);
        if (e instanceof InvalidTriggerSetException invalid) {
            return Problem.response(400, "invalid-trigger-set", "Invalid trigger set", invalid.getMessage(),
                    invalid.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        if (e instanceof InvalidSuiteException invalid) {
            return Problem.response(400, "invalid-suite", "Invalid labelled suite", invalid.getMessage(),
                    invalid.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        if (e instanceof PublishRefusedException refused) {
            return Problem.response(409, "below-floor", "Below the publishing floor", refused.getMessage(), null);
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid.field() == null
                    ? Problem.response(Response.Status.BAD_REQUEST, "invalid-request", "Invalid request",
                            plain(invalid.getMessage(), "The request is invalid."))
                    : Problem.invalid(invalid.field(), plain(invalid.getMessage(), "The request is invalid."));
        }
        if (e instanceof dev.handoff.platform.NotFoundException) {
            return Problem.response(Response.Status.NOT_FOUND, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof ForbiddenException || e instanceof EJBAccessException) {
            return Problem.response(Response.Status.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
        }
        if (e instanceof OptimisticLockException) {
            return Problem.response(Response.Status.CONFLICT, "conflict", "Conflict",
                    "Someone else changed this at the same moment. Read it again and retry.");
        }
        if (e instanceof ConflictException) {
            return Problem.response(Response.Status.CONFLICT, "conflict", "Conflict",
                    plain(e.getMessage(), "The request conflicts with the current state. Read it again and retry."));
        }
        // A plain IllegalArgumentException or IllegalStateException is a bug, not the caller's fault:
        // it falls through to the 500 with an incident id below.
        if (e instanceof JsonbException || e instanceof JsonException || e instanceof ProcessingException) {
            return Problem.response(Response.Status.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON or a value has the wrong type: " + firstLine(e));
        }
        if (e instanceof NotAllowedException) {
            return Problem.response(Response.Status.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    "This endpoint does not accept that HTTP method.");
        }
        if (e instanceof NotSupportedException) {
            return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json.");
        }
        if (e instanceof NotAcceptableException) {
            return Problem.response(Response.Status.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                    "This endpoint answers application/json (or text/event-stream for streams).");
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return Problem.response(status, "http-" + status, Response.Status.fromStatusCode(status) == null
                    ? "Request refused" : Response.Status.fromStatusCode(status).getReasonPhrase(),
                    status == 404 ? "There is no such endpoint or resource." : e.getMessage(), null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "API incident " + incident, thrown);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side. Quote incident " + incident + " to your Handoff administrator.");
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof EJBException || e instanceof jakarta.persistence.PersistenceException
                && e.getCause() instanceof OptimisticLockException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ProcessingException && (e.getCause() instanceof JsonbException || e.getCause() instanceof JsonException
                || e.getCause() instanceof InvalidInputException)) {
            return e.getCause();
        }
        return e;
    }

    private static final java.util.regex.Pattern INTERNALS =
            java.util.regex.Pattern.compile("\\b([a-z_$][\\w$]*\\.){2,}[A-Za-z_$][\\w$]*|Exception|EclipseLink|Internal Exception|SQL");

    /** Our own words for the caller; a message that shows library or database internals gives way to {@code fallback}. */
    static String plain(String message, String fallback) {
        if (message == null || message.isBlank() || INTERNALS.matcher(message).find()) {
            return fallback;
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
        if (message == null) {
            return "unreadable body";
        }
        String line = message.lines().findFirst().orElse(message)
                .replaceAll("(class |interface )?\\b([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(@[0-9a-f]+)?", "a value");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
