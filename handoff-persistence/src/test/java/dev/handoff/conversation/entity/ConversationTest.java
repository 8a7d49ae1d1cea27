package dev.handoff.conversation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handoff.identity.entity.Role;
import dev.handoff.identity.entity.UserAccount;
import dev.handoff.platform.entity.Author;
import dev.handoff.identity.entity.Agent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final Agent alice = new Agent(new UserAccount("alice", "Alice", "hash", Role.AGENT, T0), 3, Map.of("billing", 5));

    private final Conversation conversation = new Conversation(new Customer("cust-1", T0), "web", T0);

    private Conversation queued() {
        conversation.escalate("billing", 60, "refund words", T0.plusSeconds(10));
        return conversation;
    }

    private Conversation assigned() {
        queued().acceptBy(alice, T0.plusSeconds(40));
        return conversation;
    }

    @Test
    void aNewConversationIsWithTheBot() {
        assertEquals(ConversationState.BOT, conversation.getState());
        assertEquals(0, conversation.getMessageCount());
        assertEquals(T0, conversation.getCreatedAt());
        assertNull(conversation.getAssignedAgent());
        assertNull(conversation.getEscalatedAt());
        assertEquals(36, conversation.getId().length());
    }

    @Test
    void everyConversationHasItsOwnId() {
        Conversation other = new Conversation(conversation.getCustomer(), "web", T0);

        assertNotEquals(conversation.getId(), other.getId());
    }

    @Test
    void theChannelDefaultsToWebAndIsTrimmed() {
        Customer customer = new Customer("c", T0);

        assertEquals("web", new Conversation(customer, null, T0).getChannel());
        assertEquals("web", new Conversation(customer, "  ", T0).getChannel());
        assertEquals("whatsapp", new Conversation(customer, " whatsapp ", T0).getChannel());
    }

    @Test
    void customerAndTimeAreRequired() {
        assertThrows(NullPointerException.class, () -> new Conversation(null, "web", T0));
        assertThrows(NullPointerException.class, () -> new Conversation(new Customer("c", T0), "web", null));
    }

    @Test
    void messagesAreNumberedOneTwoThree() {
        Message first = conversation.append(Author.CUSTOMER, null, "hi", T0);
        Message second = conversation.append(Author.BOT, "Bot", "hello", T0.plusSeconds(1));
        Message third = conversation.append(Author.CUSTOMER, null, "thanks", T0.plusSeconds(2));

        assertEquals(1, first.getSeq());
        assertEquals(2, second.getSeq());
        assertEquals(3, third.getSeq());
        assertEquals(3, conversation.getMessageCount());
        assertSame(conversation, second.getConversation());
        assertEquals(Author.BOT, second.getAuthor());
        assertEquals("Bot", second.getAuthorName());
        assertEquals("hello", second.getText());
        assertEquals(T0.plusSeconds(1), second.getCreatedAt());
    }

    @Test
    void messagesCanBeAppendedWhileQueuedAndAssigned() {
        queued();
        assertEquals(1, conversation.append(Author.CUSTOMER, null, "still there?", T0).getSeq());
        conversation.acceptBy(alice, T0.plusSeconds(40));
        assertEquals(2, conversation.append(Author.AGENT, "Alice", "Hi, Alice here", T0).getSeq());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t"})
    void blankTextIsRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> conversation.append(Author.CUSTOMER, null, text, T0));
    }

    @Test
    void nullTextIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> conversation.append(Author.CUSTOMER, null, null, T0));
    }

    @Test
    void textUpToFourThousandCharactersIsAccepted() {
        String longest = "x".repeat(Message.MAX_TEXT);

        assertEquals(longest, conversation.append(Author.CUSTOMER, null, longest, T0).getText());
    }

    @Test
    void textOverFourThousandCharactersIsRejected() {
        String tooLong = "x".repeat(Message.MAX_TEXT + 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conversation.append(Author.CUSTOMER, null, tooLong, T0));
        assertEquals("message text exceeds 4000 characters", e.getMessage());
    }
    @Test
    void aRejectedMessageDoesNotUseUpASequenceNumber() {
        conversation.append(Author.CUSTOMER, null, "one", T0);
        assertThrows(IllegalArgumentException.class, () -> conversation.append(Author.CUSTOMER, null, " ", T0));

        assertEquals(1, conversation.getMessageCount());
        assertEquals(2, conversation.append(Author.CUSTOMER, null, "two", T0).getSeq());
    }

    @Test
    void authorAndTimeAreRequired() {
        assertThrows(NullPointerException.class, () -> conversation.append(null, null, "hi", T0));
        assertThrows(NullPointerException.class, () -> conversation.append(Author.BOT, null, "hi", null));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.42, 1.0})
    void botConfidenceFromZeroToOneIsKept(double confidence) {
        Message m = conversation.append(Author.BOT, null, "answer", T0).withBotSignal("export", confidence);

        assertEquals(confidence, m.getConfidence());
        assertEquals("export", m.getIntent());
    }

    @Test
    void botConfidenceMayBeAbsent() {
        Message m = conversation.append(Author.BOT, null, "answer", T0).withBotSignal(null, null);

        assertNull(m.getConfidence());
        assertNull(m.getIntent());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, -1, 42, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
    void botConfidenceOutsideZeroToOneIsRejected(double confidence) {
        Message m = conversation.append(Author.BOT, null, "answer", T0);

        assertThrows(IllegalArgumentException.class, () -> m.withBotSignal("export", confidence));
        assertNull(m.getConfidence());
    }
    @Test
    void botConfidenceNaNIsRejected() {
        Message m = conversation.append(Author.BOT, null, "answer", T0);

        assertThrows(IllegalArgumentException.class, () -> m.withBotSignal("export", Double.NaN));
    }

    @Test
    void escalateQueuesABotConversation() {
        Instant at = T0.plusSeconds(10);

        assertTrue(conversation.escalate("billing", 60, "refund words", at));

        assertEquals(ConversationState.QUEUED, conversation.getState());
        assertEquals("billing", conversation.getRequiredSkill());
        assertEquals(60, conversation.getPriority());
        assertEquals("refund words", conversation.getEscalationReason());
        assertEquals(at, conversation.getEscalatedAt());
    }

    @Test
    void escalatingTwiceChangesNothing() {
        conversation.escalate("billing", 60, "refund words", T0.plusSeconds(10));

        assertFalse(conversation.escalate("general", 80, "asked for a person", T0.plusSeconds(20)));

        assertEquals(ConversationState.QUEUED, conversation.getState());
        assertEquals("billing", conversation.getRequiredSkill());
        assertEquals(60, conversation.getPriority());
        assertEquals("refund words", conversation.getEscalationReason());
        assertEquals(T0.plusSeconds(10), conversation.getEscalatedAt());
    }

    @Test
    void escalatingAnAssignedConversationChangesNothing() {
        assigned();

        assertFalse(conversation.escalate("general", 80, "again", T0.plusSeconds(99)));
        assertEquals(ConversationState.ASSIGNED, conversation.getState());
    }

    @Test
    void acceptingAssignsTheAgent() {
        Instant at = T0.plusSeconds(40);
        queued().acceptBy(alice, at);

        assertEquals(ConversationState.ASSIGNED, conversation.getState());
        assertSame(alice, conversation.getAssignedAgent());
        assertEquals(at, conversation.getAcceptedAt());
        assertEquals(at, alice.getLastAssignedAt());
        assertTrue(conversation.isOwnedBy("alice"));
        assertFalse(conversation.isOwnedBy("bob"));
    }

    @Test
    void nobodyOwnsAnUnassignedConversation() {
        assertFalse(conversation.isOwnedBy("alice"));
    }

    @Test
    void aBotConversationCannotBeAccepted() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> conversation.acceptBy(alice, T0));

        assertTrue(e.getMessage().contains("is bot, not queued"), e.getMessage());
        assertNull(conversation.getAssignedAgent());
        assertNull(alice.getLastAssignedAt());
    }

    @Test
    void anAssignedConversationCannotBeAcceptedAgain() {
        assigned();
        Agent bob = new Agent(new UserAccount("bob", "Bob", "hash", Role.AGENT, T0), 3, Map.of());

        assertThrows(IllegalStateException.class, () -> conversation.acceptBy(bob, T0.plusSeconds(50)));
        assertSame(alice, conversation.getAssignedAgent());
        assertNull(bob.getLastAssignedAt());
    }

    @Test
    void acceptingNeedsAnAgent() {
        queued();

        assertThrows(NullPointerException.class, () -> conversation.acceptBy(null, T0));
        assertEquals(ConversationState.QUEUED, conversation.getState());
    }

    @Test
    void resolvingEndsAnAssignedConversation() {
        assigned().resolve("refund issued", T0.plusSeconds(300));

        assertEquals(ConversationState.RESOLVED, conversation.getState());
        assertEquals("refund issued", conversation.getResolution());
        assertEquals(T0.plusSeconds(300), conversation.getClosedAt());
    }

    @Test
    void onlyAnAssignedConversationCanBeResolved() {
        assertThrows(IllegalStateException.class, () -> conversation.resolve("done", T0));
        queued();
        assertThrows(IllegalStateException.class, () -> conversation.resolve("done", T0));
        assertEquals(ConversationState.QUEUED, conversation.getState());
    }

    @Test
    void aResolvedConversationCannotBeResolvedAgain() {
        assigned().resolve("first", T0.plusSeconds(300));

        assertThrows(IllegalStateException.class, () -> conversation.resolve("second", T0.plusSeconds(400)));
        assertEquals("first", conversation.getResolution());
    }

    @Test
    void closingWorksWithTheBot() {
        conversation.close(T0.plusSeconds(5));

        assertEquals(ConversationState.CLOSED, conversation.getState());
        assertEquals(T0.plusSeconds(5), conversation.getClosedAt());
    }

    @Test
    void closingWorksWhileQueued() {
        queued().close(T0.plusSeconds(5));

        assertEquals(ConversationState.CLOSED, conversation.getState());
    }

    @Test
    void closingWorksWhileAssigned() {
        assigned().close(T0.plusSeconds(50));

        assertEquals(ConversationState.CLOSED, conversation.getState());
        assertSame(alice, conversation.getAssignedAgent());
    }

    @Test
    void aClosedConversationRefusesEverything() {
        conversation.append(Author.CUSTOMER, null, "bye", T0);
        conversation.close(T0.plusSeconds(5));

        assertThrows(ConversationClosedException.class, () -> conversation.append(Author.CUSTOMER, null, "hello?", T0));
        assertThrows(ConversationClosedException.class, () -> conversation.escalate("general", 80, "why", T0));
        assertThrows(ConversationClosedException.class, () -> conversation.close(T0.plusSeconds(9)));
        assertThrows(IllegalStateException.class, () -> conversation.acceptBy(alice, T0));
        assertThrows(IllegalStateException.class, () -> conversation.resolve("done", T0));
        assertEquals(1, conversation.getMessageCount());
        assertEquals(T0.plusSeconds(5), conversation.getClosedAt());
    }

    @Test
    void aResolvedConversationRefusesMessagesAndEscalation() {
        assigned().resolve("done", T0.plusSeconds(300));

        ConversationClosedException e = assertThrows(ConversationClosedException.class,
                () -> conversation.append(Author.CUSTOMER, null, "one more thing", T0));
        assertTrue(e.getMessage().contains("is resolved"), e.getMessage());
        assertThrows(ConversationClosedException.class, () -> conversation.escalate("general", 80, "why", T0));
        assertThrows(ConversationClosedException.class, () -> conversation.close(T0));
        assertEquals(ConversationState.RESOLVED, conversation.getState());
    }

    @ParameterizedTest
    @EnumSource(ConversationState.class)
    void onlyBotQueuedAndAssignedAreOpen(ConversationState state) {
        boolean open = state == ConversationState.BOT || state == ConversationState.QUEUED
                || state == ConversationState.ASSIGNED;

        assertEquals(open, state.isOpen());
        assertEquals(state.name().toLowerCase(java.util.Locale.ROOT), state.wireName());
    }

    @Test
    void waitSoFarIsZeroBeforeEscalation() {
        assertEquals(Duration.ZERO, conversation.waitSoFar(T0.plusSeconds(600)));
    }

    @Test
    void waitSoFarRunsWhileQueued() {
        queued();

        assertEquals(Duration.ofSeconds(20), conversation.waitSoFar(T0.plusSeconds(30)));
        assertEquals(Duration.ofSeconds(50), conversation.waitSoFar(T0.plusSeconds(60)));
    }

    @Test
    void waitSoFarStopsWhenAccepted() {
        assigned();

        assertEquals(Duration.ofSeconds(30), conversation.waitSoFar(T0.plusSeconds(3600)));
    }

    @Test
    void pageAndMetadataAreRecorded() {
        conversation.onPage("https://example.com/pricing", "Pricing");
        conversation.onPage(null, null);
        conversation.attachMetadata("{\"plan\":\"pro\"}");

        assertEquals("https://example.com/pricing", conversation.getPageUrl());
        assertEquals("Pricing", conversation.getPageTitle());
        assertEquals("{\"plan\":\"pro\"}", conversation.getMetadata());
    }
}
