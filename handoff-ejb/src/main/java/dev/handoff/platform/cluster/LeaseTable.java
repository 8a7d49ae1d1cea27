package dev.handoff.platform.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Leases in the {@code cluster_lease} table (V25, ADR 0038): a named right to do something once per
 * cluster, held by one server at a time, renewed by its holder, taken over by another server when the
 * holder stops renewing. Every comparison uses the database's clock, so servers whose clocks differ
 * still agree on when a lease has expired. Plain JDBC with auto-commit: each statement is its own
 * short transaction, outside whatever transaction the caller may have.
 */
public final class LeaseTable {

    /** What one attempt found: whether this server holds the lease now, and its token (grows with every new holder). */
    public record Claim(boolean held, long token, String holder) {}

    private static final String NOW = "SELECT CURRENT_TIMESTAMP(3)";
    // token and acquired_at come first: MySQL evaluates SET left to right with the new values, so
    // they must read holder before it changes (standard SQL, and H2, read the old values anyway).
    private static final String TAKE = "UPDATE cluster_lease SET token = CASE WHEN holder = ? THEN token ELSE token + 1 END,"
            + " acquired_at = CASE WHEN holder = ? THEN acquired_at ELSE ? END,"
            + " holder = ?, expires_at = ?"
            + " WHERE name = ? AND (holder = ? OR holder IS NULL OR expires_at < ?)";
    private static final String READ = "SELECT holder, token FROM cluster_lease WHERE name = ?";
    private static final String RELEASE = "UPDATE cluster_lease SET holder = NULL, expires_at = ? WHERE name = ? AND holder = ?";
    private static final String EXPIRE = "UPDATE cluster_lease SET expires_at = ? WHERE holder = ? AND expires_at > ?";
    private static final Timestamp EPOCH = Timestamp.valueOf("1970-01-01 00:00:00");

    private final DataSource dataSource;
    private final String node;

    public LeaseTable(DataSource dataSource, String node) {
        if (node == null || node.isBlank() || node.length() > 128) {
            throw new IllegalArgumentException("a node name of 1 to 128 characters is required");
        }
        this.dataSource = dataSource;
        this.node = node;
    }

    public String node() {
        return node;
    }

    /**
     * Takes the lease if it is free or expired, or extends it if this server holds it, for
     * {@code ttl} from the database's now. A lease held by another server and not yet expired stays
     * theirs ({@code held == false}).
     */
    public Claim claim(String lease, Duration ttl) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Timestamp now = databaseNow(connection);
            Timestamp until = new Timestamp(now.getTime() + ttl.toMillis());
            int updated;
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                take.setString(1, node);
                take.setString(2, node);
                take.setTimestamp(3, now);
                take.setString(4, node);
                take.setTimestamp(5, until);
                take.setString(6, lease);
                take.setString(7, node);
                take.setTimestamp(8, now);
                updated = take.executeUpdate();
            }
            try (PreparedStatement read = connection.prepareStatement(READ)) {
                read.setString(1, lease);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("No lease named " + lease + " (is the schema at V25?)");
                    }
                    String holder = row.getString(1);
                    return new Claim(updated == 1 && node.equals(holder), row.getLong(2), holder);
                }
            }
        }
    }

    /** Gives the lease up at once (a clean shut-down), so another server need not wait for it to expire. */
    public boolean release(String lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release = connection.prepareStatement(RELEASE)) {
            connection.setAutoCommit(true);
            release.setTimestamp(1, EPOCH);
            release.setString(2, lease);
            release.setString(3, node);
            return release.executeUpdate() == 1;
        }
    }

    /**
     * Ends every lease the named server holds, at once, without taking them: a server that left the
     * data grid (killed) need not be waited for until its leases expire. Whoever claims next gets
     * them; the named server, if it is in fact alive, keeps them at its next renewal unless another
     * server has claimed them meanwhile. Returns how many leases it ended.
     */
    public int expireHeldBy(String holder) throws SQLException {
        if (holder == null || holder.equals(node)) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement expire = connection.prepareStatement(EXPIRE)) {
            connection.setAutoCommit(true);
            expire.setTimestamp(1, EPOCH);
            expire.setString(2, holder);
            expire.setTimestamp(3, EPOCH);
            return expire.executeUpdate();
        }
    }

    /** Who holds the lease according to the table (expired or not), for operators' figures. */
    public Optional<String> holder(String lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement(READ)) {
            read.setString(1, lease);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static Timestamp databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement now = connection.prepareStatement(NOW); ResultSet row = now.executeQuery()) {
            row.next();
            return row.getTimestamp(1);
        }
    }
}
