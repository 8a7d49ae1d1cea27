package dev.handoff.context.control;

import java.time.Duration;
import java.util.Optional;

/**
 * The CRM could not answer a lookup. Checked on purpose: a missing profile must never stop a
 * handoff, so callers are made to decide (usually: carry on without the profile, retry later).
 * In an EJB a checked exception is also an application exception, so it does not roll back the
 * boundary's transaction the way a runtime exception would.
 *
 * <p>The message is safe to log and show: it never holds the access token or the reply body.
 */
public class CrmUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the CRM did not answer. */
    public enum Reason {
        RATE_LIMITED, UNAUTHORIZED, TIMEOUT, UNREACHABLE, SERVER_ERROR, BAD_RESPONSE
    }

    private final Reason reason;
    private final Duration retryAfter;

    public CrmUnavailableException(Reason reason, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public CrmUnavailableException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** How long the CRM asked us to wait (HTTP Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
