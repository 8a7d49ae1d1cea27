package dev.handoff.web.rest;

import dev.handoff.platform.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.constraints.Digits;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reads an API request body into its DTO record, strictly: a value of the wrong JSON type, a
 * string over the {@code @Schema(maxLength)} of its component, or a number beyond its
 * {@code @Digits} is refused with the field's path and what is expected, never with a class name.
 *
 * <p>Numbers are bounded while the body is parsed, before any big value exists: a number token
 * longer than {@value #MAX_NUMBER_CHARS} characters or with an exponent beyond {@value
 * #MAX_EXPONENT} is refused as it is read, so {@code 1e999999999} costs nothing.
 */
final class JsonRequests {

    static final int MAX_NUMBER_CHARS = 40;
    static final int MAX_EXPONENT = 400;

    /**
     * The JSON-P provider, looked up once: every {@code Json.createX} call looks it up again
     * (a service-loader scan of the class path), which cost more CPU per message than the post's
     * own work (ADR 0040). Parsson's provider is thread-safe.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    private JsonRequests() {}

    /** The body as the record, or null for an empty body (the resource then says the body is required). */
    static <T extends Record> T read(Class<T> type, InputStream body) {
        JsonValue tree = parse(body);
        if (tree == null) {
            return null;
        }
        return type.cast(map(tree, type, "body", type));
    }

    /** Parses the body into a tree, refusing oversized number tokens on the way; null when empty. */
    static JsonValue parse(InputStream body) {
        String text;
        try {
            text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.isBlank()) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            return value(parser, parser.next(), "");
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw new JsonException(at == null ? "The request body is not valid JSON."
                    : "The request body is not valid JSON (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ").");
        } catch (java.util.NoSuchElementException e) {
            throw new JsonException("The request body is not valid JSON (it ends too early).");
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, String path) {
        return switch (event) {
            case START_OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                while (parser.next() != JsonParser.Event.END_OBJECT) {
                    String key = parser.getString();
                    object.add(key, value(parser, parser.next(), join(path, key)));
                }
                yield object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                JsonParser.Event next;
                int i = 0;
                while ((next = parser.next()) != JsonParser.Event.END_ARRAY) {
                    array.add(value(parser, next, path + "[" + i++ + "]"));
                }
                yield array.build();
            }
            case VALUE_STRING -> JSON.createValue(parser.getString());
            case VALUE_NUMBER -> JSON.createValue(boundedNumber(parser.getString(), path.isEmpty() ? "body" : path));
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new JsonException("The request body is not valid JSON.");
        };
    }

    /**
     * The number written in a JSON token, checked as text first: at most {@value #MAX_NUMBER_CHARS}
     * characters and an exponent of at most {@value #MAX_EXPONENT}, so what is built is small.
     */
    static BigDecimal boundedNumber(String token, String field) {
        if (token.length() > MAX_NUMBER_CHARS) {
            throw new InvalidInputException(field, field + " has too many digits (at most " + MAX_NUMBER_CHARS + " characters)");
        }
        int e = Math.max(token.indexOf('e'), token.indexOf('E'));
        if (e >= 0) {
            String exponent = token.substring(e + 1).replace("+", "").replace("-", "");
            if (exponent.length() > 3 || Integer.parseInt(exponent) > MAX_EXPONENT) {
                throw new InvalidInputException(field, field + " is out of range");
            }
        }
        return new BigDecimal(token);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Object map(JsonValue value, Type type, String field, Object where) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return type instanceof Class<?> c && c.isPrimitive() ? primitiveDefault(c) : null;
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            String text = as(value, JsonString.class, field, "a string").getString();
            Schema schema = where instanceof RecordComponent rc ? rc.getAccessor().getAnnotation(Schema.class) : null;
            if (schema != null && schema.maxLength() > 0 && text.length() > schema.maxLength()) {
                throw new InvalidInputException(field, field + " is longer than " + schema.maxLength() + " characters (" + text.length() + ")");
            }
            return text;
        }
        if (raw == BigDecimal.class) {
            BigDecimal number = as(value, JsonNumber.class, field, "a number").bigDecimalValue();
            Digits digits = where instanceof RecordComponent rc ? rc.getAccessor().getAnnotation(Digits.class) : null;
            return digits == null ? number : withinDigits(number, digits, field);
        }
        if (raw == Double.class || raw == double.class) {
            return as(value, JsonNumber.class, field, "a number").doubleValue();
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return whole(as(value, JsonNumber.class, field, "a whole number").bigDecimalValue(), raw, field);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
                return value.getValueType() == JsonValue.ValueType.TRUE;
            }
            throw wrongType(field, "true or false");
        }
        if (raw == LocalDate.class) {
            String text = as(value, JsonString.class, field, "a date (YYYY-MM-DD)").getString();
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw wrongType(field, "a date (YYYY-MM-DD)");
            }
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                // ISO allows "+999999999-12-31"; a DATE column holds the years 1000 to 9999
                throw new InvalidInputException(field, field + " must be a date between 1000-01-01 and 9999-12-31");
            }
            return date;
        }
        if (raw == JsonObject.class) {
            return as(value, JsonObject.class, field, "a JSON object");
        }
        if (raw == List.class) {
            JsonArray array = as(value, JsonArray.class, field, "an array");
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                items.add(map(array.get(i), element, field + "[" + i + "]", element));
            }
            return items;
        }
        if (raw.isRecord()) {
            return record(as(value, JsonObject.class, field, "an object"), raw, field);
        }
        throw new IllegalStateException("No JSON mapping for " + raw.getSimpleName());
    }

    private static Object record(JsonObject object, Class<?> type, String field) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String path = field.equals("body") ? c.getName() : field + "." + c.getName();
            args[i] = map(object.get(c.getName()), c.getGenericType(), path, c);
            types[i] = c.getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getSimpleName(), e);
        }
    }

    /** The number if it fits the column: integer digits and decimal places, as {@code @Digits} says. */
    static BigDecimal withinDigits(BigDecimal number, Digits digits, String field) {
        BigDecimal plain = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        int integerDigits = Math.max(0, plain.precision() - plain.scale());
        if (integerDigits > digits.integer()) {
            throw new InvalidInputException(field, field + " must be below 1e" + digits.integer()
                    + " (at most " + digits.integer() + " digits before the decimal point)");
        }
        if (plain.scale() > digits.fraction()) {
            throw new InvalidInputException(field, field + " has more than " + digits.fraction() + " decimal places");
        }
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static Object whole(BigDecimal number, Class<?> raw, String field) {
        boolean isLong = raw == Long.class || raw == long.class;
        try {
            return isLong ? (Object) number.longValueExact() : (Object) number.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(field, field + " must be a whole number between "
                    + (isLong ? Long.MIN_VALUE + " and " + Long.MAX_VALUE : Integer.MIN_VALUE + " and " + Integer.MAX_VALUE));
        }
    }

    private static <V extends JsonValue> V as(JsonValue value, Class<V> type, String field, String expected) {
        if (!type.isInstance(value)) {
            throw wrongType(field, expected);
        }
        return type.cast(value);
    }

    private static InvalidInputException wrongType(String field, String expected) {
        return new InvalidInputException(field, field + " must be " + expected);
    }

    private static Object primitiveDefault(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0d;
        }
        return type == long.class ? (Object) 0L : (Object) 0;
    }
}
