package dev.handoff.platform;

import jakarta.ejb.ApplicationException;

/** The request is valid but the state of things forbids it now (closed chat, chat already taken). */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
