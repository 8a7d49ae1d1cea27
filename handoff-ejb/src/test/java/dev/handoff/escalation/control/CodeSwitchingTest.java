package dev.handoff.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages that mix Spanish, French, romanised Hindi or Tagalog into English, read through the
 * glossary (twentieth round, ADR 0070). Texts are written here, not taken from the evaluation sets.
 */
class CodeSwitchingTest {

    static CompiledTriggerSet set;

    @BeforeAll
    static void compile() {
        set = CompiledTriggerSet.compile(DefaultTriggerSet.document(), Lexicons.bundled());
    }

    @Test
    void readsTheBorrowedWordsInEnglish() {
        assertEquals("i need talk con un agent please, my order is late", CodeSwitching.english("Necesito hablar con un agente por favor, my order is late"));
        assertEquals("hello, i would like talk a un adviser", CodeSwitching.english("Bonjour, je voudrais parler à un conseiller"));
        assertEquals("this app completely useless is", CodeSwitching.english("yeh app bilkul bekaar hai"));
        assertEquals("i did restart the phone and it's still dead", CodeSwitching.english("ako nag-restart the phone and it's still dead"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "do you have the menu in hindi?",
        "I'd like the steak a la carte",
        "my friend Pero said the app is great",
        "how do I change my password",
    })
    void oneBorrowedWordIsNoCodeSwitching(String text) {
        assertSame(text, CodeSwitching.english(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "quiero hablar con una persona please, the app charged me dos veces",
        "je veux parler à quelqu'un du service client svp",
        "mujhe kisi insaan se baat karni hai, bot samajh nahi raha",
        "pwede po bang makausap ang tao? urgent po",
        "yeh bot bilkul bakwas hai, kitni baar bolu",
        "ya me cansé, siempre la misma respuesta, no sirve para nada",
    })
    void aMixedRequestOrComplaintEscalates(String text) {
        assertTrue(set.evaluate(TriggerInput.of(text)).escalate(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "quiero saber si el hotel tiene parking, booking for 3 nights",
        "hindi ko kailangan ng agent, paano ko i-check ang balance ko?",
        "est-ce que je peux change the delivery date pour mon order?",
    })
    void aMixedRoutineQuestionStays(String text) {
        assertFalse(set.evaluate(TriggerInput.of(text)).escalate(), text);
    }
}
