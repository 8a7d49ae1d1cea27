package dev.handoff.web.reliability;

import dev.handoff.web.Api;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may call what, as a table: every bot API endpoint and the main portal pages against each kind
 * of caller, with the answer docs/api.md and the runbook promise. {@link #check} returns the cells
 * that answered otherwise.
 */
public final class AccessMatrix {

    /** Kinds of caller. Keys are sent as {@code Authorization: Bearer}; the portal pages are tried anonymously. */
    public enum Caller { ANONYMOUS, BASIC_AUTH, UNKNOWN_KEY, REVOKED_KEY, BOT_KEY, ADMIN_KEY }

    /** What a cell expects: an exact status, or "allowed" (anything but 401/403 and 5xx). */
    record Expect(int status) {
        static final Expect ALLOWED = new Expect(-1);

        boolean matches(int actual) {
            return status == -1 ? actual != 401 && actual != 403 && actual < 500 : actual == status;
        }

        @Override
        public String toString() {
            return status == -1 ? "allowed" : String.valueOf(status);
        }
    }

    record Row(String method, String path, String body, Expect bot, Expect admin) {}

    private AccessMatrix() {}

    /** The API rows: bot endpoints are open to every valid key, admin endpoints to admin-scoped keys only. */
    static List<Row> apiRows(String id) {
        String c = "/api/v1/conversations/" + id;
        String evaluate = "{\"text\":\"I was charged twice\"}";
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("POST", "/api/v1/conversations", "{\"customer\":{\"externalId\":\"access-matrix\"}}", new Expect(201), new Expect(201)));
        rows.add(new Row("GET", c, null, new Expect(200), new Expect(200)));
        rows.add(new Row("POST", c + "/messages", "{\"author\":\"bot\",\"text\":\"How can I help?\"}", new Expect(201), new Expect(201)));
        rows.add(new Row("GET", c + "/messages?after=0&limit=10", null, new Expect(200), new Expect(200)));
        rows.add(new Row("POST", c + "/follow-up", "{\"channel\":\"email\",\"contact\":\"a@example.com\"}", new Expect(409), new Expect(409)));
        rows.add(new Row("POST", c + "/typing", null, new Expect(204), new Expect(204)));
        rows.add(new Row("GET", c + "/typing", null, new Expect(200), new Expect(200)));
        rows.add(new Row("POST", "/api/v1/evaluate", evaluate, new Expect(200), new Expect(200)));
        rows.add(new Row("GET", "/api/v1/conversations/00000000-0000-0000-0000-000000000000", null, new Expect(404), new Expect(404)));
        for (String admin : List.of("trigger-sets/live", "trigger-sets/versions", "trigger-sets/draft", "suites", "conversations/flagged?limit=5")) {
            rows.add(new Row("GET", "/api/v1/admin/" + admin, null, new Expect(403), Expect.ALLOWED));
        }
        rows.add(new Row("POST", "/api/v1/admin/trigger-sets/draft/evaluate", evaluate, new Expect(403), Expect.ALLOWED));
        rows.add(new Row("POST", "/api/v1/admin/suites/access-matrix/cases/from-conversation/" + id, "{\"expected\":\"stay\"}",
                new Expect(403), Expect.ALLOWED));
        rows.add(new Row("PUT", "/api/v1/admin/suites/access-matrix/gate", "{\"gate\":false}", new Expect(403), Expect.ALLOWED));
        rows.add(new Row("POST", c + "/close", "", new Expect(200), new Expect(200)));
        return rows;
    }

    /** The portal pages an anonymous visitor may open, and the ones that send them to the login page. */
    static Map<String, Integer> anonymousPages() {
        Map<String, Integer> pages = new LinkedHashMap<>();
        pages.put("/login.xhtml", 200);
        for (String page : List.of("/index.xhtml", "/agent/inbox.xhtml", "/supervisor/queue.xhtml", "/admin/users.xhtml", "/admin/api-keys.xhtml")) {
            pages.put(page, 302);
        }
        return pages;
    }

    /**
     * Runs the table and returns the cells that answered otherwise (empty when all agree).
     *
     * @param keys the secret for each key-carrying caller (BOT_KEY, ADMIN_KEY, REVOKED_KEY, UNKNOWN_KEY)
     * @param conversationId an open conversation the callers act on; the bot closes it last
     * @return one line per disagreeing cell, and the number of cells checked as the last line
     */
    public static List<String> check(String base, Map<Caller, String> keys, String conversationId) {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        Api anonymous = new Api(base, null);
        for (Caller caller : new Caller[] {Caller.ANONYMOUS, Caller.BASIC_AUTH, Caller.UNKNOWN_KEY, Caller.REVOKED_KEY, Caller.ADMIN_KEY, Caller.BOT_KEY}) {
            Api api = new Api(base, keys.get(caller));
            for (Row row : apiRows(conversationId)) {
                if (caller == Caller.ADMIN_KEY && row.path().endsWith("/close")) {
                    continue; // the bot, last, closes the conversation
                }
                Expect expect = switch (caller) {
                    case BOT_KEY -> row.bot();
                    case ADMIN_KEY -> row.admin();
                    default -> new Expect(401);
                };
                HttpRequest.Builder request = api.request(row.path());
                if (caller == Caller.BASIC_AUTH) {
                    request.header("Authorization", "Basic YWRtaW46aGFuZG9mZi1kZW1v");
                }
                if (row.body() != null) {
                    request.header("Content-Type", "application/json");
                }
                Api.Reply reply = api.send(request.method(row.method(),
                        row.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(row.body())));
                cells++;
                boolean problem = reply.status() < 300 || reply.isProblem();
                if (!expect.matches(reply.status()) || !problem) {
                    wrong.add(caller + " " + row.method() + " " + row.path() + ": expected " + expect + ", got " + reply.status()
                            + (problem ? "" : " (not problem+json)"));
                }
            }
        }
        for (Map.Entry<String, Integer> page : anonymousPages().entrySet()) {
            Api.Reply reply = anonymous.get(page.getKey());
            cells++;
            if (reply.status() != page.getValue()) {
                wrong.add("ANONYMOUS portal " + page.getKey() + ": expected " + page.getValue() + ", got " + reply.status());
            }
        }
        wrong.add(cells + " cells");
        return wrong;
    }

    /** Portal users of each role (the demo's: admin, sam the supervisor, an agent) and the pages each may open. */
    public enum PortalRole { AGENT, SUPERVISOR, ADMIN }

    /**
     * The portal pages against signed-in users of each role, as {@code web.xml} grants them: agents
     * the inbox, supervisors the inbox and the queue, admins the queue and the admin pages; the start
     * page sends each to their home page. A forbidden page answers 403; a portal session opens no API
     * door (401).
     */
    static Map<String, Map<PortalRole, Integer>> portalPages() {
        Map<String, Map<PortalRole, Integer>> pages = new LinkedHashMap<>();
        pages.put("/index.xhtml", Map.of(PortalRole.AGENT, 302, PortalRole.SUPERVISOR, 302, PortalRole.ADMIN, 302)); // to the role's home page
        pages.put("/agent/inbox.xhtml", Map.of(PortalRole.AGENT, 200, PortalRole.SUPERVISOR, 200, PortalRole.ADMIN, 403));
        pages.put("/supervisor/queue.xhtml", Map.of(PortalRole.AGENT, 403, PortalRole.SUPERVISOR, 200, PortalRole.ADMIN, 200));
        pages.put("/supervisor/dashboard.xhtml", Map.of(PortalRole.AGENT, 403, PortalRole.SUPERVISOR, 200, PortalRole.ADMIN, 200));
        pages.put("/agent/history.xhtml", Map.of(PortalRole.AGENT, 200, PortalRole.SUPERVISOR, 200, PortalRole.ADMIN, 403));
        pages.put("/agent/customer.xhtml?id=no-such-customer", Map.of(PortalRole.AGENT, 404, PortalRole.SUPERVISOR, 404, PortalRole.ADMIN, 403));
        for (String admin : List.of("users", "api-keys", "triggers", "routing", "suites", "customers", "templates", "integrations", "integration-health", "customer-side")) {
            pages.put("/admin/" + admin + ".xhtml", Map.of(PortalRole.AGENT, 403, PortalRole.SUPERVISOR, 403, PortalRole.ADMIN, 200));
        }
        return pages;
    }

    /**
     * Signs each user in through the login form and opens every page of {@link #portalPages()}, then
     * tries the admin API with the session alone.
     *
     * @param users username and password for each role
     * @return one line per disagreeing cell, and the number of cells checked as the last line
     */
    public static List<String> checkPortal(String base, Map<PortalRole, String[]> users) {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<PortalRole, String[]> user : users.entrySet()) {
            dev.handoff.web.Portal portal = new dev.handoff.web.Portal(base);
            int signIn = portal.login(user.getValue()[0], user.getValue()[1]).statusCode();
            cells++;
            if (signIn != 302 && signIn != 303) {
                wrong.add(user.getKey() + " sign-in: expected a redirect, got " + signIn);
                continue;
            }
            for (Map.Entry<String, Map<PortalRole, Integer>> page : portalPages().entrySet()) {
                int expected = page.getValue().get(user.getKey());
                int actual = portal.get(page.getKey()).statusCode();
                cells++;
                if (actual != expected) {
                    wrong.add(user.getKey() + " GET " + page.getKey() + ": expected " + expected + ", got " + actual);
                }
            }
            int api = portal.get("/api/v1/admin/suites").statusCode();
            cells++;
            if (api != 401) {
                wrong.add(user.getKey() + " GET /api/v1/admin/suites with a portal session only: expected 401, got " + api);
            }
        }
        wrong.add(cells + " portal cells");
        return wrong;
    }
}
