package dev.handoff.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FractionalSecondsTest {

    @Test
    void timestampsWithAFractionAreSentAsTextWithMicroseconds() {
        LocalDateTime at = LocalDateTime.of(2026, 12, 3, 9, 15, 2, 113_271_000);
        assertEquals("2026-12-03 09:15:02.113271", FractionalSeconds.asText(at));
        assertEquals("2026-12-03 09:15:02.113271", FractionalSeconds.asText(Timestamp.valueOf(at)));
        assertNull(FractionalSeconds.asText(at.withNano(0)), "whole seconds lose nothing: left to the driver");
        assertNull(FractionalSeconds.asText("text"));
    }

    @Test
    void preparedStatementsOfAKeptConnectionBindTheTextInstead() throws Exception {
        List<String> calls = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                    calls.add(m.getName() + (a == null ? "" : " " + a[1]));
                    return null;
                });
        Connection raw = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> m.getName().equals("prepareStatement") ? statement : null);
        Connection kept = FractionalSeconds.keep(raw);
        PreparedStatement prepared = kept.prepareStatement("INSERT INTO t VALUES (?, ?, ?)");
        prepared.setObject(1, LocalDateTime.of(2026, 1, 1, 10, 0, 0, 123_456_000));
        prepared.setTimestamp(2, Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 10, 0, 0, 654_321_000)));
        prepared.setInt(3, 7);
        assertEquals(List.of("setString 2026-01-01 10:00:00.123456", "setString 2026-01-01 10:00:00.654321", "setInt 7"), calls);
        assertSame(kept, kept.unwrap(Connection.class));
        assertEquals(kept, kept);
    }

    /** EclipseLink 4.0.7 closes the generated keys of an identity insert, never their statement (ADR 0068). */
    @Test
    void closingGeneratedKeysClosesTheirStatement() throws Exception {
        List<String> closed = new ArrayList<>();
        ResultSet keys = (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class}, (p, m, a) -> {
            if (m.getName().equals("close")) {
                closed.add("keys");
            }
            return m.getName().equals("next") ? Boolean.TRUE : m.getName().equals("getLong") ? 42L : null;
        });
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> switch (m.getName()) {
                    case "getGeneratedKeys" -> keys;
                    case "close" -> closed.add("statement");
                    case "executeUpdate" -> 1;
                    default -> null;
                });
        Connection raw = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> m.getName().equals("prepareStatement") ? statement : null);
        PreparedStatement insert = FractionalSeconds.keep(raw).prepareStatement("INSERT INTO t (v) VALUES (?)", Statement.RETURN_GENERATED_KEYS);
        insert.executeUpdate();
        ResultSet generated = insert.getGeneratedKeys();
        assertTrue(generated.next());
        assertEquals(42L, generated.getLong(1));
        assertEquals(List.of(), closed, "reading the keys closes nothing");
        generated.close();
        assertEquals(List.of("keys", "statement"), closed);
    }
}
