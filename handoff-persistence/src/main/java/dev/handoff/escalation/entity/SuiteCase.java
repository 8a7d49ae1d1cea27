package dev.handoff.escalation.entity;

import dev.handoff.platform.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One labelled case of a {@link LabelledSuite}: a message or short transcript and the verdict it should get. */
@Embeddable
public class SuiteCase {

    public static final int MAX_TEXT = 4000;

    @Column(name = "case_key", nullable = false, length = 64)
    private String key;

    @Column(name = "text", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(name = "expected", nullable = false)
    private boolean escalate;

    @Column(name = "category", length = 120)
    private String category;

    @Column(name = "expected_trigger", length = 120)
    private String expectedTrigger;

    @Column(name = "notes", length = 1000)
    private String notes;

    protected SuiteCase() {}

    public SuiteCase(String key, String text, boolean escalate, String category, String expectedTrigger, String notes) {
        this.key = limit(Objects.requireNonNull(key, "key").strip(), 64, "id");
        this.text = limit(Objects.requireNonNull(text, "text"), MAX_TEXT, "text");
        if (this.text.isBlank()) {
            throw new InvalidInputException("text is empty");
        }
        this.escalate = escalate;
        this.category = blankToNull(limit(category, 120, "category"));
        this.expectedTrigger = blankToNull(limit(expectedTrigger, 120, "expected trigger"));
        this.notes = blankToNull(limit(notes, 1000, "notes"));
    }

    private static String limit(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field + " is longer than " + max + " characters");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getKey() {
        return key;
    }

    public String getText() {
        return text;
    }

    public boolean isEscalate() {
        return escalate;
    }

    public String getCategory() {
        return category;
    }

    public String getExpectedTrigger() {
        return expectedTrigger;
    }

    public String getNotes() {
        return notes;
    }
}
