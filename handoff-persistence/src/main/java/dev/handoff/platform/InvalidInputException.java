package dev.handoff.platform;

import jakarta.ejb.ApplicationException;

/**
 * Input that breaks a rule, naming the field at fault when there is one. A business exception: it
 * rolls back, and reaches the caller as a 400 problem or a page message. It extends {@link
 * IllegalArgumentException} so entity and value checks can throw it; a plain {@code
 * IllegalArgumentException} is a bug and reaches the caller as an error with an incident id.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** A rule about the input as a whole, or about a field the thrower cannot name. */
    public InvalidInputException(String message) {
        this(null, message);
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }
}
