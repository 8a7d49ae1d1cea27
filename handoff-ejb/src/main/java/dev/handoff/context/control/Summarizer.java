package dev.handoff.context.control;

/**
 * Turns a transcript into the two or three sentences an agent reads first at handoff.
 * Implementations never throw for bad input or a failing model: they return a summary, falling
 * back to the built-in one when they must.
 */
public interface Summarizer {

    Summary summarize(SummaryRequest request);
}
