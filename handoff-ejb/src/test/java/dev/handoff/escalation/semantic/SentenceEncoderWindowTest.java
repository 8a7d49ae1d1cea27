package dev.handoff.escalation.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A customer message is read through a bounded window that keeps its start and its end. */
class SentenceEncoderWindowTest {

    private static final long CLS = 101;
    private static final long SEP = 102;

    private static long[] tokens(int pieces) {
        long[] all = new long[pieces + 2];
        all[0] = CLS;
        for (int i = 1; i <= pieces; i++) {
            all[i] = 1000 + i;
        }
        all[pieces + 1] = SEP;
        return all;
    }

    @Test
    void aMessageThatFitsIsReadWhole() {
        long[] all = tokens(62);
        assertSame(all, SentenceEncoder.windowOf(all, 64));
    }

    @Test
    void aLongMessageKeepsItsStartAndItsEnd() {
        long[] ids = SentenceEncoder.windowOf(tokens(500), 64);
        assertEquals(64, ids.length);
        assertEquals(CLS, ids[0]);
        assertEquals(SEP, ids[63]);
        long[] head = LongStream.rangeClosed(1001, 1000 + SentenceEncoder.HEAD_TOKENS).toArray();
        assertArrayEquals(head, java.util.Arrays.copyOfRange(ids, 1, 1 + SentenceEncoder.HEAD_TOKENS));
        assertEquals(1000 + 500, ids[62], "the last word piece is kept");
        assertEquals(1000 + 500 - (62 - SentenceEncoder.HEAD_TOKENS) + 1, ids[1 + SentenceEncoder.HEAD_TOKENS]);
    }

    @Test
    void aMessageWithinTheWindowReadsAsItsEmbedding() {
        SentenceEncoder e = SentenceEncoder.shared();
        String text = "I want to speak to a person";
        assertEquals(1.0, SentenceEncoder.dot(e.embedWindow(text, 64), e.embed(text)), 1e-5);
    }

    @Test
    void theEndOfAVeryLongMessageIsStillRead() {
        SentenceEncoder e = SentenceEncoder.shared();
        String filler = "so the parcel went to the depot and then back to the depot again ".repeat(30);
        String request = "can I talk to a human please, I have been waiting for an answer for days";
        float[] windowed = e.embedWindow(filler + ". " + request, 64);
        float[] truncated = e.embed(filler + ". " + request);
        float toRequest = SentenceEncoder.dot(windowed, e.embed(request));
        float truncatedToRequest = SentenceEncoder.dot(truncated, e.embed(request));
        assertTrue(toRequest > truncatedToRequest + 0.1f, () -> "with the end kept " + toRequest + ", cut at 128 tokens " + truncatedToRequest);
    }
}
