-- Studies: the tuning of one retrain job each. seq keeps the order studies were opened in.
CREATE TABLE studies (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          TEXT        NOT NULL UNIQUE,
    model       TEXT        NOT NULL,
    job_id      TEXT        NOT NULL UNIQUE,
    state       TEXT        NOT NULL CHECK (state IN ('RUNNING', 'FINISHED', 'FAILED')),
    seed        BIGINT      NOT NULL,
    scheduler   TEXT        NOT NULL,
    best_trial  INTEGER     NOT NULL CHECK ((state = 'FINISHED') = (best_trial >= 0)),
    created_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    CHECK ((state = 'RUNNING') = (finished_at IS NULL))
);
CREATE INDEX studies_by_model ON studies (model, created_at, seq);

-- Trials are stored RUNNING before they train, so a resumed study knows what a dead attempt left.
CREATE TABLE trials (
    study_id        TEXT             NOT NULL REFERENCES studies (id),
    number          INTEGER          NOT NULL CHECK (number >= 0),
    params          JSONB            NOT NULL,
    budget          TEXT             NOT NULL,
    promoted_from   INTEGER          NOT NULL,
    attempt         INTEGER          NOT NULL CHECK (attempt >= 1),
    state           TEXT             NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    objective       DOUBLE PRECISION, -- null unless SUCCEEDED
    metrics         JSONB            NOT NULL,
    artifact_sha256 TEXT,
    started_at      TIMESTAMPTZ      NOT NULL,
    finished_at     TIMESTAMPTZ,
    duration_micros BIGINT,
    error           TEXT,
    PRIMARY KEY (study_id, number),
    CHECK ((state = 'RUNNING') = (finished_at IS NULL))
);
CREATE INDEX trials_by_artifact ON trials (artifact_sha256) WHERE artifact_sha256 IS NOT NULL;

-- The promotion gate's verdict, one per retrain job: the first one recorded stays.
CREATE TABLE gate_decisions (
    job_id            TEXT             PRIMARY KEY,
    study_id          TEXT,
    model             TEXT             NOT NULL,
    candidate_version INTEGER          NOT NULL,
    champion_version  INTEGER,
    metric            TEXT             NOT NULL,
    candidate_metrics JSONB            NOT NULL,
    champion_metrics  JSONB            NOT NULL,
    min_improvement   DOUBLE PRECISION NOT NULL,
    guards            JSONB            NOT NULL,
    promote           BOOLEAN          NOT NULL,
    rule              TEXT             NOT NULL,
    reason            TEXT             NOT NULL,
    decided_at        TIMESTAMPTZ      NOT NULL
);
