package dev.handoff.context.control;

import java.util.Optional;

/** Finds a customer's profile in a CRM. One implementation per CRM product. */
public interface CrmConnector {

    /**
     * The profile for {@code key}, or empty when the CRM has no such customer.
     *
     * @throws CrmUnavailableException when the CRM cannot answer now (down, slow, rate-limited,
     *     refusing our credentials, replying nonsense): the caller shows the handoff without a profile
     */
    Optional<CrmProfile> lookup(CustomerKey key) throws CrmUnavailableException;
}
