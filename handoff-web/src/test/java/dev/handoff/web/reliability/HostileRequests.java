package dev.handoff.web.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of hostile requests against the public bot API: wrong types, huge and odd
 * numbers, long and strange strings, broken and deeply nested JSON, odd ids and query values,
 * wrong media types and methods. The same seed gives the same requests, so a failure can be
 * replayed.
 *
 * <p>Without {@code knownOpen}, the generator leaves out the inputs that issue 11 already lists as
 * open and another change fixes (numbers beyond their column, values of the wrong JSON type whose
 * error names a class, percent-encoded slashes in ids): those runs must be clean today. With it,
 * everything is sent and the findings are reported.
 */
public final class HostileRequests {

    /** One request: the category says which part of the generator made it. */
    public record Request(String category, String method, String path, String contentType, String body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…(" + body.length() + ")" : body;
            return category + ": " + method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path) + " " + shown;
        }
    }

    private static final String[] STRINGS = {
        "", " ", "a", "null", "undefined", "NaN", "true", "0", "-1", "<script>alert(1)</script>", "'; DROP TABLE customer; --",
        "\" OR 1=1 --", "../../etc/passwd", "%00", "\\u0000", "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "{{7*7}}", "😀😀😀",
        "usr-café", "ß", "İ", "\u202Eevil", "\u0000nul", "line\nbreak", "tab\tbed", "\r\n\r\nHTTP/1.1 200 OK", "%s%s%s%n",
        "javascript:alert(1)", "https://example.com/" + "x".repeat(50), "customer", "bot", "system", "agent", "AGENT", "email",
        "phone", "escalate", "stay", "message", "transcript", "general", "billing",
    };

    private static final String[] NUMBERS = {
        "0", "-0", "1", "-1", "0.5", "1.0000000000000001", "0.001", "-0.001", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "1e10", "1e13", "1e308", "-1e308", "1e400", "1e-400", "123456789012345678901234567890",
        "0.30000000000000004", "1E+2", "99999999999.99", "1e20",
    };

    /** Numbers that fit every numeric field's column: the rest are issue 11 item 1. */
    private static final String[] SAFE_NUMBERS = {"0", "-0", "1", "-1", "0.5", "0.001", "2147483647", "1e10", "0.30000000000000004", "1E+2"};

    private final Random random;
    private final List<String> conversationIds;
    private final boolean knownOpen;

    /**
     * @param conversationIds ids of real conversations, so some requests reach past the 404
     * @param knownOpen whether to send the inputs of the faults still open in issue 11 (items 1, 9, 10)
     */
    public HostileRequests(long seed, List<String> conversationIds, boolean knownOpen) {
        this.random = new Random(seed);
        this.conversationIds = List.copyOf(conversationIds);
        this.knownOpen = knownOpen;
    }

    public List<Request> next(int count) {
        List<Request> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    public Request next() {
        return switch (random.nextInt(11)) {
            case 0, 1 -> new Request("start", "POST", "/api/v1/conversations", json(), startBody());
            case 2, 3 -> new Request("message", "POST", conversation() + "/messages", json(), messageBody());
            case 4 -> new Request("follow-up", "POST", conversation() + "/follow-up", json(), followUpBody());
            case 5 -> new Request("evaluate", "POST", "/api/v1/evaluate", json(), evaluateBody());
            case 6 -> new Request("read", "GET", conversation(), null, null);
            case 7 -> new Request("poll", "GET", conversation() + "/messages" + query(), null, null);
            case 8 -> new Request("broken-json", "POST", pick("/api/v1/conversations", conversation() + "/messages", "/api/v1/evaluate",
                    conversation() + "/follow-up"), json(), brokenJson());
            case 9 -> new Request("media-type", "POST", pick("/api/v1/conversations", conversation() + "/messages", "/api/v1/evaluate"),
                    pick("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                            "application/json; charset=ebcdic", "application/json; charset=utf-16", "*/*", "application/json;;;"),
                    startBody());
            default -> new Request("method", pick("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
                    pick("/api/v1/conversations", conversation(), conversation() + "/messages", "/api/v1/evaluate"), json(), "{}");
        };
    }

    private String json() {
        return random.nextInt(20) == 0 ? "application/json; charset=utf-8" : "application/json";
    }

    private String conversation() {
        if (!conversationIds.isEmpty() && random.nextInt(3) > 0) {
            return "/api/v1/conversations/" + conversationIds.get(random.nextInt(conversationIds.size()));
        }
        String id = pick("00000000-0000-0000-0000-000000000000", "x", "..%2F..%2Fadmin", "%20", "%C3%A9",
                "a".repeat(300), "1%3B%20DROP%20TABLE%20x", "%7B%7D", "null", "-1", "%E2%80%AE", "%FF%FE");
        return "/api/v1/conversations/" + (knownOpen || !id.contains("%2F") ? id : "x");
    }

    private String query() {
        String after = pick("0", "-1", "abc", "2147483648", "1e10", "", "1.5", "%00", "99999999999999999999", "3");
        String limit = pick("1", "0", "-5", "201", "200", "abc", "", "2147483647", "1e3");
        return switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "?after=" + after;
            case 2 -> "?limit=" + limit;
            default -> "?after=" + after + "&limit=" + limit + "&after=" + after;
        };
    }

    private String startBody() {
        Obj customer = new Obj();
        maybe(customer, "externalId", this::stringValue, 8);
        maybe(customer, "name", this::stringValue, 5);
        maybe(customer, "email", () -> pick("\"a@b.c\"", "\"no-at\"", "\"" + "x".repeat(250) + "@e.com\"", anyValue()), 4);
        maybe(customer, "tier", this::stringValue, 3);
        maybe(customer, "accountValue", this::numberValue, 5);
        maybe(customer, "company", this::stringValue, 3);
        maybe(customer, "renewalDate", () -> pick("\"2027-03-31\"", "\"2027-02-30\"", "\"31.03.2027\"", knownOpen ? "\"+999999999-12-31\"" : "\"9999-12-31\"", anyValue()), 3);
        maybe(customer, "notes", this::stringValue, 3);
        Obj body = new Obj();
        if (random.nextInt(10) > 0) {
            body.put("customer", random.nextInt(12) == 0 ? anyValue() : customer.toString());
        }
        maybe(body, "channel", this::stringValue, 3);
        maybe(body, "page", this::pageValue, 3);
        maybe(body, "metadata", () -> pick("{\"k\":\"v\"}", knownOpen ? "\"str\"" : "{}", knownOpen ? "[1,2]" : "null", "{\"deep\":" + nested(random.nextInt(60)) + "}",
                "{\"big\":\"" + "m".repeat(4100) + "\"}", anyValue()), 3);
        return body.toString();
    }

    private String messageBody() {
        Obj body = new Obj();
        maybe(body, "author", () -> pick("\"customer\"", "\"bot\"", "\"system\"", "\"agent\"", "\"Customer\"", anyValue()), 9);
        maybe(body, "text", this::stringValue, 9);
        maybe(body, "intent", this::stringValue, 3);
        maybe(body, "confidence", this::numberValue, 3);
        maybe(body, "page", this::pageValue, 3);
        return body.toString();
    }

    private String followUpBody() {
        Obj body = new Obj();
        maybe(body, "channel", () -> pick("\"email\"", "\"phone\"", "\"fax\"", anyValue()), 8);
        maybe(body, "contact", this::stringValue, 7);
        maybe(body, "preferredTime", this::stringValue, 4);
        return body.toString();
    }

    private String evaluateBody() {
        Obj body = new Obj();
        if (random.nextBoolean()) {
            maybe(body, "text", this::stringValue, 9);
        } else {
            StringBuilder lines = new StringBuilder("[");
            int n = random.nextInt(5) == 0 ? 201 + random.nextInt(5) : random.nextInt(6);
            for (int i = 0; i < n; i++) {
                Obj line = new Obj();
                maybe(line, "author", () -> pick("\"customer\"", "\"bot\"", "\"x\"", anyValue()), 8);
                int number = i;
                maybe(line, "text", () -> number % 7 == 0 ? stringValue() : "\"line " + number + "\"", 9);
                maybe(line, "confidence", this::numberValue, 2);
                lines.append(i == 0 ? "" : ",").append(random.nextInt(30) == 0 ? anyValue() : line.toString());
            }
            body.put("messages", lines.append(']').toString());
        }
        return body.toString();
    }

    private String pageValue() {
        Obj page = new Obj();
        maybe(page, "url", () -> pick("\"https://example.com/a\"", "\"javascript:alert(1)\"", "\"ftp://x\"", "\"http://\"",
                "\"https://e.com/" + "p".repeat(2100) + "\"", "\"http://[::1\"", anyValue()), 8);
        maybe(page, "title", this::stringValue, 5);
        return random.nextInt(10) == 0 ? anyValue() : page.toString();
    }

    private String brokenJson() {
        return pick("", "{", "}", knownOpen ? "[]" : "[", "null", knownOpen ? "\"text\"" : "\"text", "{\"author\":\"customer\",\"text\":", "{\"a\":1,}", "{'a':1}",
                "{\"text\":\"\\uZZZZ\"}", "{\"text\":\"\u0001\"}", "{\"customer\":{\"externalId\":\"x\"}}}}", "{\"x\":[}", "{\"a\":{",
                "\u0000\u0000", "{\"customer\":" + "[".repeat(500) + "}", "{\"text\":\"" + "x".repeat(70_000) + "\"}", "NaN",
                knownOpen ? nested(200 + random.nextInt(3000)) : "{", knownOpen ? "1e99999" : "{]");
    }

    private String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    private String stringValue() {
        return switch (random.nextInt(8)) {
            case 0 -> quote("x".repeat(pick(new int[] {65, 121, 129, 201, 255, 301, 2001, 4001, 5000})));
            case 1 -> anyValue();
            case 2 -> quote(randomUnicode(1 + random.nextInt(40)));
            default -> quote(STRINGS[random.nextInt(STRINGS.length)]);
        };
    }

    private String numberValue() {
        String[] numbers = knownOpen ? NUMBERS : SAFE_NUMBERS;
        return random.nextInt(5) == 0 ? anyValue() : numbers[random.nextInt(numbers.length)];
    }

    /** A value of any JSON type; without {@code knownOpen} only null, which every field accepts or refuses by name. */
    private String anyValue() {
        if (!knownOpen) {
            return "null";
        }
        return pick("null", "true", "false", "0", "-1", "1.5", "[]", "[1]", "{}", "{\"a\":1}", "\"\"", "\"str\"", "[null]", "1e400");
    }

    private String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x80 + random.nextInt(0x780);
                case 2 -> 0x1F600 + random.nextInt(0x50);
                default -> 0x20 + random.nextInt(0x5F);
            };
            text.appendCodePoint(cp);
        }
        return text.toString();
    }

    private void maybe(Obj obj, String field, java.util.function.Supplier<String> value, int outOfTen) {
        if (random.nextInt(10) < outOfTen) {
            obj.put(field, value.get());
        }
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private int pick(int[] options) {
        return options[random.nextInt(options.length)];
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A JSON object written field by field, values already JSON. */
    private static final class Obj {
        private final StringBuilder text = new StringBuilder();

        void put(String field, String json) {
            text.append(text.length() == 0 ? "" : ",").append('"').append(field).append("\":").append(json);
        }

        @Override
        public String toString() {
            return "{" + text + "}";
        }
    }
}
