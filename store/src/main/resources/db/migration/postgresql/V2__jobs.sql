-- Retrain jobs. A RUNNING job holds its worker's lease; seq keeps the order jobs were queued in.
CREATE TABLE jobs (
    seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               TEXT        NOT NULL UNIQUE,
    model            TEXT        NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    attempts         INTEGER     NOT NULL CHECK (attempts >= 0),
    max_attempts     INTEGER     NOT NULL CHECK (max_attempts >= 1),
    trigger_event_id TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    not_before       TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    lease_owner      TEXT,
    lease_until      TIMESTAMPTZ,
    CHECK ((state = 'RUNNING') = (lease_owner IS NOT NULL AND lease_until IS NOT NULL))
);

-- Single-flight: at most one QUEUED or RUNNING job per model, whoever inserts it.
CREATE UNIQUE INDEX jobs_one_active_per_model ON jobs (model) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX jobs_by_model ON jobs (model, seq);
