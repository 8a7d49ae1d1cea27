package dev.handoff.conversation.boundary;

import java.math.BigDecimal;

/** What the bot platform tells us when a chat starts. */
public record StartCommand(String customerExternalId, String customerName, String customerEmail, String customerTier,
        BigDecimal customerAccountValue, String channel, String pageUrl, String pageTitle, String metadataJson) {}
