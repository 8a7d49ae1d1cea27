package dev.handoff.web.faces.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChatBackingTest {

    @Test
    void agentsReadWordsNotIdentifiers() {
        ChatBacking page = new ChatBacking();
        assertEquals("follow-up request", page.noteKind("follow_up"));
        assertEquals("", page.noteKind("note"));
        assertEquals("transfer", page.noteKind("transfer"));
        assertEquals("billing dispute", ChatBacking.words("billing-dispute"));
    }
}
