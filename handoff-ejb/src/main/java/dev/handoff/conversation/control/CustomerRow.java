package dev.handoff.conversation.control;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One customer from an import file, already validated: an external id or an e-mail (or both), and
 * optional name, tier, account value, renewal date and notes. {@code line} is the file line the
 * record starts on (0 for rows that did not come from a file).
 */
public record CustomerRow(int line, String externalId, String email, String name, String tier, BigDecimal accountValue,
        LocalDate renewalDate, String notes) {}
