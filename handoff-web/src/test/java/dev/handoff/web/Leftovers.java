package dev.handoff.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The browser test classes share one MariaDB database in CI ({@code handoff_it_ui}), each on a Payara
 * Micro of its own. A chat an earlier class left waiting or assigned is offered before a new one (the
 * queue is first come, first served) and counts against an agent's capacity, so a class that expects
 * the queue to be its own closes what earlier classes left open first: every queued or assigned
 * conversation that is not the demo's ({@code cus-…} customers), closed through the bot API, so the
 * routing engine and the desk hear of it as they would in production.
 *
 * <p>On the default embedded database each server starts empty, and there is nothing to do.
 */
final class Leftovers {

    private Leftovers() {
    }

    /** Closes the open chats other test classes left; returns how many. */
    static int closeOpenChats(Api api) {
        List<String> ids = openTestChats();
        for (String id : ids) {
            api.post("/api/v1/conversations/" + id + "/close", "");
        }
        return ids.size();
    }

    private static List<String> openTestChats() {
        String url = System.getenv("HANDOFF_DB_URL");
        if (url == null || !url.startsWith("jdbc:mysql:")) {
            return List.of();
        }
        String sql = "SELECT c.id FROM conversation c JOIN customer k ON k.id = c.customer_id"
                + " WHERE c.state IN ('QUEUED', 'ASSIGNED') AND k.external_id NOT LIKE 'cus-%'";
        try (Connection db = DriverManager.getConnection(url, System.getenv("HANDOFF_DB_USER"), System.getenv("HANDOFF_DB_PASSWORD"));
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the chats earlier test classes left open: " + e.getMessage(), e);
        }
    }
}
