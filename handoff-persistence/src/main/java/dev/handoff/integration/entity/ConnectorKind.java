package dev.handoff.integration.entity;

/** The systems Handoff delivers to. */
public enum ConnectorKind {
    /** Any URL an admin registers: signed JSON events. */
    WEBHOOK,
    /** Block Kit messages with a Claim button (chat.postMessage / chat.update). */
    SLACK,
    /** Tickets through the Zendesk Tickets API v2. */
    ZENDESK,
    /** Tickets through the Freshdesk API v2. */
    FRESHDESK,
    /** Adaptive Cards to a Teams incoming webhook or Workflows URL. */
    TEAMS,
    /** Notes on the HubSpot contact after resolution. */
    HUBSPOT
}
