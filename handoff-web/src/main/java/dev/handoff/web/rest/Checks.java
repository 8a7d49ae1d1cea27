package dev.handoff.web.rest;

import dev.handoff.conversation.entity.Message;
import dev.handoff.platform.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;

/** Field checks for API requests; each failure names the JSON field at fault. */
public final class Checks {

    private Checks() {}

    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }

    public static String max(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters (" + value.length() + ")");
        }
        return value;
    }

    public static String text(String value, String field) {
        required(value, field);
        return max(value, Message.MAX_TEXT, field);
    }

    public static String email(String value, String field) {
        max(value, 254, field);
        if (value != null && !value.isBlank() && !value.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException(field, field + " is not an e-mail address");
        }
        return value;
    }

    public static String url(String value, String field) {
        max(value, 2048, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new InvalidInputException(field, field + " must be an http or https URL");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, field + " is not a valid URL");
        }
    }

    public static Double confidence(Double value, String field) {
        if (value != null && (value.isNaN() || value < 0 || value > 1)) {
            throw new InvalidInputException(field, field + " must be between 0 and 1");
        }
        return value;
    }

    /**
     * A whole-number query parameter: absent means {@code fallback}; anything else must be digits
     * within [min, max], or the answer is 400 naming the parameter (JAX-RS would answer 404).
     */
    public static int intParam(String raw, int fallback, int min, int max, String name) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String value = raw.strip();
        if (value.matches("[+-]?\\d{1,10}")) {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        throw new InvalidInputException(name, name + " must be a whole number between " + min + " and " + max);
    }
}
