package dev.handoff.escalation.entity;

import dev.handoff.platform.InvalidInputException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A labelled suite an admin keeps in the portal (or imports from CSV/JSON): the cases a draft trigger
 * set is benched against. A <em>gate</em> suite also counts when a draft is checked before publishing.
 */
@Entity
@Table(name = "labelled_suite")
@NamedQuery(name = LabelledSuite.FIND_ALL, query = "SELECT s FROM LabelledSuite s ORDER BY s.name")
@NamedQuery(name = LabelledSuite.FIND_BY_NAME, query = "SELECT s FROM LabelledSuite s WHERE s.name = :name")
@NamedQuery(name = LabelledSuite.FIND_GATES, query = "SELECT s FROM LabelledSuite s WHERE s.gate = TRUE ORDER BY s.name")
public class LabelledSuite {

    public static final String FIND_ALL = "LabelledSuite.findAll";
    public static final String FIND_BY_NAME = "LabelledSuite.findByName";
    public static final String FIND_GATES = "LabelledSuite.findGates";
    public static final int MAX_CASES = 5000;
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9_-]{0,79}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 80)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(nullable = false)
    private boolean gate;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "labelled_suite_case", joinColumns = @JoinColumn(name = "suite_id"))
    @OrderColumn(name = "position")
    private List<SuiteCase> cases = new ArrayList<>();

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected LabelledSuite() {}

    public LabelledSuite(String name, String description, String user, Instant now) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new InvalidInputException("suite names are 1-80 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        this.name = name;
        describe(description);
        this.createdBy = Objects.requireNonNull(user);
        this.createdAt = Objects.requireNonNull(now);
        touched(user, now);
    }

    public void describe(String newDescription) {
        if (newDescription != null && newDescription.length() > 1000) {
            throw new InvalidInputException("description is longer than 1000 characters");
        }
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
    }

    public void replaceCases(List<SuiteCase> newCases, String user, Instant now) {
        checkSize(newCases.size());
        cases.clear();
        cases.addAll(newCases);
        touched(user, now);
    }

    public void addCase(SuiteCase c, String user, Instant now) {
        checkSize(cases.size() + 1);
        cases.add(Objects.requireNonNull(c));
        touched(user, now);
    }

    public void removeCase(int index, String user, Instant now) {
        if (index < 0 || index >= cases.size()) {
            throw new InvalidInputException("there is no case number " + (index + 1));
        }
        cases.remove(index);
        touched(user, now);
    }

    public void useAsGate(boolean asGate, String user, Instant now) {
        this.gate = asGate;
        touched(user, now);
    }

    private static void checkSize(int size) {
        if (size > MAX_CASES) {
            throw new InvalidInputException("a suite holds at most " + MAX_CASES + " cases");
        }
    }

    private void touched(String user, Instant now) {
        this.updatedBy = Objects.requireNonNull(user);
        this.updatedAt = Objects.requireNonNull(now);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isGate() {
        return gate;
    }

    public List<SuiteCase> getCases() {
        return Collections.unmodifiableList(cases);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
