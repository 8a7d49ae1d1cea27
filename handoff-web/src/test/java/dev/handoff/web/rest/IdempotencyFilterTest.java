package dev.handoff.web.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdempotencyFilterTest {

    @Test
    void keysAreVisibleAsciiOfBoundedLength() {
        assertTrue(IdempotencyFilter.isWellFormed("k1"));
        assertTrue(IdempotencyFilter.isWellFormed("0b6f4a7e-3c2d-4a8e-9f1b-2d6c1e9a7f30"));
        assertTrue(IdempotencyFilter.isWellFormed("x".repeat(255)));
        assertFalse(IdempotencyFilter.isWellFormed("x".repeat(256)));
        assertFalse(IdempotencyFilter.isWellFormed(""));
        assertFalse(IdempotencyFilter.isWellFormed("with space"));
        assertFalse(IdempotencyFilter.isWellFormed("café"));
    }
}
