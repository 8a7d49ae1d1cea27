package dev.handoff.platform.events;

import java.util.Set;

/** Offers for a conversation were made, taken or withdrawn; these agents' inboxes changed. */
public record OfferChanged(String conversationId, Set<String> agents) {}
