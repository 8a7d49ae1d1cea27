package dev.handoff.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
}
