package dev.handoff.context.control;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the agent sees about a customer from the CRM. Every field but {@code crmId} may be null
 * when the CRM has no value; {@code sourceUrl} links to the record in the CRM's own UI.
 */
public record CrmProfile(String crmId, String name, String email, String company, String tier, BigDecimal accountValue,
        LocalDate renewalDate, String owner, String notes, String sourceUrl) {}
