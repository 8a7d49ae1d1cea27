package dev.handoff.web.fault;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.stream.JsonParsingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class JsonSyntaxGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"customer\":[}", "{\"a\":{", "{\"customer\":[[[[", "[1,2", "{\"text\":\"hi\"", "{\"a\":1,}", "{'a':1}", "{} {}"})
    void bodiesThatBreakOffAreMalformed(String body) {
        assertThrows(JsonParsingException.class, () -> JsonSyntaxGuard.checkSyntax(body.getBytes(StandardCharsets.UTF_8)));
    }

    @org.junit.jupiter.api.Test
    void aDocumentNestedTooDeeplyIsMalformed() {
        byte[] deep = ("[".repeat(1500) + "]".repeat(1500)).getBytes(StandardCharsets.UTF_8);
        assertThrows(jakarta.json.JsonException.class, () -> JsonSyntaxGuard.checkSyntax(deep));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"hi\"}", "{\"customer\":{\"externalId\":\"x\"},\"metadata\":{\"a\":[1,{\"b\":null}]}}", "[]", "\"x\"", "{\"a\":1}  \n"})
    void wellFormedBodiesPass(String body) {
        assertDoesNotThrow(() -> JsonSyntaxGuard.checkSyntax(body.getBytes(StandardCharsets.UTF_8)));
    }
}
