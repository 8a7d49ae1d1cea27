package dev.handoff.context.control;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to reach HubSpot and which contact properties hold what. {@code token} is a private-app
 * access token; {@code portalId} (the hub id, optional) builds links to the record in HubSpot's UI;
 * {@code idProperty} (optional) says which unique property a {@link CustomerKey#externalId()} is
 * matched against — null means HubSpot's own record id. The tier, account value, renewal date and
 * notes are custom properties, named {@code handoff_*} by default; the owner is HubSpot's
 * {@code hubspot_owner_id}. A blank property name switches that field off.
 * {@link #toString()} never shows the token.
 */
public record HubSpotSettings(URI baseUrl, String token, String portalId, String idProperty, String tierProperty,
        String accountValueProperty, String renewalDateProperty, String ownerProperty, String notesProperty,
        Duration connectTimeout, Duration requestTimeout) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.hubapi.com");

    public HubSpotSettings {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        Objects.requireNonNull(token, "token");
        tierProperty = orDefault(tierProperty, "handoff_tier");
        accountValueProperty = orDefault(accountValueProperty, "handoff_account_value");
        renewalDateProperty = orDefault(renewalDateProperty, "handoff_renewal_date");
        ownerProperty = orDefault(ownerProperty, "hubspot_owner_id");
        notesProperty = orDefault(notesProperty, "handoff_notes");
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
    }

    /** Defaults for everything but where and who. */
    public HubSpotSettings(URI baseUrl, String token) {
        this(baseUrl, token, null, null, null, null, null, null, null, null, null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value.strip();
    }

    /** The properties asked for: the HubSpot standard ones, then each configured custom one. */
    public List<String> properties() {
        List<String> names = new ArrayList<>(List.of("email", "firstname", "lastname", "company"));
        for (String p : List.of(tierProperty, accountValueProperty, renewalDateProperty, ownerProperty, notesProperty)) {
            if (!p.isEmpty() && !names.contains(p)) {
                names.add(p);
            }
        }
        return names;
    }

    public String api() {
        String base = baseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public String toString() {
        return "HubSpotSettings[baseUrl=" + baseUrl + ", token=***, portalId=" + portalId + ", properties=" + properties() + "]";
    }
}
