package dev.handoff.integration.control;

import java.time.Instant;
import java.util.List;

/**
 * What one connected system knows about a customer, for the agent before they accept: the recent
 * helpdesk tickets (Zendesk, Freshdesk) or the CRM deals (HubSpot). {@code unavailable} says why
 * there is nothing to show when the system could not be asked (down, slow, refusing the credentials);
 * {@code note} explains an empty list that is not a failure (no e-mail to search by).
 */
public record CustomerRecords(String connector, String kind, String what, List<Item> items, String unavailable, String note, Instant fetchedAt) {

    /** Most items shown per system. */
    public static final int MAX_ITEMS = 5;

    public CustomerRecords {
        items = items == null ? List.of() : List.copyOf(items.subList(0, Math.min(MAX_ITEMS, items.size())));
    }

    /** A ticket or a deal: its id, title, status ("open", "closedwon"), a detail (an amount), when, a link. */
    public record Item(String id, String title, String status, String detail, Instant at, String url) {}

    public static CustomerRecords unavailable(ConnectorConfig c, String what, String why, Instant now) {
        return new CustomerRecords(c.name(), c.kind().name().toLowerCase(), what, List.of(), why, null, now);
    }

    public static CustomerRecords found(ConnectorConfig c, String what, List<Item> items, Instant now) {
        return new CustomerRecords(c.name(), c.kind().name().toLowerCase(), what, items, null, null, now);
    }

    public static CustomerRecords none(ConnectorConfig c, String what, String note, Instant now) {
        return new CustomerRecords(c.name(), c.kind().name().toLowerCase(), what, List.of(), null, note, now);
    }

    public boolean isAvailable() {
        return unavailable == null;
    }
}
