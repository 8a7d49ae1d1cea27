package dev.handoff.platform.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The class named by Handoff's {@code @DataSourceDefinition}. It picks the vendor's own {@link
 * DataSource} from the JDBC URL, so an operator switches from the embedded H2 database to MySQL by
 * setting URL, user and password only: no class name to know, no rebuild.
 *
 * <p>MySQL/MariaDB URLs get a connect timeout ({@value #CONNECT_TIMEOUT_MILLIS} ms) and a socket
 * timeout ({@value #SOCKET_TIMEOUT_MILLIS} ms) unless they set their own: a stalled database then
 * fails a call within seconds instead of holding its thread for as long as the stall lasts.
 * They also get Connector/J's cache of parsed statements ({@code cachePrepStmts}, {@value
 * #STATEMENT_CACHE_SIZE} statements of up to {@value #STATEMENT_CACHE_SQL_LIMIT} characters per
 * connection) unless they set {@code cachePrepStmts} themselves: without it every prepared
 * statement's SQL is parsed again on the client, on every use (ADR 0040).
 */
public class UrlRoutingDataSource implements DataSource {

    static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    static final int STATEMENT_CACHE_SIZE = 250;
    static final int STATEMENT_CACHE_SQL_LIMIT = 2048;

    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;
    private volatile DataSource target;

    public String getURL() {
        return url;
    }

    public void setURL(String url) {
        this.url = url;
        this.target = null;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        setURL(url);
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
        this.target = null;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
        this.target = null;
    }

    /** The vendor class that serves a URL, e.g. {@code jdbc:mysql:...} → MySQL Connector/J. */
    static String vendorClassFor(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("handoff.db.url is not set");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return "org.h2.jdbcx.JdbcDataSource";
        }
        if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
            return "com.mysql.cj.jdbc.MysqlDataSource";
        }
        throw new IllegalArgumentException(
                "Unsupported database URL (expected jdbc:h2: or jdbc:mysql:): "
                        + url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@"));
    }

    /**
     * MySQL Connector/J speaks {@code jdbc:mysql:}; MariaDB URLs are accepted and translated, and
     * get the default timeouts for what they do not set themselves. H2 URLs stay as they are.
     */
    static String vendorUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return url;
        }
        String mysql = lower.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring("jdbc:mariadb:".length()) : url;
        mysql = withDefault(mysql, "connectTimeout", CONNECT_TIMEOUT_MILLIS);
        return withDefault(mysql, "socketTimeout", SOCKET_TIMEOUT_MILLIS);
    }

    /**
     * A Connector/J URL with the client-side statement cache on, unless the URL sets {@code
     * cachePrepStmts} itself (then its size settings are left to the URL too). H2 URLs stay as they are.
     */
    static String withStatementCache(String vendorUrl) {
        if (vendorUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:") || names(vendorUrl, "cachePrepStmts")) {
            return vendorUrl;
        }
        String cached = withDefault(vendorUrl, "cachePrepStmts", "true");
        cached = withDefault(cached, "prepStmtCacheSize", String.valueOf(STATEMENT_CACHE_SIZE));
        return withDefault(cached, "prepStmtCacheSqlLimit", String.valueOf(STATEMENT_CACHE_SQL_LIMIT));
    }

    private static boolean names(String url, String name) {
        int query = url.indexOf('?');
        return query >= 0 && url.substring(query + 1).toLowerCase(Locale.ROOT).matches("(.*&)?" + name.toLowerCase(Locale.ROOT) + "=.*");
    }

    /** Appends {@code name=value} to the URL's query unless the URL already names that property. */
    private static String withDefault(String url, String name, int value) {
        return withDefault(url, name, String.valueOf(value));
    }

    private static String withDefault(String url, String name, String value) {
        if (names(url, name)) {
            return url;
        }
        int query = url.indexOf('?');
        return url + (query < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&") + name + "=" + value;
    }

    private DataSource target() throws SQLException {
        DataSource current = target;
        if (current != null) {
            return current;
        }
        String className = vendorClassFor(url);
        try {
            Class<?> type = load(className);
            DataSource created = (DataSource) type.getDeclaredConstructor().newInstance();
            type.getMethod("setURL", String.class).invoke(created, withStatementCache(vendorUrl(url)));
            if (user != null) {
                type.getMethod("setUser", String.class).invoke(created, user);
            }
            if (password != null) {
                type.getMethod("setPassword", String.class).invoke(created, password);
            }
            if (loginTimeout > 0) {
                created.setLoginTimeout(loginTimeout);
            }
            target = created;
            return created;
        } catch (ClassNotFoundException e) {
            throw new SQLException("JDBC driver " + className + " is not on the class path", e);
        } catch (InvocationTargetException e) {
            throw new SQLException("Cannot configure " + className + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SQLException("Cannot create " + className, e);
        }
    }

    /** Our own loader sees the application's jars; the context loader is the fallback. */
    private static Class<?> load(String className) throws ClassNotFoundException {
        try {
            return Class.forName(className, true, UrlRoutingDataSource.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context == null) {
                throw e;
            }
            return Class.forName(className, true, context);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return vendorFixes(target().getConnection());
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return vendorFixes(target().getConnection(username, pass));
    }

    /** Connector/J on MariaDB cuts fractional seconds from parameters unless helped ({@link FractionalSeconds}). */
    private Connection vendorFixes(Connection connection) {
        return vendorClassFor(url).startsWith("com.mysql.") ? FractionalSeconds.keep(connection) : connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target().isWrapperFor(iface);
    }
}
