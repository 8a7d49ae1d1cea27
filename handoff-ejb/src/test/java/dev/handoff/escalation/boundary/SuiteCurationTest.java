package dev.handoff.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.handoff.escalation.control.ConversationCase;
import dev.handoff.platform.ForbiddenException;
import org.junit.jupiter.api.Test;

/** The role boundary of the desk's suite cases: anyone who is neither supervisor nor admin is refused before anything is read. */
class SuiteCurationTest {

    private final SuiteCuration curation = new SuiteCuration();

    @Test
    void agentsCannotAddConversationsToSuitesNorListThem() {
        CaseFromConversation stay = CaseFromConversation.of(false, ConversationCase.Form.MESSAGE);
        assertThrows(ForbiddenException.class, () -> curation.addFromConversation(null, "c-1", stay, "alice", false));
        assertThrows(ForbiddenException.class, () -> curation.flagged(10, false));
        assertThrows(ForbiddenException.class, () -> curation.recent(10, false));
        assertThrows(ForbiddenException.class, () -> curation.suitesHolding("c-1", false));
    }

    @Test
    void theOneClickDefaultsAreTheTwoDeskSuites() {
        assertEquals("not-needed-flags", SuiteCuration.defaultSuite(false));
        assertEquals("missed-escalations", SuiteCuration.defaultSuite(true));
    }
}
