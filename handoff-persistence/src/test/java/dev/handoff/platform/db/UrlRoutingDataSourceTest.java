package dev.handoff.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRoutingDataSourceTest {

    private static final String H2 = "org.h2.jdbcx.JdbcDataSource";
    private static final String MYSQL = "com.mysql.cj.jdbc.MysqlDataSource";

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:h2:mem:handoff;DB_CLOSE_DELAY=-1",
            "jdbc:h2:file:./data/handoff",
            "JDBC:H2:mem:x",
    })
    void h2UrlsUseTheH2DataSource(String url) {
        assertEquals(H2, UrlRoutingDataSource.vendorClassFor(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql://db:3306/handoff",
            "jdbc:mysql://db/handoff?user=handoff&password=secret",
            "JDBC:MySQL://db/handoff",
            "jdbc:mariadb://db:3306/handoff",
            "jdbc:MariaDB://db/handoff",
    })
    void mysqlAndMariaDbUrlsUseConnectorJ(String url) {
        assertEquals(MYSQL, UrlRoutingDataSource.vendorClassFor(url));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingUrlIsReported(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UrlRoutingDataSource.vendorClassFor(url));

        assertEquals("handoff.db.url is not set", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db/handoff",
            "jdbc:sqlserver://db;databaseName=handoff",
            "jdbc:h2mem:x",
            "h2:mem:x",
            "mysql://db/handoff",
            "jdbc:mysqlx://db/handoff",
    })
    void otherUrlsAreUnsupported(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UrlRoutingDataSource.vendorClassFor(url));

        assertEquals("Unsupported database URL (expected jdbc:h2: or jdbc:mysql:): " + url, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db/handoff?user=handoff&password=S3cr3t!x",
            "jdbc:postgresql://db/handoff?password=S3cr3t!x&user=handoff",
            "jdbc:sqlserver://db;user=sa;password=S3cr3t!x;databaseName=handoff",
            "jdbc:oracle:thin:@db:1521/handoff?password=S3cr3t!x",
    })
    void theUnsupportedUrlMessageHidesThePassword(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UrlRoutingDataSource.vendorClassFor(url));

        assertFalse(e.getMessage().contains("S3cr3t"), e.getMessage());
        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
    }

    @Test
    void theRestOfTheUrlIsKeptAroundTheHiddenPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UrlRoutingDataSource.vendorClassFor("jdbc:postgresql://db/handoff?password=S3cr3t&ssl=true"));

        assertTrue(e.getMessage().endsWith("jdbc:postgresql://db/handoff?password=***&ssl=true"), e.getMessage());
    }
    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:sqlserver://db;user=sa;Password=S3cr3t;databaseName=handoff",
            "jdbc:postgresql://db/handoff?PASSWORD=S3cr3t",
    })
    void thePasswordIsHiddenWhateverItsCase(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UrlRoutingDataSource.vendorClassFor(url));

        assertFalse(e.getMessage().contains("S3cr3t"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mariadb://db:3306/handoff?useSSL=false | jdbc:mysql://db:3306/handoff?useSSL=false&connectTimeout=3000&socketTimeout=10000
            JDBC:MARIADB://db/handoff                   | jdbc:mysql://db/handoff?connectTimeout=3000&socketTimeout=10000
            jdbc:mysql://db:3306/handoff                | jdbc:mysql://db:3306/handoff?connectTimeout=3000&socketTimeout=10000
            jdbc:h2:mem:handoff;DB_CLOSE_DELAY=-1       | jdbc:h2:mem:handoff;DB_CLOSE_DELAY=-1
            """)
    void mariaDbUrlsAreTranslatedForConnectorJ(String url, String expected) {
        assertEquals(expected, UrlRoutingDataSource.vendorUrl(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mysql://db/h?socketTimeout=60000                  | jdbc:mysql://db/h?socketTimeout=60000&connectTimeout=3000
            jdbc:mysql://db/h?a=1&ConnectTimeout=500               | jdbc:mysql://db/h?a=1&ConnectTimeout=500&socketTimeout=10000
            jdbc:mysql://db/h?connectTimeout=1&socketTimeout=2     | jdbc:mysql://db/h?connectTimeout=1&socketTimeout=2
            jdbc:mysql://db/h?                                     | jdbc:mysql://db/h?connectTimeout=3000&socketTimeout=10000
            jdbc:mysql://db/h?mysocketTimeoutx=1                   | jdbc:mysql://db/h?mysocketTimeoutx=1&connectTimeout=3000&socketTimeout=10000
            """)
    void timeoutsTheUrlSetsAreKeptAndMissingOnesGetTheDefault(String url, String expected) {
        assertEquals(expected, UrlRoutingDataSource.vendorUrl(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mysql://db/h?socketTimeout=1                        | jdbc:mysql://db/h?socketTimeout=1&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048
            jdbc:mysql://db/h                                        | jdbc:mysql://db/h?cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048
            jdbc:mysql://db/h?prepStmtCacheSize=10                   | jdbc:mysql://db/h?prepStmtCacheSize=10&cachePrepStmts=true&prepStmtCacheSqlLimit=2048
            jdbc:mysql://db/h?CachePrepStmts=false                   | jdbc:mysql://db/h?CachePrepStmts=false
            jdbc:h2:mem:handoff;DB_CLOSE_DELAY=-1                    | jdbc:h2:mem:handoff;DB_CLOSE_DELAY=-1
            """)
    void connectorJCachesParsedStatementsUnlessTheUrlSaysOtherwise(String url, String expected) {
        assertEquals(expected, UrlRoutingDataSource.withStatementCache(url));
    }

    @Test
    void urlAndUrlAliasesAreTheSameProperty() {
        UrlRoutingDataSource ds = new UrlRoutingDataSource();

        ds.setUrl("jdbc:h2:mem:a");
        assertEquals("jdbc:h2:mem:a", ds.getURL());
        ds.setURL("jdbc:h2:mem:b");
        assertEquals("jdbc:h2:mem:b", ds.getUrl());
    }
}
