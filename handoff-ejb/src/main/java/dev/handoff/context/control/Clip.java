package dev.handoff.context.control;

/** Shortens text for summaries at a word boundary, marking the cut with an ellipsis. */
final class Clip {

    private Clip() {}

    /** {@code text} if it fits in {@code max} characters, else its longest word prefix that does, plus "…". */
    static String words(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max <= 1) {
            return "…";
        }
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1; // one very long word: cut inside it
        }
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut).replaceAll("[\\s,;:.-]+$", "") + "…";
    }
}
