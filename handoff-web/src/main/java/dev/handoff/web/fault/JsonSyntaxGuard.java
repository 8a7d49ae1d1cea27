package dev.handoff.web.fault;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads every JSON request body once with the streaming parser before JSON-B binds it. A body cut
 * off inside a property that the target type does not know (for example {@code {"x":[}}) sent
 * JSON-B's skip of that property into an endless loop at the end of input, holding an HTTP thread
 * at full CPU per request; the streaming parser reports it as malformed JSON (400) instead.
 * Bodies are already limited in size by {@code RequestLimits}; a document nested deeper than
 * the parser allows (1,000 levels) is malformed too.
 */
@Provider
public class JsonSyntaxGuard implements ReaderInterceptor {

    /** Looked up once, not per body ({@code Json.createParser} scans the class path each time; ADR 0040). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.getSubtype().endsWith("+json")) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0) {
            checkSyntax(body);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** Walks the whole document; throws a {@link JsonException} (400 "Malformed JSON") where it breaks off. */
    static void checkSyntax(byte[] body) {
        try (InputStream in = new ByteArrayInputStream(body); JsonParser parser = JSON.createParser(in)) {
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson reports "Input is too deeply nested 1,000" as a bare RuntimeException.
            throw new JsonException(e.getMessage() == null ? "unreadable body" : e.getMessage(), e);
        }
    }
}
