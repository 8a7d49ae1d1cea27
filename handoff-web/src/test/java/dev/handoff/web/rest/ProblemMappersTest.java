package dev.handoff.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void ourOwnWordsPassButInternalsGiveWayToAPlainSentence() {
        assertEquals("Conversation x is closed and accepts no more messages",
                ProblemMappers.plain("Conversation x is closed and accepts no more messages", "fallback"));
        assertEquals("fallback", ProblemMappers.plain("Exception [EclipseLink-5006] (Eclipse Persistence Services - 4.0.7.payara-p1): "
                + "org.eclipse.persistence.exceptions.OptimisticLockException", "fallback"));
        assertEquals("fallback", ProblemMappers.plain("java.lang.ClassCastException@1dcab582", "fallback"));
        assertEquals("fallback", ProblemMappers.plain("Attempting to execute an operation on a closed EntityManager: "
                + "org.eclipse.persistence.internal.jpa.EntityManagerImpl", "fallback"));
        assertEquals("fallback", ProblemMappers.plain(null, "fallback"));
        assertEquals("accountValue must not be negative", ProblemMappers.plain("accountValue must not be negative", "fallback"));
    }
}
