package dev.handoff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Triggers as code through the admin API, against a real Payara Micro: trigger-set export, import,
 * floor, override, rollback; trying a draft; warnings about skills nobody has; labelled suites
 * imported and exported as CSV and JSON, fed from stored conversations, and used by the bench and the
 * publishing gate the admin chose; replaying stored conversations through a draft.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TriggerAdminApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("handoff.war", "target/handoff.war")));
    }

    @ArquillianResource
    URL base;

    private Api admin() {
        return new Api(base.toString(), System.getProperty("handoff.it.adminKey"));
    }

    private Api bot() {
        return new Api(base.toString(), Api.itKey());
    }

    private static JsonArray jsonArray(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    private static Api.Reply put(Api api, String path, String contentType, String body) {
        return api.send(api.request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    @RunAsClient
    void triggerSetsRoundTripThroughTheAdminApiAndANewTopicGoesLive() {
        Api admin = admin();
        Api bot = bot();

        Api.Reply forbidden = bot.get("/api/v1/admin/trigger-sets/live");
        assertEquals(403, forbidden.status(), "a bot key cannot manage triggers");
        assertTrue(forbidden.isProblem());

        Api.Reply live = admin.get("/api/v1/admin/trigger-sets/live");
        assertEquals(200, live.status(), live.body());
        JsonObject exported = live.json();
        JsonArray history = jsonArray(admin.get("/api/v1/admin/trigger-sets/versions").body());
        assertFalse(history.isEmpty(), "the shipped default set is version 1");
        int before = history.getJsonObject(0).getInt("versionNo");

        // export -> import -> publish: the same document comes back as the next version
        Api.Reply imported = admin.send(admin.request("/api/v1/admin/trigger-sets/draft").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(live.body())));
        assertEquals(200, imported.status(), imported.body());
        Api.Reply published = admin.post("/api/v1/admin/trigger-sets/draft/publish", "{\"note\":\"round trip\"}");
        assertEquals(200, published.status(), published.body());
        assertEquals(before + 1, published.json().getInt("versionNo"));
        assertTrue(published.json().getJsonNumber("catchRate").doubleValue() >= 0.95);
        assertEquals(exported, admin.get("/api/v1/admin/trigger-sets/live").json(), "unchanged by the round trip");

        // a faulty document is refused and the problem names the field
        String broken = live.body().replaceFirst("\"minScore\"\\s*:\\s*[0-9.]+", "\"minScore\": 7");
        Api.Reply invalid = admin.send(admin.request("/api/v1/admin/trigger-sets/draft").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(broken)));
        assertEquals(400, invalid.status(), invalid.body());
        assertTrue(invalid.json().getJsonArray("errors").getJsonObject(0).getString("field").matches("triggers\\[\\d+]\\.minScore"), invalid.body());

        // a draft that catches nothing is refused without an override, and the override is audited
        String silent = live.body().replace("\"enabled\": true", "\"enabled\": false").replace("\"enabled\":true", "\"enabled\":false");
        assertEquals(200, admin.send(admin.request("/api/v1/admin/trigger-sets/draft").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(silent))).status());
        Api.Reply refused = admin.post("/api/v1/admin/trigger-sets/draft/publish", "{\"note\":\"all off\"}");
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.detail().contains("floor"), refused.body());
        Api.Reply overridden = admin.post("/api/v1/admin/trigger-sets/draft/publish",
                "{\"note\":\"all off\",\"overrideReason\":\"maintenance window, humans unavailable\"}");
        assertEquals(200, overridden.status(), overridden.body());
        assertEquals("maintenance window, humans unavailable", overridden.json().getString("overrideReason"));
        assertFalse(bot.post("/api/v1/evaluate", "{\"text\":\"connect me to an agent\"}").json().getBoolean("escalated"),
                "the silent set is live");

        // roll back to the round-tripped version: escalations are back
        Api.Reply rolledBack = admin.post("/api/v1/admin/trigger-sets/versions/" + (before + 1) + "/rollback", "");
        assertEquals(200, rolledBack.status(), rolledBack.body());
        assertEquals(before + 3, rolledBack.json().getInt("versionNo"));
        assertTrue(bot.post("/api/v1/evaluate", "{\"text\":\"connect me to an agent\"}").json().getBoolean("escalated"));

        // an admin adds a topic from examples; the next message on that topic escalates
        jakarta.json.JsonObjectBuilder doc = jakarta.json.Json.createObjectBuilder(exported);
        jakarta.json.JsonArrayBuilder topics = jakarta.json.Json.createArrayBuilder(exported.getJsonArray("topics"));
        topics.add(jakarta.json.Json.createObjectBuilder().add("name", "shipping-delay")
                .add("examples", jakarta.json.Json.createArrayBuilder().add("my parcel has not arrived after three weeks")
                        .add("where is my package, it is two weeks late").add("the delivery never showed up")
                        .add("tracking has not updated in ten days").add("my order is lost in the post")
                        .add("the courier says delivered but nothing arrived").add("still waiting for my shipment")));
        jakarta.json.JsonArrayBuilder triggers = jakarta.json.Json.createArrayBuilder(exported.getJsonArray("triggers"));
        triggers.add(jakarta.json.Json.createObjectBuilder().add("name", "shipping-delay").add("kind", "topic")
                .add("topic", "shipping-delay").add("minScore", 0.5).add("priority", 65)
                .add("skills", jakarta.json.Json.createArrayBuilder().add("logistics")));
        String withTopic = doc.add("topics", topics).add("triggers", triggers).build().toString();
        assertEquals(200, admin.send(admin.request("/api/v1/admin/trigger-sets/draft").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(withTopic))).status());
        JsonObject bench = admin.post("/api/v1/admin/trigger-sets/draft/bench", "").json();
        assertTrue(bench.getJsonNumber("catchRate").doubleValue() >= 0.95, bench.toString());
        Api.Reply withTopicLive = admin.post("/api/v1/admin/trigger-sets/draft/publish", "{\"note\":\"shipping delays\"}");
        assertEquals(200, withTopicLive.status(), withTopicLive.body());

        String id = bot.start("it-topic-1", "Parcel Person");
        JsonObject answer = bot.say(id, "customer", "my package still hasn't arrived, the tracking hasn't moved for two weeks").json();
        assertTrue(answer.getBoolean("escalated"), answer.toString());
        assertTrue(answer.getJsonArray("triggers").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("name").equals("shipping-delay")), answer.toString());
        assertEquals("logistics", bot.get("/api/v1/conversations/" + id).json().getString("requiredSkill"));
    }



    @Test
    void suitesImportExportAndGuardPublishing() {
        Api admin = admin();
        assertEquals(403, bot().get("/api/v1/admin/suites").status(), "a bot key cannot manage suites");

        // CSV with every column, quoting and a transcript case; any column order
        String csv = "expected,text,id,category,expected_trigger,notes\n"
                + "escalate,\"I was charged twice, I want my money back\",r1,billing,billing-dispute,\n"
                + "stay,how do refunds work?,r2,billing,,tricky negative\n"
                + "escalate,\"customer: the export crashes\nbot[0.2 fallback]: sorry?\ncustomer: it still crashes\nbot[0.1 fallback]: could you rephrase?\",r3,technical,,transcript\n";
        Api.Reply imported = put(admin, "/api/v1/admin/suites/it-regressions", "text/csv", csv);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(3, imported.json().getInt("cases"));
        assertFalse(imported.json().getBoolean("gate"));

        // export as CSV and as JSON: the same cases come back
        Api.Reply asCsv = admin.send(admin.request("/api/v1/admin/suites/it-regressions").header("Accept", "text/csv").GET());
        assertEquals(200, asCsv.status());
        assertTrue(asCsv.body().startsWith("id,text,expected,category,expected_trigger,notes"), asCsv.body());
        assertTrue(asCsv.body().contains("r1,\"I was charged twice, I want my money back\",escalate,billing,billing-dispute,"), asCsv.body());
        JsonObject asJson = admin.get("/api/v1/admin/suites/it-regressions").json();
        assertEquals("handoff.labelled-suite/1", asJson.getString("format"));
        assertEquals(List.of("r1", "r2", "r3"), asJson.getJsonArray("cases").getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList());

        // the JSON export imports under another name, and is a gate there
        String gateDoc = Json.createObjectBuilder(asJson).add("gate", true).add("description", "copied").build().toString();
        Api.Reply copy = put(admin, "/api/v1/admin/suites/it-gate", "application/json", gateDoc);
        assertEquals(200, copy.status(), copy.body());
        assertTrue(copy.json().getBoolean("gate"));
        JsonArray listed = jsonArray(admin.get("/api/v1/admin/suites").body());
        assertEquals("shipped", listed.getJsonObject(0).getString("name"));
        assertTrue(listed.getJsonObject(0).getBoolean("builtIn"));

        // bench one suite: three cases, all right
        JsonObject bench = admin.post("/api/v1/admin/trigger-sets/draft/bench?suite=it-regressions", "").json();
        assertEquals(3, bench.getInt("cases"), bench.toString());
        assertEquals(1.0, bench.getJsonNumber("catchRate").doubleValue(), 1e-9, bench.toString());
        assertEquals(0.0, bench.getJsonNumber("falsePositiveRate").doubleValue(), 1e-9, bench.toString());
        // the publishing gate now holds the shipped suite and the gate copy
        JsonObject gate = admin.post("/api/v1/admin/trigger-sets/draft/bench", "").json();
        int shipped = listed.getJsonObject(0).getInt("cases");
        assertEquals(shipped + 3, gate.getInt("cases"), gate.toString());

        // a bad CSV names every bad line; nothing of the suite is lost
        Api.Reply bad = put(admin, "/api/v1/admin/suites/it-regressions", "text/csv", "text,expected\nok,escalate\n,stay\nhm,perhaps\n");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("invalid-suite", bad.problemType());
        assertEquals(List.of("line 3", "line 4"), bad.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList());
        assertEquals(3, admin.get("/api/v1/admin/suites/it-regressions").json().getJsonArray("cases").size(), "the failed import changed nothing");
        Api.Reply badJson = put(admin, "/api/v1/admin/suites/it-regressions", "application/json", "{\"cases\":[{\"text\":\"x\",\"expected\":\"no\"}]}");
        assertEquals(400, badJson.status());
        assertEquals("cases[0].expected", badJson.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        // append, and the shipped suite is read-only
        Api.Reply appended = put(admin, "/api/v1/admin/suites/it-regressions?append=true", "text/csv", "text,expected\nthanks a lot,stay\n");
        assertEquals(4, appended.json().getInt("cases"), appended.body());
        assertEquals(409, put(admin, "/api/v1/admin/suites/shipped", "text/csv", "text,expected\nhi,stay\n").status());
        assertEquals(400, put(admin, "/api/v1/admin/suites/Bad%20Name", "text/csv", "text,expected\nhi,stay\n").status());
        assertEquals(404, admin.get("/api/v1/admin/suites/none-such").status());

        // clean up so other tests see the shipped gate only
        assertEquals(204, admin.send(admin.request("/api/v1/admin/suites/it-gate").DELETE()).status());
        assertEquals(shipped, admin.post("/api/v1/admin/trigger-sets/draft/bench", "").json().getInt("cases"));
    }
    private static String withTrigger(String liveDocument, JsonObject trigger) {
        JsonObject doc = Json.createReader(new StringReader(liveDocument)).readObject();
        return Json.createObjectBuilder(doc).add("triggers", Json.createArrayBuilder(doc.getJsonArray("triggers")).add(trigger)).build().toString();
    }

    private static List<String> warnings(JsonObject answer) {
        return answer.containsKey("warnings") ? answer.getJsonArray("warnings").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList() : List.of();
    }

    @Test
    void aDraftIsTriedLikeTheLiveSetAndWarnsAboutSkillsNobodyHas() {
        Api admin = admin();
        Api bot = bot();
        Api anonymous = new Api(base.toString(), null);
        String giraffe = "{\"text\":\"tell me about the purple giraffe\"}";

        Api.Reply noKey = anonymous.post("/api/v1/admin/trigger-sets/draft/evaluate", giraffe);
        assertEquals(401, noKey.status(), noKey.body());
        assertTrue(noKey.isProblem(), noKey.contentType());
        Api.Reply botKey = bot.post("/api/v1/admin/trigger-sets/draft/evaluate", giraffe);
        assertEquals(403, botKey.status(), botKey.body());
        assertTrue(botKey.isProblem(), botKey.contentType());

        // a draft with a phrase trigger the live set lacks, routed to a skill no agent has
        int before = jsonArray(admin.get("/api/v1/admin/trigger-sets/versions").body()).getJsonObject(0).getInt("versionNo");
        String live = admin.get("/api/v1/admin/trigger-sets/live").body();
        String draft = withTrigger(live, Json.createObjectBuilder().add("name", "it-purple-giraffe").add("kind", "phrase")
                .add("phrases", Json.createArrayBuilder().add("purple giraffe")).add("priority", 55)
                .add("skills", Json.createArrayBuilder().add("it-zoology")).build());
        Api.Reply saved = put(admin, "/api/v1/admin/trigger-sets/draft", "application/json", draft);
        assertEquals(200, saved.status(), saved.body());
        String warning = "Trigger 'it-purple-giraffe' routes to skill 'it-zoology', which no agent has: "
                + "its handoffs will wait in the queue until someone with that skill is added";
        assertTrue(warnings(saved.json()).contains(warning), saved.body());
        assertTrue(warnings(saved.json()).stream().noneMatch(w -> w.contains("'billing'")), "billing is staffed: " + saved.body());

        // only the draft catches the message; the live set does not
        Api.Reply tried = admin.post("/api/v1/admin/trigger-sets/draft/evaluate", giraffe);
        assertEquals(200, tried.status(), tried.body());
        JsonObject verdict = tried.json();
        assertTrue(verdict.getBoolean("escalated"), verdict.toString());
        assertTrue(verdict.getJsonArray("triggers").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("name").equals("it-purple-giraffe")), verdict.toString());
        assertEquals("it-zoology", verdict.getString("requiredSkill"));
        assertEquals(1, verdict.getInt("escalatingMessage"));
        assertFalse(bot.post("/api/v1/evaluate", giraffe).json().getBoolean("escalated"), "the live set does not know the phrase");
        JsonObject transcript = admin.post("/api/v1/admin/trigger-sets/draft/evaluate", "{\"messages\":["
                + "{\"author\":\"customer\",\"text\":\"hello\"},{\"author\":\"bot\",\"text\":\"Hi! How can I help?\",\"confidence\":0.9},"
                + "{\"author\":\"customer\",\"text\":\"the purple giraffe again\"}]}").json();
        assertEquals(3, transcript.getInt("escalatingMessage"), transcript.toString());
        assertEquals(3, transcript.getInt("evaluatedMessages"));
        Api.Reply invalid = admin.post("/api/v1/admin/trigger-sets/draft/evaluate", "{}");
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("text", invalid.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        // the bench and the publication carry the warning; then the old version comes back
        JsonObject bench = admin.post("/api/v1/admin/trigger-sets/draft/bench", "").json();
        assertTrue(warnings(bench).contains(warning), bench.toString());
        Api.Reply published = admin.post("/api/v1/admin/trigger-sets/draft/publish", "{\"note\":\"giraffes\"}");
        assertEquals(200, published.status(), published.body());
        assertTrue(warnings(published.json()).contains(warning), published.body());
        assertTrue(bot.post("/api/v1/evaluate", giraffe).json().getBoolean("escalated"), "now live");
        assertEquals(200, admin.post("/api/v1/admin/trigger-sets/versions/" + before + "/rollback", "").status());

        // without a draft, a fresh one is started from the live version, as GET draft does
        assertEquals(204, admin.send(admin.request("/api/v1/admin/trigger-sets/draft").DELETE()).status());
        Api.Reply fresh = admin.post("/api/v1/admin/trigger-sets/draft/evaluate", giraffe);
        assertEquals(200, fresh.status(), fresh.body());
        assertFalse(fresh.json().getBoolean("escalated"), "the rolled-back live set is the draft's start: " + fresh.body());
        assertEquals(204, admin.send(admin.request("/api/v1/admin/trigger-sets/draft").DELETE()).status());
    }

    @Test
    void conversationsBecomeSuiteCasesAndTheShippedSuiteIsAGateByChoice() {
        Api admin = admin();
        Api bot = bot();
        String escalated = bot.start("it-curate-1", "Curt Curate");
        bot.say(escalated, "customer", "hello there");
        JsonObject charged = bot.say(escalated, "customer", "I was charged twice, I want my money back").json();
        assertTrue(charged.getBoolean("escalated"), charged.toString());
        int escalatingSeq = charged.getJsonObject("message").getInt("seq");
        String kept = bot.start("it-curate-2", "Kim Kept");
        assertFalse(bot.say(kept, "customer", "what are your opening hours?").json().getBoolean("escalated"));
        assertFalse(bot.say(kept, "customer", "ok, and on sundays?").json().getBoolean("escalated"));

        // role boundaries: admin keys only
        String notNeeded = "/api/v1/admin/suites/not-needed-flags/cases/from-conversation/" + escalated;
        Api.Reply anonymous = new Api(base.toString(), null).post(notNeeded, "{\"expected\":\"stay\"}");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.isProblem());
        Api.Reply botKey = bot.post(notNeeded, "{\"expected\":\"stay\"}");
        assertEquals(403, botKey.status());
        assertTrue(botKey.isProblem());
        assertEquals(403, bot.get("/api/v1/admin/conversations/flagged").status());

        // an unneeded escalation: the escalating message becomes a stay case in a suite made on the spot
        Api.Reply stay = admin.post(notNeeded, "{\"expected\":\"stay\"}");
        assertEquals(201, stay.status(), stay.body());
        JsonObject added = stay.json();
        assertEquals("not-needed-flags", added.getJsonObject("suite").getString("name"));
        assertFalse(added.getJsonObject("suite").getBoolean("gate"), "a new suite is not a gate");
        assertEquals(1, added.getInt("caseNumber"));
        assertEquals(escalatingSeq, added.getInt("upTo"));
        assertEquals("message", added.getString("form"));
        assertEquals("I was charged twice, I want my money back", added.getJsonObject("addedCase").getString("text"));
        assertEquals("stay", added.getJsonObject("addedCase").getString("expected"));
        assertTrue(added.getJsonObject("addedCase").getString("notes").contains(escalated), added.toString());
        assertTrue(admin.post(notNeeded, "{\"expected\":\"stay\"}").status() == 409, "the same case twice is a conflict");
        JsonObject asTranscript = admin.post(notNeeded, "{\"expected\":\"stay\",\"form\":\"transcript\"}").json();
        assertEquals("customer: hello there\ncustomer: I was charged twice, I want my money back",
                asTranscript.getJsonObject("addedCase").getString("text"), asTranscript.toString());
        assertEquals(2, asTranscript.getInt("caseNumber"));

        // a missed escalation: the last customer message of a chat the bot kept becomes an escalate case
        String missedPath = "/api/v1/admin/suites/missed-escalations/cases/from-conversation/" + kept;
        Api.Reply missed = admin.post(missedPath, "{\"expected\":\"escalate\",\"expectedTrigger\":\"explicit-human-request\",\"category\":\"hours\"}");
        assertEquals(201, missed.status(), missed.body());
        assertTrue(missed.json().getJsonObject("addedCase").getString("text").equals("ok, and on sundays?"), missed.body());
        assertEquals("escalate", missed.json().getJsonObject("addedCase").getString("expected"));
        assertEquals("explicit-human-request", missed.json().getJsonObject("addedCase").getString("expectedTrigger"));
        Api.Reply neverEscalated = admin.post(missedPath, "{\"expected\":\"stay\"}");
        assertEquals(409, neverEscalated.status(), neverEscalated.body());
        assertTrue(neverEscalated.detail().contains("never escalated"), neverEscalated.body());

        // bad input: a problem naming the field, never a stack trace
        for (String[] bad : List.of(
                new String[] {"{}", "expected"},
                new String[] {"{\"expected\":\"maybe\"}", "expected"},
                new String[] {"{\"expected\":\"stay\",\"form\":\"poem\"}", "form"},
                new String[] {"{\"expected\":\"stay\",\"upTo\":99}", "upTo"},
                new String[] {"{\"expected\":\"stay\",\"upTo\":0}", "upTo"},
                new String[] {"{\"expected\":\"stay\",\"expectedTrigger\":\"billing-dispute\"}", "expectedTrigger"},
                new String[] {"{\"expected\":\"stay\",\"category\":\"" + "c".repeat(121) + "\"}", "category"},
                new String[] {"{\"expected\":\"stay\",\"notes\":\"" + "n".repeat(1001) + "\"}", "notes"})) {
            Api.Reply reply = admin.post(notNeeded, bad[0]);
            assertEquals(400, reply.status(), bad[0] + " -> " + reply.body());
            assertTrue(reply.isProblem());
            assertEquals(bad[1], reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply.body());
        }
        assertEquals("malformed-json", admin.post(notNeeded, "{\"expected\":").problemType());
        assertEquals(404, admin.post("/api/v1/admin/suites/not-needed-flags/cases/from-conversation/00000000-0000-0000-0000-000000000000",
                "{\"expected\":\"stay\"}").status());
        assertEquals(409, admin.post("/api/v1/admin/suites/shipped/cases/from-conversation/" + escalated, "{\"expected\":\"stay\"}").status());
        assertEquals(400, admin.post("/api/v1/admin/suites/Bad%20Name/cases/from-conversation/" + escalated, "{\"expected\":\"stay\"}").status());
        assertEquals(200, admin.get("/api/v1/admin/conversations/flagged?limit=5").status());
        assertEquals(400, admin.get("/api/v1/admin/conversations/flagged?limit=0").status());

        // the bench sees the new cases
        JsonObject benchFlags = admin.post("/api/v1/admin/trigger-sets/draft/bench?suite=not-needed-flags", "").json();
        assertEquals(2, benchFlags.getInt("cases"), benchFlags.toString());
        assertEquals(2, benchFlags.getInt("falseAlarms"), "the live set still escalates both: " + benchFlags);

        // the shipped suite guards publishing until the admin switches it off
        assertEquals(403, put(bot, "/api/v1/admin/suites/shipped/gate", "application/json", "{\"gate\":false}").status());
        assertEquals(400, put(admin, "/api/v1/admin/suites/shipped/gate", "application/json", "{}").status());
        Api.Reply off = put(admin, "/api/v1/admin/suites/shipped/gate", "application/json", "{\"gate\":false}");
        assertEquals(200, off.status(), off.body());
        assertFalse(off.json().getBoolean("gate"));
        JsonArray listed = jsonArray(admin.get("/api/v1/admin/suites").body());
        assertFalse(listed.getJsonObject(0).getBoolean("gate"), listed.toString());
        int otherGates = listed.getValuesAs(JsonObject.class).stream().filter(x -> x.getBoolean("gate")).mapToInt(x -> x.getInt("cases")).sum();
        assertEquals(otherGates, admin.post("/api/v1/admin/trigger-sets/draft/bench", "").json().getInt("cases"), "the shipped suite is out of the gate");

        // only the chosen gates count: the missed escalation alone refuses a draft that does not catch it
        assertEquals(200, put(admin, "/api/v1/admin/suites/missed-escalations/gate", "application/json", "{\"gate\":true}").status());
        assertEquals(200, put(admin, "/api/v1/admin/trigger-sets/draft", "application/json", admin.get("/api/v1/admin/trigger-sets/live").body()).status());
        Api.Reply refused = admin.post("/api/v1/admin/trigger-sets/draft/publish", "{\"note\":\"gated by the missed case\"}");
        if (otherGates == 0) {
            assertEquals(409, refused.status(), refused.body());
        }
        assertEquals(200, put(admin, "/api/v1/admin/suites/missed-escalations/gate", "application/json", "{\"gate\":false}").status());
        if (otherGates == 0) {
            Api.Reply unguarded = admin.post("/api/v1/admin/trigger-sets/draft/publish", "{\"note\":\"no gate\"}");
            assertEquals(200, unguarded.status(), unguarded.body());
            assertFalse(unguarded.json().containsKey("catchRate"), "nothing was checked: " + unguarded.body());
            assertTrue(warnings(unguarded.json()).get(0).startsWith("No suite guards publishing"), unguarded.body());
        }

        // back to the default, and clean up
        Api.Reply on = put(admin, "/api/v1/admin/suites/shipped/gate", "application/json", "{\"gate\":true}");
        assertTrue(on.json().getBoolean("gate"), on.body());
        int shipped = on.json().getInt("cases");
        assertEquals(shipped + otherGates, admin.post("/api/v1/admin/trigger-sets/draft/bench", "").json().getInt("cases"));
        admin.send(admin.request("/api/v1/admin/trigger-sets/draft").DELETE());
        assertEquals(204, admin.send(admin.request("/api/v1/admin/suites/not-needed-flags").DELETE()).status());
        assertEquals(204, admin.send(admin.request("/api/v1/admin/suites/missed-escalations").DELETE()).status());
        bot.post("/api/v1/conversations/" + escalated + "/close", "");
        bot.post("/api/v1/conversations/" + kept + "/close", "");
    }

    @Test
    void replayShowsWhatADraftWouldChangeInStoredConversations() {
        Api admin = admin();
        Api bot = bot();
        String human = bot.start("it-replay-human", "Replay Human");
        bot.say(human, "customer", "hello");
        assertTrue(bot.say(human, "customer", "connect me to an agent please").json().getBoolean("escalated"));
        String calm = bot.start("it-replay-calm", "Replay Calm");
        assertFalse(bot.say(calm, "customer", "what are your opening hours?").json().getBoolean("escalated"));

        // a draft without the explicit-request trigger
        String live = admin.get("/api/v1/admin/trigger-sets/live").body();
        JsonObject doc = Json.createReader(new StringReader(live)).readObject();
        var triggers = Json.createArrayBuilder();
        doc.getJsonArray("triggers").getValuesAs(JsonObject.class).stream()
                .filter(t -> !t.getString("name").equals("explicit-human-request"))
                .forEach(triggers::add);
        String draft = Json.createObjectBuilder(doc).add("triggers", triggers).build().toString();
        assertEquals(200, put(admin, "/api/v1/admin/trigger-sets/draft", "application/json", draft).status());

        Api.Reply replay = admin.post("/api/v1/admin/trigger-sets/draft/replay?days=1", "");
        assertEquals(200, replay.status(), replay.body());
        JsonObject r = replay.json();
        assertTrue(r.getInt("conversations") >= 2, r.toString());
        assertTrue(r.getInt("draftEscalates") < r.getInt("liveEscalates"), r.toString());
        assertTrue(r.getJsonNumber("draftHandoffRate").doubleValue() < r.getJsonNumber("liveHandoffRate").doubleValue());
        JsonObject change = r.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("conversationId").equals(human)).findFirst().orElseThrow(() -> new AssertionError(r.toString()));
        assertFalse(change.getBoolean("nowEscalates"));
        assertEquals(2, change.getInt("atMessage"), "the live set escalated on the second message");
        assertTrue(change.getJsonArray("triggers").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(t -> t.getString().equals("explicit-human-request")), change.toString());
        assertTrue(r.getJsonArray("changes").getValuesAs(JsonObject.class).stream().noneMatch(c -> c.getString("conversationId").equals(calm)));
        JsonObject explicit = r.getJsonArray("perTrigger").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("trigger").equals("explicit-human-request")).findFirst().orElseThrow();
        assertEquals(0, explicit.getInt("draft"));
        assertTrue(explicit.getInt("live") >= 1);

        assertEquals(400, admin.post("/api/v1/admin/trigger-sets/draft/replay?days=0", "").status());
        assertEquals(204, admin.send(admin.request("/api/v1/admin/trigger-sets/draft").DELETE()).status());
    }
}
