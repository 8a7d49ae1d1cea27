package dev.handoff.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A fact found in the transcript (an e-mail address, an amount, an order number…), shown as a chip the agent can copy. */
@Embeddable
public class ContextFact {

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "fact_value", nullable = false, length = 200)
    private String value;

    @Column(name = "normalized", nullable = false, length = 200)
    private String normalized;

    @Column(name = "message_line", nullable = false)
    private int line;

    protected ContextFact() {}

    public ContextFact(String kind, String value, String normalized, int line) {
        this.kind = kind;
        this.value = clip(value);
        this.normalized = clip(normalized == null ? value : normalized);
        this.line = line;
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    public String getKind() {
        return kind;
    }

    public String getValue() {
        return value;
    }

    public String getNormalized() {
        return normalized;
    }

    public int getLine() {
        return line;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContextFact f && line == f.line && kind.equals(f.kind) && value.equals(f.value)
                && normalized.equals(f.normalized);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, value, normalized, line);
    }
}
