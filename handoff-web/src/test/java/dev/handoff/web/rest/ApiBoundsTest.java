package dev.handoff.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.conversation.entity.ChatNote;
import dev.handoff.conversation.entity.Conversation;
import dev.handoff.conversation.entity.Customer;
import dev.handoff.conversation.entity.Message;
import dev.handoff.escalation.entity.SuiteCase;
import dev.handoff.escalation.entity.TriggerSetVersion;
import dev.handoff.web.rest.dto.CustomerRequest;
import dev.handoff.web.rest.dto.FollowUpRequest;
import dev.handoff.web.rest.dto.PageRequest;
import dev.handoff.web.rest.dto.PostMessageRequest;
import dev.handoff.web.rest.dto.PublishRequest;
import dev.handoff.web.rest.dto.StartConversationRequest;
import dev.handoff.web.rest.dto.SuiteCaseRequest;
import jakarta.persistence.Column;
import jakarta.validation.constraints.Digits;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * What the API accepts fits where it is stored: every text a request carries is bounded
 * ({@code @Schema(maxLength)}, enforced by {@link JsonRequests}), and each bound is at most the
 * length of the column that keeps the value; numbers fit their DECIMAL.
 */
class ApiBoundsTest {

    /** Request component → the entity field (column) that stores it as sent. */
    private static final Map<String, String> STORED_IN = Map.ofEntries(
            Map.entry("CustomerRequest.externalId", "Customer.externalId"),
            Map.entry("CustomerRequest.name", "Customer.name"),
            Map.entry("CustomerRequest.email", "Customer.email"),
            Map.entry("CustomerRequest.tier", "Customer.tier"),
            Map.entry("CustomerRequest.company", "Customer.company"),
            Map.entry("CustomerRequest.notes", "Customer.notes"),
            Map.entry("StartConversationRequest.channel", "Conversation.channel"),
            Map.entry("PageRequest.url", "Conversation.pageUrl"),
            Map.entry("PageRequest.title", "Conversation.pageTitle"),
            Map.entry("PostMessageRequest.text", "Message.text"),
            Map.entry("PostMessageRequest.intent", "Message.intent"),
            Map.entry("PostMessageRequest.clientMessageId", "Message.clientMessageId"),
            Map.entry("SuiteCaseRequest.category", "SuiteCase.category"),
            Map.entry("SuiteCaseRequest.expectedTrigger", "SuiteCase.expectedTrigger"),
            Map.entry("SuiteCaseRequest.notes", "SuiteCase.notes"),
            Map.entry("PublishRequest.note", "TriggerSetVersion.changeNote"),
            Map.entry("PublishRequest.overrideReason", "TriggerSetVersion.overrideReason"));

    private static final List<Class<?>> ENTITIES = List.of(Customer.class, Conversation.class, Message.class, SuiteCase.class,
            TriggerSetVersion.class);

    @Test
    void everyTextARequestCarriesIsBounded() throws Exception {
        List<String> unbounded = new ArrayList<>();
        for (Class<?> dto : requestRecords()) {
            for (RecordComponent c : dto.getRecordComponents()) {
                Schema schema = c.getAccessor().getAnnotation(Schema.class);
                if (c.getType() == String.class && (schema == null || schema.maxLength() <= 0)) {
                    unbounded.add(dto.getSimpleName() + "." + c.getName());
                }
            }
        }
        assertEquals(List.of(), unbounded, "request texts without @Schema(maxLength)");
    }

    @Test
    void eachBoundFitsTheColumnThatStoresTheValue() throws Exception {
        List<String> misfits = new ArrayList<>();
        for (Map.Entry<String, String> e : STORED_IN.entrySet()) {
            int accepted = maxLength(e.getKey());
            int column = columnLength(e.getValue());
            if (accepted > column) {
                misfits.add(e.getKey() + " accepts " + accepted + " but " + e.getValue() + " holds " + column);
            }
        }
        assertEquals(List.of(), misfits);
        Digits digits = CustomerRequest.class.getRecordComponents()[4].getAccessor().getAnnotation(Digits.class);
        Column value = Customer.class.getDeclaredField("accountValue").getAnnotation(Column.class);
        assertEquals(value.precision(), digits.integer() + digits.fraction(), "accountValue digits = DECIMAL precision");
        assertEquals(value.scale(), digits.fraction(), "accountValue decimal places = DECIMAL scale");
    }

    @Test
    void everyRequestTextThatIsStoredAsSentIsListedAbove() throws Exception {
        List<String> stored = List.of("CustomerRequest", "StartConversationRequest", "PageRequest", "PostMessageRequest",
                "SuiteCaseRequest", "PublishRequest");
        List<String> missing = new ArrayList<>();
        for (Class<?> dto : requestRecords()) {
            if (!stored.contains(dto.getSimpleName())) {
                continue;
            }
            for (RecordComponent c : dto.getRecordComponents()) {
                String key = dto.getSimpleName() + "." + c.getName();
                boolean enumLike = c.getAccessor().getAnnotation(Schema.class) != null
                        && c.getAccessor().getAnnotation(Schema.class).enumeration().length > 0;
                if (c.getType() == String.class && !enumLike && !STORED_IN.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        assertEquals(List.of(), missing, "add them to STORED_IN with the column that keeps them");
    }

    @Test
    void derivedCopiesAreCutToTheirColumnAndComposedTextsFit() throws Exception {
        // The follow-up note carries the customer's name (up to 200) as its author (120 in chat_note).
        ChatNote note = new ChatNote("c", ChatNote.Kind.FOLLOW_UP, "customer", "n".repeat(maxLength("CustomerRequest.name")), "text",
                Instant.EPOCH);
        assertTrue(note.getAuthorName().length() <= columnLength(ChatNote.class, "authorName"), note.getAuthorName());
        // ... and a text made of the contact and the preferred time.
        int composed = "The customer asked for a written reply to  (preferred: ).".length()
                + maxLength("FollowUpRequest.contact") + maxLength("FollowUpRequest.preferredTime");
        assertTrue(composed <= ChatNote.MAX_TEXT, "follow-up note " + composed);
        int confirmation = ("Thanks - we'll get back to you with a written reply to  (preferred: ). Your request keeps its place, "
                + "so whoever picks it up sees everything you've written.").length()
                + maxLength("FollowUpRequest.contact") + maxLength("FollowUpRequest.preferredTime");
        assertTrue(confirmation <= Message.MAX_TEXT, "follow-up confirmation " + confirmation);
        assertEquals(Message.MAX_TEXT, maxLength("PostMessageRequest.text"));
    }

    private static int maxLength(String component) throws Exception {
        String[] parts = component.split("\\.");
        Class<?> dto = Class.forName("dev.handoff.web.rest.dto." + parts[0]);
        for (RecordComponent c : dto.getRecordComponents()) {
            if (c.getName().equals(parts[1])) {
                return c.getAccessor().getAnnotation(Schema.class).maxLength();
            }
        }
        throw new AssertionError("no component " + component);
    }

    private static int columnLength(String field) throws Exception {
        String[] parts = field.split("\\.");
        Class<?> entity = ENTITIES.stream().filter(c -> c.getSimpleName().equals(parts[0])).findFirst().orElseThrow();
        return columnLength(entity, parts[1]);
    }

    private static int columnLength(Class<?> entity, String field) throws Exception {
        return entity.getDeclaredField(field).getAnnotation(Column.class).length();
    }

    /** The records under web.rest.dto that requests are read into (named *Request, and their nested records). */
    private static List<Class<?>> requestRecords() throws IOException, URISyntaxException {
        Path dir = Path.of(PageRequest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dev/handoff/web/rest/dto");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.map(Path::getFileName).sorted().toList()) {
                String name = f.toString();
                if (name.endsWith(".class") && name.replace(".class", "").replaceAll("\\$.*", "").endsWith("Request")) {
                    try {
                        Class<?> type = Class.forName("dev.handoff.web.rest.dto." + name.replace(".class", ""));
                        if (type.isRecord()) {
                            found.add(type);
                        }
                    } catch (ClassNotFoundException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        assertTrue(found.contains(StartConversationRequest.class) && found.contains(FollowUpRequest.class)
                && found.contains(PostMessageRequest.class) && found.contains(PublishRequest.class) && found.contains(SuiteCaseRequest.class));
        return found;
    }
}
