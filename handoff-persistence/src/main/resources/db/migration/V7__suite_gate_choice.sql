-- Which suites guard publishing is the admin's choice: admin suites carry their own gate flag
-- (labelled_suite.gate); this one-row table holds the choice for the shipped suite, which is a
-- resource and has no row of its own. No row means the default: the shipped suite is a gate.
CREATE TABLE publishing_gate (
    id            INT          NOT NULL PRIMARY KEY,
    shipped_suite BOOLEAN      NOT NULL,
    updated_by    VARCHAR(64)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL
);
