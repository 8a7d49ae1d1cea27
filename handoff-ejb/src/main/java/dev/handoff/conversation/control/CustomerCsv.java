package dev.handoff.conversation.control;

import dev.handoff.conversation.control.CustomerImport.LineError;
import dev.handoff.platform.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes the customer-import CSV: UTF-8, RFC 4180, header
 * {@code external_id,email,name,tier,account_value,renewal_date,notes} in any order (columns may be
 * left out, but one of external_id and email must be there). A bad row becomes a {@link LineError}
 * with its line number and the rest of the file is still read; an unknown or repeated column, or
 * more than {@value #MAX_ROWS} rows, is reported on the header line.
 */
public final class CustomerCsv {

    public static final int MAX_ROWS = 50_000;
    static final List<String> COLUMNS = List.of("external_id", "email", "name", "tier", "account_value", "renewal_date", "notes");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Map<String, Integer> LIMITS = Map.of("external_id", 100, "email", 254, "name", 200, "tier", 50,
            "notes", 2000);

    private CustomerCsv() {}

    /** Reads UTF-8 bytes; malformed UTF-8 is an error on the header line, not garbled names. */
    public static CustomerImport parse(InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return parse(reader);
    }

    public static CustomerImport parse(Reader reader) {
        try {
            return read(new CsvRecords(reader));
        } catch (CharacterCodingException e) {
            return new CustomerImport(List.of(), List.of(new LineError(1, "the file is not valid UTF-8")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CustomerImport read(CsvRecords records) throws IOException {
        CsvRecords.Row header = records.next();
        if (header == null || header.blank()) {
            return new CustomerImport(List.of(), List.of(new LineError(1, "the file is empty; expected a header line")));
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                unknown.add(name.isEmpty() ? "(empty)" : name);
            } else if (columns.putIfAbsent(name, i) != null) {
                repeated.add(name);
            }
        }
        String headerError = !unknown.isEmpty() ? "unknown columns: " + String.join(", ", unknown) + " (allowed: "
                + String.join(", ", COLUMNS) + ")"
                : !repeated.isEmpty() ? "repeated columns: " + String.join(", ", repeated)
                : !columns.containsKey("external_id") && !columns.containsKey("email") ? "the header needs external_id or email"
                : header.error();
        if (headerError != null) {
            return new CustomerImport(List.of(), List.of(new LineError(1, headerError)));
        }
        List<CustomerRow> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int count = 0;
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            if (row.blank()) {
                continue;
            }
            if (++count > MAX_ROWS) {
                errors.add(new LineError(row.line(), "more than " + MAX_ROWS + " rows; this line and the rest were not read"));
                break;
            }
            try {
                CustomerRow customer = customer(row, header.fields().size(), columns);
                for (String key : new String[] {"id:" + customer.externalId(), "email:" + customer.email()}) {
                    if (!key.endsWith(":null") && seen.containsKey(key)) {
                        throw new InvalidInputException(key.substring(0, key.indexOf(':')).replace("id", "external_id")
                                + " " + key.substring(key.indexOf(':') + 1) + " is already on line " + seen.get(key));
                    }
                }
                seen.putIfAbsent("id:" + customer.externalId(), row.line());
                seen.putIfAbsent("email:" + customer.email(), row.line());
                rows.add(customer);
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(row.line(), e.getMessage()));
            }
        }
        return new CustomerImport(rows, errors);
    }

    private static CustomerRow customer(CsvRecords.Row row, int width, Map<String, Integer> columns) {
        if (row.error() != null) {
            throw new InvalidInputException(row.error());
        }
        if (row.fields().size() != width) {
            throw new InvalidInputException("expected " + width + " fields, found " + row.fields().size());
        }
        Map<String, String> v = new HashMap<>();
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            String value = row.fields().get(column.getValue()).strip();
            Integer limit = LIMITS.get(column.getKey());
            if (limit != null && value.length() > limit) {
                throw new InvalidInputException(column.getKey() + " is longer than " + limit + " characters");
            }
            if (!value.isEmpty()) {
                v.put(column.getKey(), value);
            }
        }
        if (!v.containsKey("external_id") && !v.containsKey("email")) {
            throw new InvalidInputException("external_id or email is required");
        }
        String email = v.get("email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email '" + email + "' is not an e-mail address");
        }
        return new CustomerRow(row.line(), v.get("external_id"), email == null ? null : email.toLowerCase(Locale.ROOT),
                v.get("name"), v.get("tier"), amount(v.get("account_value")), date(v.get("renewal_date")), v.get("notes"));
    }

    private static BigDecimal amount(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0) {
                throw new InvalidInputException("account_value " + value + " is negative");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("account_value '" + value + "' is not a number like 1200.50");
        }
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("renewal_date '" + value + "' is not a date like 2026-03-14");
        }
    }

    /** Writes the rows with the full header, CRLF line ends, quoting only where RFC 4180 needs it. */
    public static void write(List<CustomerRow> rows, Writer out) throws IOException {
        out.write(String.join(",", COLUMNS) + "\r\n");
        for (CustomerRow r : rows) {
            List<Object> values = Arrays.asList(r.externalId(), r.email(), r.name(), r.tier(),
                    r.accountValue() == null ? null : r.accountValue().toPlainString(), r.renewalDate(), r.notes());
            out.write(values.stream().map(CustomerCsv::field).collect(Collectors.joining(",")) + "\r\n");
        }
        out.flush();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || !text.equals(text.strip());
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
