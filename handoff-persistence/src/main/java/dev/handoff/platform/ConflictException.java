package dev.handoff.platform;

import jakarta.ejb.ApplicationException;

/**
 * The request is valid but the state of things forbids it now (closed chat, chat already taken).
 * A business exception: it rolls back, and reaches the caller as a 409 problem or a page message.
 * It extends {@link IllegalStateException} so an entity's state rule reads as what it is; a plain
 * {@code IllegalStateException} is a bug and reaches the caller as an error with an incident id.
 */
@ApplicationException(rollback = true)
public class ConflictException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
