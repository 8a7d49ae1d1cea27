package dev.handoff.context.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads a HubSpot CRM v3 contact object ({@code {"id":"…","properties":{…},"archived":false}}) into
 * a {@link CrmProfile}. HubSpot sends every property value as a string or null; a value that does
 * not parse (an account value of "n/a") becomes null rather than failing the whole lookup.
 */
final class HubSpotContacts {

    private final HubSpotSettings settings;

    HubSpotContacts(HubSpotSettings settings) {
        this.settings = settings;
    }

    CrmProfile profile(JsonObject contact) {
        String id = contact.getString("id");
        JsonObject p = contact.getJsonObject("properties");
        String name = (text(p, "firstname", "") + " " + text(p, "lastname", "")).strip();
        return new CrmProfile(id, name.isEmpty() ? null : name, text(p, "email", null), text(p, "company", null),
                text(p, settings.tierProperty(), null), money(text(p, settings.accountValueProperty(), null)),
                date(text(p, settings.renewalDateProperty(), null)), text(p, settings.ownerProperty(), null),
                text(p, settings.notesProperty(), null), link(id));
    }

    private String link(String id) {
        return settings.portalId() == null || settings.portalId().isBlank() ? null
                : "https://app.hubspot.com/contacts/" + settings.portalId().strip() + "/record/0-1/" + id;
    }

    private static String text(JsonObject properties, String name, String fallback) {
        if (properties == null || name.isEmpty()) {
            return fallback;
        }
        JsonValue value = properties.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        String text = value.getValueType() == JsonValue.ValueType.STRING ? properties.getString(name) : value.toString();
        return text.isBlank() ? fallback : text.strip();
    }

    static BigDecimal money(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Date properties come as "2026-03-14", as an ISO timestamp, or as epoch milliseconds at UTC midnight. */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
            if (value.matches("-?\\d{9,}")) {
                return Instant.ofEpochMilli(Long.parseLong(value)).atZone(ZoneOffset.UTC).toLocalDate();
            }
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
