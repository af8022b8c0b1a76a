-- Operator commands that run one at a time across every web instance (a timelines rebuild, an
-- outbox retry): a command's row is its lease. holder is set by a conditional UPDATE that only
-- succeeds when nobody holds it (or the holder stopped renewing: its instance died); a second
-- command meanwhile answers 409. Rows are created on first use.
CREATE TABLE operator_commands (
    name       VARCHAR(50) PRIMARY KEY,
    holder     VARCHAR(36),
    started_at TIMESTAMP WITH TIME ZONE,
    renewed_at TIMESTAMP WITH TIME ZONE
);
