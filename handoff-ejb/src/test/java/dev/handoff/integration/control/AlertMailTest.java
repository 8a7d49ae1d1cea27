package dev.handoff.integration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One e-mail when a connector has failed long enough, none while the incident lasts, one when it recovers. */
class AlertMailTest {

    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    static final Duration AFTER = Duration.ofMinutes(10);

    private static AlertMail.State state(boolean enabled, Instant failingSince, Instant alertedAt) {
        return new AlertMail.State(4, "Zendesk", enabled, failingSince, alertedAt, "HTTP 503", 3);
    }

    @Test
    void aFailureAlertsOnceItHasLastedTheThresholdAndThenNotAgain() {
        assertEquals(AlertMail.Action.NONE, AlertMail.decide(state(true, T0, null), T0.plus(AFTER).minusSeconds(1), AFTER), "not long enough yet");
        assertEquals(AlertMail.Action.FAILING, AlertMail.decide(state(true, T0, null), T0.plus(AFTER), AFTER));
        Instant mailed = T0.plus(AFTER);
        for (int minute = 0; minute < 120; minute++) {
            assertEquals(AlertMail.Action.NONE, AlertMail.decide(state(true, T0, mailed), mailed.plusSeconds(60L * minute), AFTER), "once per incident");
        }
    }

    @Test
    void theEndOfAMailedIncidentIsMailedAndSoIsANewIncidentOnceItLasts() {
        Instant mailed = T0.plus(AFTER);
        assertEquals(AlertMail.Action.RECOVERED, AlertMail.decide(state(true, null, mailed), mailed.plusSeconds(5), AFTER));
        assertEquals(AlertMail.Action.RECOVERED, AlertMail.decide(state(true, mailed.plusSeconds(30), mailed), mailed.plusSeconds(40), AFTER),
                "recovered, then failing again: the old incident is over");
        assertEquals(AlertMail.Action.NONE, AlertMail.decide(state(true, null, null), mailed, AFTER), "a recovery nobody was told of the failure of");
        assertEquals(AlertMail.Action.FORGET, AlertMail.decide(state(false, T0, mailed), mailed.plusSeconds(5), AFTER), "switched off");
        assertEquals(AlertMail.Action.NONE, AlertMail.decide(state(false, T0, null), T0.plus(AFTER).plusSeconds(5), AFTER), "a disabled connector never alerts");
    }

    @Test
    void theMailSaysWhatFailsSinceWhenAndWhereToLook() {
        String body = AlertMail.body(AlertMail.Action.FAILING, state(true, T0, null), T0.plus(AFTER), "https://handoff.example.com/");
        assertTrue(body.contains("\"Zendesk\" has been failing since 2026-12-03 10:00 UTC"), body);
        assertTrue(body.contains("Last error: HTTP 503") && body.contains("Waiting to be delivered: 3"), body);
        assertTrue(body.contains("https://handoff.example.com/admin/integration-health.xhtml"), body);
        assertEquals("[Handoff] Zendesk is failing", AlertMail.subject(AlertMail.Action.FAILING, state(true, T0, null)));
        assertEquals("[Handoff] Zendesk has recovered", AlertMail.subject(AlertMail.Action.RECOVERED, state(true, null, T0)));
    }

    @Test
    void recipientsAreTheConfiguredAddressesAndAdminsNamedByAddress() {
        assertEquals("ops@example.com,oncall@example.com,root@example.com",
                AlertMail.recipients(" ops@example.com, oncall@example.com;ops@example.com, not-an-address", List.of("admin", "root@example.com")));
        assertEquals("", AlertMail.recipients(" ", List.of("admin")));
        assertEquals("", AlertMail.recipients("evil@example.com\r\nBcc: x@y.z", List.of()).contains("\n") ? "bad" : "",
                "no header injection through the list");
    }
}
