package dev.handoff.platform;

import jakarta.ejb.ApplicationException;

/** The caller is known but may not touch this object (another agent's chat). */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
