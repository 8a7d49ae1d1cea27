package dev.handoff.platform;

import jakarta.ejb.ApplicationException;

/** Something asked for by id does not exist (or is not visible to the caller). */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
