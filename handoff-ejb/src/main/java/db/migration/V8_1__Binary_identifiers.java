package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Identifiers that the bot platform chooses compare byte for byte (issue #11): under MySQL's and
 * MariaDB's usual {@code utf8mb4_unicode_ci}, {@code usr-cafe} and {@code usr-café}, {@code Case-1}
 * and {@code case-1}, {@code usr-ß} and {@code usr-ss} would be one customer. On MySQL/MariaDB the
 * columns get the binary collation {@code utf8mb4_bin}; H2 already compares strings exactly, and has
 * no column collations, so there is nothing to do there. A Java migration because the statement
 * exists only in MySQL's dialect (every SQL migration runs unchanged on both databases).
 */
public class V8_1__Binary_identifiers extends BaseJavaMigration {

    static final List<String> MYSQL = List.of(
            "ALTER TABLE customer MODIFY external_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL",
            "ALTER TABLE message MODIFY client_message_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!isMySql(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : MYSQL) {
                statement.execute(sql);
            }
        }
    }

    static boolean isMySql(String product) {
        String name = product.toLowerCase(Locale.ROOT);
        return name.contains("mysql") || name.contains("mariadb");
    }
}
