package dev.handoff.context.control;

import dev.handoff.platform.InvalidInputException;
import java.util.Locale;

/**
 * How a customer is looked up in a CRM: the CRM's own record id when we know it, their e-mail
 * address, or both (the id is tried first). Blank parts become null; at least one must be given.
 */
public record CustomerKey(String externalId, String email) {

    public CustomerKey {
        externalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (externalId == null && email == null) {
            throw new InvalidInputException("a customer key needs an external id or an e-mail address");
        }
    }

    public static CustomerKey ofEmail(String email) {
        return new CustomerKey(null, email);
    }

    public static CustomerKey ofExternalId(String externalId) {
        return new CustomerKey(externalId, null);
    }
}
