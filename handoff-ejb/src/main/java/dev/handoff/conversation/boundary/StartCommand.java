package dev.handoff.conversation.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the bot platform tells us when a chat starts. */
public record StartCommand(String customerExternalId, String customerName, String customerEmail, String customerTier,
        BigDecimal customerAccountValue, String channel, String pageUrl, String pageTitle, String metadataJson,
        String customerCompany, LocalDate customerRenewalDate, String customerNotes) {

    public StartCommand(String customerExternalId, String customerName, String customerEmail, String customerTier,
            BigDecimal customerAccountValue, String channel, String pageUrl, String pageTitle, String metadataJson) {
        this(customerExternalId, customerName, customerEmail, customerTier, customerAccountValue, channel, pageUrl, pageTitle, metadataJson,
                null, null, null);
    }
}
