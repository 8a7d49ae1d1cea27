package dev.handoff.context.control;

import dev.handoff.context.control.CrmUnavailableException.Reason;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Looks customers up in HubSpot through its public CRM v3 REST API with a private-app token.
 * With an external id: {@code GET /crm/v3/objects/contacts/{id}?properties=…} (404 means none, and
 * the e-mail is tried next); with an e-mail: {@code POST /crm/v3/objects/contacts/search} filtering
 * {@code email EQ …}, limit 1. Every failure to get an answer is a {@link CrmUnavailableException}.
 */
public class HubSpotConnector implements CrmConnector {

    static final String CONTACTS = "/crm/v3/objects/contacts";

    private final HubSpotSettings settings;
    private final HubSpotContacts contacts;
    private final HttpClient http;

    public HubSpotConnector(HubSpotSettings settings) {
        this.settings = settings;
        this.contacts = new HubSpotContacts(settings);
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Optional<CrmProfile> lookup(CustomerKey key) throws CrmUnavailableException {
        if (key.externalId() != null) {
            Optional<CrmProfile> byId = byId(key.externalId());
            if (byId.isPresent() || key.email() == null) {
                return byId;
            }
        }
        return byEmail(key.email());
    }

    private Optional<CrmProfile> byId(String id) throws CrmUnavailableException {
        String query = "properties=" + settings.properties().stream().map(HubSpotConnector::encode).collect(Collectors.joining(","));
        if (settings.idProperty() != null && !settings.idProperty().isBlank()) {
            query += "&idProperty=" + encode(settings.idProperty().strip());
        }
        URI uri = URI.create(settings.api() + CONTACTS + "/" + encode(id) + "?" + query);
        Optional<JsonObject> reply = send(request(uri).GET().build());
        return reply.isEmpty() ? Optional.empty() : Optional.of(profile(reply.get()));
    }

    private Optional<CrmProfile> byEmail(String email) throws CrmUnavailableException {
        JsonArrayBuilder properties = Json.createArrayBuilder();
        settings.properties().forEach(properties::add);
        JsonObject body = Json.createObjectBuilder()
                .add("filterGroups", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("filters", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("propertyName", "email").add("operator", "EQ").add("value", email)))))
                .add("properties", properties)
                .add("limit", 1)
                .build();
        HttpRequest call = request(URI.create(settings.api() + CONTACTS + "/search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        Optional<JsonObject> reply = send(call);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        JsonArray results;
        try {
            results = reply.get().getJsonArray("results");
        } catch (ClassCastException e) {
            results = null;
        }
        if (results == null) {
            throw new CrmUnavailableException(Reason.BAD_RESPONSE, "HubSpot search reply has no results array");
        }
        return results.isEmpty() ? Optional.empty() : Optional.of(profile(results.get(0)));
    }

    private CrmProfile profile(Object contact) throws CrmUnavailableException {
        try {
            return contacts.profile((JsonObject) contact);
        } catch (RuntimeException e) { // ClassCastException, NullPointerException: not a contact object
            throw new CrmUnavailableException(Reason.BAD_RESPONSE, "HubSpot contact is malformed");
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Accept", "application/json");
    }

    /** The reply object, empty on 404, or the reason HubSpot did not answer. */
    private Optional<JsonObject> send(HttpRequest call) throws CrmUnavailableException {
        HttpResponse<String> response;
        try {
            response = http.send(call, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new CrmUnavailableException(Reason.TIMEOUT, "HubSpot did not answer in time");
        } catch (ConnectException e) {
            throw new CrmUnavailableException(Reason.UNREACHABLE, "HubSpot cannot be reached");
        } catch (IOException e) {
            throw new CrmUnavailableException(Reason.UNREACHABLE, "HubSpot I/O error: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmUnavailableException(Reason.TIMEOUT, "interrupted while waiting for HubSpot");
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 429) {
            throw new CrmUnavailableException(Reason.RATE_LIMITED, "HubSpot rate limit reached", retryAfter(response));
        }
        if (status == 401 || status == 403) {
            throw new CrmUnavailableException(Reason.UNAUTHORIZED, "HubSpot refused the access token (HTTP " + status + ")");
        }
        if (status >= 500) {
            throw new CrmUnavailableException(Reason.SERVER_ERROR, "HubSpot failed (HTTP " + status + ")");
        }
        if (status / 100 != 2) {
            throw new CrmUnavailableException(Reason.BAD_RESPONSE, "HubSpot rejected the request (HTTP " + status + ")");
        }
        try {
            JsonObject reply = Json.createReader(new StringReader(response.body())).readObject();
            return Optional.of(reply);
        } catch (RuntimeException e) {
            throw new CrmUnavailableException(Reason.BAD_RESPONSE, "HubSpot reply is not a JSON object");
        }
    }

    /** Retry-After in seconds; HubSpot does not always send it. */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
