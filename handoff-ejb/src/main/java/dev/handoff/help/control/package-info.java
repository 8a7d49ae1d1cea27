/** Semantic article search with the trigger engine's sentence encoder, and the demo bot's answer (pure). */
package dev.handoff.help.control;
