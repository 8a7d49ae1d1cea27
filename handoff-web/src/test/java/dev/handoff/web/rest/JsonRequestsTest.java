package dev.handoff.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.platform.InvalidInputException;
import dev.handoff.web.rest.dto.EvaluateRequest;
import dev.handoff.web.rest.dto.PostMessageRequest;
import dev.handoff.web.rest.dto.StartConversationRequest;
import dev.handoff.web.rest.dto.SuiteCaseRequest;
import jakarta.json.JsonException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonRequestsTest {

    private static <T extends Record> T read(Class<T> type, String json) {
        return JsonRequests.read(type, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static InvalidInputException refused(Class<? extends Record> type, String json) {
        return assertThrows(InvalidInputException.class, () -> read(type, json));
    }

    private static String start(String customer) {
        return "{\"customer\":{\"externalId\":\"c-1\"," + customer + "}}";
    }

    @Test
    void aHugeExponentIsRefusedAtOnceBeforeAnyBigNumberExists() {
        InvalidInputException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> refused(StartConversationRequest.class, start("\"accountValue\":1e999999999")));
        assertEquals("customer.accountValue", e.field());
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> refused(StartConversationRequest.class, start("\"accountValue\":1e-999999999")));
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> refused(StartConversationRequest.class, start("\"accountValue\":" + "9".repeat(50_000))));
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> refused(PostMessageRequest.class, "{\"text\":\"x\",\"confidence\":1e999999999}"));
    }

    @Test
    void accountValuesMustFitTheirColumnDecimal15Comma2() {
        assertEquals("customer.accountValue", refused(StartConversationRequest.class, start("\"accountValue\":1e13")).field());
        assertEquals("customer.accountValue", refused(StartConversationRequest.class, start("\"accountValue\":10000000000000")).field());
        InvalidInputException cents = refused(StartConversationRequest.class, start("\"accountValue\":0.001"));
        assertTrue(cents.getMessage().contains("2 decimal places"), cents.getMessage());
        assertEquals(new BigDecimal("9999999999999.99"),
                read(StartConversationRequest.class, start("\"accountValue\":9999999999999.99")).customer().accountValue());
        assertEquals(0, new BigDecimal("48000").compareTo(
                read(StartConversationRequest.class, start("\"accountValue\":4.8e4")).customer().accountValue()));
        assertEquals(new BigDecimal("12.5"), read(StartConversationRequest.class, start("\"accountValue\":12.500")).customer().accountValue());
    }

    @Test
    void wrongTypesNameTheFieldAndWhatIsExpectedWithoutClassNames() {
        InvalidInputException metadata = refused(StartConversationRequest.class, "{\"customer\":{\"externalId\":\"x\"},\"metadata\":\"str\"}");
        assertEquals("metadata", metadata.field());
        assertEquals("metadata must be a JSON object", metadata.getMessage());
        InvalidInputException page = refused(StartConversationRequest.class, "{\"customer\":{\"externalId\":\"x\"},\"page\":\"x\"}");
        assertEquals("page", page.field());
        assertEquals("page must be an object", page.getMessage());
        assertEquals("confidence", refused(PostMessageRequest.class, "{\"text\":\"hi\",\"confidence\":\"high\"}").field());
        assertEquals("customer.name", refused(StartConversationRequest.class, start("\"name\":42")).field());
        assertEquals("customer.renewalDate", refused(StartConversationRequest.class, start("\"renewalDate\":\"tomorrow\"")).field());
        InvalidInputException farFuture = refused(StartConversationRequest.class, start("\"renewalDate\":\"+999999999-12-31\""));
        assertEquals("customer.renewalDate must be a date between 1000-01-01 and 9999-12-31", farFuture.getMessage());
        assertEquals("customer.renewalDate", refused(StartConversationRequest.class, start("\"renewalDate\":\"0999-12-31\"")).field());
        assertEquals("messages[1].text", refused(EvaluateRequest.class, "{\"messages\":[{\"text\":\"a\"},{\"text\":[]}]}").field());
        assertEquals("gate", refused(dev.handoff.web.rest.dto.GateRequest.class, "{\"gate\":\"yes\"}").field());
        InvalidInputException whole = refused(SuiteCaseRequest.class, "{\"expected\":\"stay\",\"upTo\":1e10}");
        assertEquals("upTo", whole.field());
        assertEquals("upTo", refused(SuiteCaseRequest.class, "{\"expected\":\"stay\",\"upTo\":1.5}").field());
        for (String json : new String[] {"[]", "\"text\"", "12"}) {
            InvalidInputException body = refused(PostMessageRequest.class, json);
            assertEquals("body", body.field());
            assertFalse(body.getMessage().contains("dev.handoff"), body.getMessage());
        }
    }

    @Test
    void stringsAreBoundedByTheirDocumentedMaxLength() {
        InvalidInputException name = refused(StartConversationRequest.class, start("\"name\":\"" + "n".repeat(201) + "\""));
        assertEquals("customer.name", name.field());
        assertTrue(name.getMessage().contains("200"), name.getMessage());
        assertEquals("n".repeat(200), read(StartConversationRequest.class, start("\"name\":\"" + "n".repeat(200) + "\"")).customer().name());
        assertEquals("clientMessageId", refused(PostMessageRequest.class, "{\"text\":\"hi\",\"clientMessageId\":\"" + "m".repeat(129) + "\"}").field());
    }

    @Test
    void validBodiesReadAsBeforeAndUnknownFieldsAreIgnored() {
        StartConversationRequest request = read(StartConversationRequest.class, "{\"customer\":{\"externalId\":\"c-9\",\"renewalDate\":\"2027-03-31\"},"
                + "\"page\":{\"url\":\"https://x.example\"},\"metadata\":{\"locale\":\"en\"},\"surprise\":[1,2,{\"a\":null}]}");
        assertEquals("c-9", request.customer().externalId());
        assertEquals(LocalDate.of(2027, 3, 31), request.customer().renewalDate());
        assertEquals("en", request.metadata().getString("locale"));
        assertNull(request.channel());
        PostMessageRequest post = read(PostMessageRequest.class, "{\"author\":\"bot\",\"text\":\"hi\",\"confidence\":0.25,\"page\":null}");
        assertEquals(0.25, post.confidence());
        assertNull(post.page());
        assertNull(read(PostMessageRequest.class, ""));
    }

    @Test
    void malformedJsonSaysWhereWithoutInternals() {
        JsonException e = assertThrows(JsonException.class, () -> read(PostMessageRequest.class, "{\"author\":\"customer\",\"text\":"));
        assertFalse(e.getMessage().contains("org."), e.getMessage());
        assertThrows(JsonException.class, () -> read(PostMessageRequest.class, "{\"a\":tru}"));
    }
}
