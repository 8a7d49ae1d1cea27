package dev.handoff.platform.cluster;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database (MySQL-like legacy mode) holding the shipped migrations named, for SQL-level tests. */
public final class MigrationsOnH2 {

    private MigrationsOnH2() {
    }

    /**
     * @param name     a prefix for the database's name (a random suffix keeps each call apart)
     * @param settings extra H2 URL settings, e.g. {@code ";LOCK_TIMEOUT=200"}, or ""
     * @param files    migration files under {@code /db/migration/}, applied in this order
     */
    public static JdbcDataSource dataSource(String name, String settings, String... files) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY" + settings);
        for (String file : files) {
            String migration;
            try (InputStream in = MigrationsOnH2.class.getResourceAsStream("/db/migration/" + file)) {
                migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
        }
        return dataSource;
    }
}
