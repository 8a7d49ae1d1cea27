package dev.handoff.escalation.control;

import dev.handoff.platform.entity.Author;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a stored conversation into the text of a labelled case: the bot phase (the customer and bot
 * messages the triggers saw, up to and including the escalating message) cut at one message, either
 * as that single customer message or as a transcript in the suites' syntax ({@code customer: …} /
 * {@code bot[0.2 fallback]: …}, one line per message, evaluated as of its last line). Pure.
 */
public final class ConversationCase {

    /** Lines of a transcript case at most: the window live evaluation looks at. */
    public static final int WINDOW = 20;
    /** A case's text at most (the column {@code labelled_suite_case.text}). */
    public static final int MAX_TEXT = 4000;

    private static final Pattern LOOKS_LIKE_A_LINE = Pattern.compile("^\\s*(customer|bot|agent|system)\\s*(\\[[^]]*])?\\s*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INTENT = Pattern.compile("[A-Za-z_-][A-Za-z0-9_.-]*");

    private ConversationCase() {}

    /** A single message or a transcript up to the message. */
    public enum Form {
        MESSAGE, TRANSCRIPT
    }

    /** One stored message: its sequence number, author, text and (for the bot) confidence and intent. */
    public record Said(int seq, Author author, String text, Double confidence, String intent) {}

    /** Why a conversation cannot give the case asked for, or which field is wrong. */
    public static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The request field at fault, or null when the conversation itself does not fit. */
        public String field() {
            return field;
        }
    }

    /** The customer and bot messages the triggers saw: all of them, or up to the escalating message. */
    public static List<Said> botPhase(List<Said> messages, Integer escalatingSeq) {
        return messages.stream()
                .filter(m -> m.author() == Author.CUSTOMER || m.author() == Author.BOT)
                .filter(m -> escalatingSeq == null || m.seq() <= escalatingSeq)
                .toList();
    }

    /**
     * The message a case is cut at when the user names none: for a {@code stay} case the message that
     * escalated; for an {@code escalate} case the last customer message before it (escalated late), or
     * the last customer message of a conversation the bot kept.
     */
    public static int defaultUpTo(List<Said> botPhase, Integer escalatingSeq, boolean escalate) {
        if (!escalate) {
            if (escalatingSeq == null) {
                throw new Refused(null, "the bot never escalated this conversation, so it cannot be a 'stay' case of an unneeded escalation");
            }
            return escalatingSeq;
        }
        Optional<Said> last = botPhase.stream()
                .filter(m -> m.author() == Author.CUSTOMER && (escalatingSeq == null || m.seq() < escalatingSeq))
                .reduce((a, b) -> b);
        if (last.isEmpty()) {
            throw new Refused(null, escalatingSeq == null
                    ? "the conversation has no customer message yet"
                    : "the bot escalated at the first customer message (message " + escalatingSeq + "); there is no earlier message it missed");
        }
        return last.get().seq();
    }

    /**
     * The case text cut at message {@code upTo}; {@code form} null picks a single message when that
     * message is the customer's and a transcript otherwise. A transcript keeps the last
     * {@value #WINDOW} lines, and drops older ones further to fit {@value #MAX_TEXT} characters.
     */
    public static Cut cut(List<Said> botPhase, int upTo, Form form) {
        int index = -1;
        for (int i = 0; i < botPhase.size(); i++) {
            if (botPhase.get(i).seq() == upTo) {
                index = i;
            }
        }
        if (index < 0) {
            int end = botPhase.isEmpty() ? 0 : botPhase.get(botPhase.size() - 1).seq();
            throw new Refused("upTo", "message " + upTo + " is not a customer or bot message the triggers saw"
                    + (end == 0 ? " (there are none)" : " (those end at message " + end + ")"));
        }
        Said at = botPhase.get(index);
        Form chosen = form != null ? form : at.author() == Author.CUSTOMER ? Form.MESSAGE : Form.TRANSCRIPT;
        if (chosen == Form.MESSAGE) {
            if (at.author() != Author.CUSTOMER) {
                throw new Refused("form", "message " + upTo + " is the bot's; a single-message case is a customer message, so use the transcript form");
            }
            String text = oneLine(at.text());
            return new Cut(upTo, Form.MESSAGE, clip(LOOKS_LIKE_A_LINE.matcher(text).matches() ? "customer: " + text : text));
        }
        List<String> lines = new ArrayList<>();
        int length = -1;
        for (int i = index; i >= 0 && lines.size() < WINDOW; i--) {
            String line = line(botPhase.get(i));
            if (lines.isEmpty()) {
                line = clip(line);
            } else if (length + 1 + line.length() > MAX_TEXT) {
                break;
            }
            lines.add(0, line);
            length += 1 + line.length();
        }
        return new Cut(upTo, Form.TRANSCRIPT, String.join("\n", lines));
    }

    /** The text of a case, the message it ends at and the form it took. */
    public record Cut(int upTo, Form form, String text) {}

    static String line(Said m) {
        if (m.author() == Author.BOT) {
            List<String> tags = new ArrayList<>();
            if (m.confidence() != null) {
                tags.add(BigDecimal.valueOf(Math.max(0, Math.min(1, m.confidence()))).stripTrailingZeros().toPlainString());
            }
            if (m.intent() != null && INTENT.matcher(m.intent()).matches()) {
                tags.add(m.intent());
            }
            return "bot" + (tags.isEmpty() ? "" : "[" + String.join(" ", tags) + "]") + ": " + oneLine(m.text());
        }
        return "customer: " + oneLine(m.text());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
