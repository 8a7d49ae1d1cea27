package dev.handoff.escalation.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The trigger set a fresh install ships with ({@code triggers/default-trigger-set.json}), and JSON (de)serialisation of documents. */
public final class DefaultTriggerSet {

    public static final String RESOURCE = "triggers/default-trigger-set.json";
    private static final JsonbConfig CONFIG = new JsonbConfig().withFormatting(true);

    private DefaultTriggerSet() {}

    public static String json() {
        try (InputStream in = DefaultTriggerSet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TriggerSetDocument document() {
        return parse(json());
    }

    public static TriggerSetDocument parse(String json) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(json, TriggerSetDocument.class);
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
    }

    public static String toJson(TriggerSetDocument document) {
        try (Jsonb jsonb = JsonbBuilder.create(CONFIG)) {
            return jsonb.toJson(document);
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
    }
}
