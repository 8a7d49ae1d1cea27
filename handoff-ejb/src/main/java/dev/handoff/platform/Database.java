package dev.handoff.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.annotation.PostConstruct;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Declares Handoff's data source and brings its schema up to date before anything else starts.
 *
 * <p>The data source reads URL, user, password and pool sizes from MicroProfile Config, so the same
 * artifact runs on the embedded H2 database and on MySQL by configuration alone. {@link
 * dev.handoff.platform.db.UrlRoutingDataSource} picks the vendor driver from the URL.
 */
@jakarta.annotation.sql.DataSourceDefinitions({
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "dev.handoff.platform.db.UrlRoutingDataSource",
        url = "${MPCONFIG=handoff.db.url}",
        user = "${MPCONFIG=handoff.db.user}",
        password = "${MPCONFIG=handoff.db.password}",
        properties = {
            "fish.payara.min-pool-size=${MPCONFIG=handoff.db.min-pool-size:2}",
            "fish.payara.max-pool-size=${MPCONFIG=handoff.db.max-pool-size:32}",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true",
            // A request waits at most this long for a free connection, then fails (503 on the API)
            // instead of queueing behind a stalled database for Payara's default 60 s.
            "fish.payara.max-wait-time-in-millis=" + Database.POOL_WAIT_MILLIS
        }),
// The cluster's leases (ClusterDuties) on a small pool of their own: a burst of requests that takes
// every connection of the main pool (a thousand accepts at once) must not keep the routing engine's
// server from renewing its lease, or routing moves to another server in the middle of the burst.
@DataSourceDefinition(
        name = Database.LEASES_JNDI_NAME,
        className = "dev.handoff.platform.db.UrlRoutingDataSource",
        url = "${MPCONFIG=handoff.db.url}",
        user = "${MPCONFIG=handoff.db.user}",
        password = "${MPCONFIG=handoff.db.password}",
        properties = {
            "fish.payara.min-pool-size=1",
            "fish.payara.max-pool-size=4",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=" + Database.POOL_WAIT_MILLIS
        })
})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/handoff";
    /** The same database on a pool of its own for the cluster's leases (four connections at most). */
    public static final String LEASES_JNDI_NAME = "java:app/jdbc/handoff-leases";
    /** The longest a caller waits for a pooled connection (docs/runbook.md, "Database faults"). */
    public static final int POOL_WAIT_MILLIS = 5_000;
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    private String product = "unknown";

    @PostConstruct
    void migrate() {
        product = describe();
        MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Schema on " + product + " is at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }

    private String describe() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** "H2 2.2.224 (2023-09-17)" or "MySQL 5.5.5-10.11.…": the database Handoff runs on. */
    public String product() {
        return product;
    }

    public boolean isEmbedded() {
        return product.startsWith("H2");
    }
}
