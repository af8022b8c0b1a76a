-- Budgets (docs/security.md, "Budgets"): one Bucket4j token bucket per budget and user (or client
-- address), so that every web instance spends from the same one. id is "<budget>:user:<id>" or
-- "<budget>:address:<SHA-256 of the address or its IPv6 /64>"; state is Bucket4j's serialised
-- bucket; expires_at (epoch milliseconds) is when the bucket is full again, after which the row
-- says nothing and the pruner deletes it (at most bsocial.budgets.prune-batch rows a statement).
CREATE TABLE budget_buckets (
    id         VARCHAR(120) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX budget_buckets_expiry_idx ON budget_buckets (expires_at);
