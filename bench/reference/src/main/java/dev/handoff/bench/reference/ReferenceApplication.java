package dev.handoff.bench.reference;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The reference endpoints under {@code /reference/api}. The data source has the same pool size as
 * Handoff's (32) and points at its own database on the same MariaDB ({@code bench.db.url}).
 */
@ApplicationPath("api")
@DataSourceDefinition(
        name = "java:app/jdbc/reference",
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=bench.db.url}",
        user = "${MPCONFIG=bench.db.user}",
        password = "${MPCONFIG=bench.db.password}",
        properties = {"fish.payara.min-pool-size=2", "fish.payara.max-pool-size=32"})
public class ReferenceApplication extends Application {}
