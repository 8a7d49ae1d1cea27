package dev.handoff.platform.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Keeps the microseconds of every timestamp written to MariaDB through MySQL Connector/J.
 *
 * <p>MariaDB 10.x introduces itself as {@code 5.5.5-10.11.x-MariaDB}; Connector/J reads that as
 * MySQL 5.5.5, which had no fractional seconds, and silently cuts them from every
 * {@code Timestamp} and {@code LocalDateTime} parameter, whatever {@code sendFractionalSeconds}
 * says. The column ({@code DATETIME(6)}) would keep them. So statements on such connections send
 * those parameters as text, {@code 2026-12-03 09:15:02.113271}, which the server reads with its
 * microseconds. Reading needs no help. Other parameters and other databases are left alone.
 *
 * <p>The same wrapper closes the statement behind generated keys (ADR 0068). EclipseLink 4.0.7, the one
 * in Payara 6.2025.10, reads an identity column's new value through {@code getGeneratedKeys()} on
 * MySQL, closes that result set and never the statement (eclipse-ee4j/eclipselink#2366, fixed after
 * that release): Connector/J keeps every unclosed statement of a connection reachable, and pooled
 * connections live for days, so each insert of a message, offer or event left one behind (about 1.4
 * KB each, 265 a minute in the desk soak). Closing the keys now closes their statement too, as the
 * upstream fix does; closing a closed statement again is a no-op in JDBC.
 */
final class FractionalSeconds {

    static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private FractionalSeconds() {}

    /** The connection, with prepared statements that send timestamps as text. */
    static Connection keep(Connection connection) {
        return (Connection) Proxy.newProxyInstance(FractionalSeconds.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Forwarding(connection, true));
    }

    /** A timestamp parameter with a fraction of a second, as the text the server reads; otherwise null. */
    static String asText(Object value) {
        if (value instanceof Timestamp ts && ts.getNanos() != 0) {
            return TEXT.format(ts.toLocalDateTime());
        }
        if (value instanceof LocalDateTime time && time.getNano() != 0) {
            return TEXT.format(time);
        }
        return null;
    }

    /** {@code equals} and {@code hashCode} of a proxy: its own identity, not the wrapped object's. */
    private static boolean isIdentity(String name, Object[] args) {
        return name.equals("equals") && args != null && args.length == 1 || name.equals("hashCode") && args == null;
    }

    private static Object identity(Object proxy, String name, Object[] args) {
        return name.equals("equals") ? (Object) (proxy == args[0]) : (Object) System.identityHashCode(proxy);
    }

    private record Forwarding(Object target, boolean isConnection) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (isIdentity(name, args)) {
                return identity(proxy, name, args);
            }
            if (!isConnection && args != null && args.length >= 2 && args[0] instanceof Integer index
                    && (name.equals("setTimestamp") || name.equals("setObject"))) {
                String text = asText(args[1]);
                if (text != null) {
                    ((PreparedStatement) target).setString(index, text);
                    return null;
                }
            }
            if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                return proxy;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (!isConnection && result instanceof ResultSet keys && name.equals("getGeneratedKeys")) {
                return Proxy.newProxyInstance(FractionalSeconds.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                        new KeysClosingStatement(keys, (Statement) target));
            }
            if (isConnection && result instanceof PreparedStatement statement && name.startsWith("prepare")) {
                Class<?> type = method.getReturnType();
                return Proxy.newProxyInstance(FractionalSeconds.class.getClassLoader(), new Class<?>[] {type},
                        new Forwarding(statement, false));
            }
            return result;
        }
    }

    /** Generated keys whose {@code close()} closes the statement that made them as well. */
    private record KeysClosingStatement(ResultSet keys, Statement statement) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (isIdentity(name, args)) {
                return identity(proxy, name, args);
            }
            try {
                Object result = method.invoke(keys, args);
                if (name.equals("close")) {
                    statement.close();
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
