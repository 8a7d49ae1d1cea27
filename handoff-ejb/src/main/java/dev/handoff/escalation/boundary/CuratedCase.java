package dev.handoff.escalation.boundary;

import dev.handoff.escalation.control.LabelledCase;

/** A case just taken from a conversation: the suite as it is now, the case, its 1-based number there, and the message it ends at. */
public record CuratedCase(SuiteView suite, LabelledCase added, int number, int upTo, String form) {}
