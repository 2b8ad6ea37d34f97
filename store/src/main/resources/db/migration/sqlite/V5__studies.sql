-- Studies: the tuning of one retrain job each. seq keeps the order studies were opened in.
CREATE TABLE studies (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    model       TEXT    NOT NULL,
    job_id      TEXT    NOT NULL UNIQUE,
    state       TEXT    NOT NULL CHECK (state IN ('RUNNING', 'FINISHED', 'FAILED')),
    seed        INTEGER NOT NULL,
    scheduler   TEXT    NOT NULL,
    best_trial  INTEGER NOT NULL CHECK ((state = 'FINISHED') = (best_trial >= 0)),
    created_at  INTEGER NOT NULL, -- epoch milliseconds, as every time column below
    finished_at INTEGER,
    CHECK ((state = 'RUNNING') = (finished_at IS NULL))
);
CREATE INDEX studies_by_model ON studies (model, created_at, seq);

-- Trials are stored RUNNING before they train, so a resumed study knows what a dead attempt left.
CREATE TABLE trials (
    study_id        TEXT    NOT NULL REFERENCES studies (id),
    number          INTEGER NOT NULL CHECK (number >= 0),
    params          TEXT    NOT NULL,
    budget          TEXT    NOT NULL,
    promoted_from   INTEGER NOT NULL,
    attempt         INTEGER NOT NULL CHECK (attempt >= 1),
    state           TEXT    NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    objective       REAL, -- null unless SUCCEEDED
    metrics         TEXT    NOT NULL,
    artifact_sha256 TEXT,
    started_at      INTEGER NOT NULL,
    finished_at     INTEGER,
    duration_micros INTEGER,
    error           TEXT,
    PRIMARY KEY (study_id, number),
    CHECK ((state = 'RUNNING') = (finished_at IS NULL))
);
CREATE INDEX trials_by_artifact ON trials (artifact_sha256) WHERE artifact_sha256 IS NOT NULL;

-- The promotion gate's verdict, one per retrain job: the first one recorded stays.
CREATE TABLE gate_decisions (
    job_id            TEXT    PRIMARY KEY,
    study_id          TEXT,
    model             TEXT    NOT NULL,
    candidate_version INTEGER NOT NULL,
    champion_version  INTEGER,
    metric            TEXT    NOT NULL,
    candidate_metrics TEXT    NOT NULL,
    champion_metrics  TEXT    NOT NULL,
    min_improvement   REAL    NOT NULL,
    guards            TEXT    NOT NULL,
    promote           INTEGER NOT NULL CHECK (promote IN (0, 1)),
    rule              TEXT    NOT NULL,
    reason            TEXT    NOT NULL,
    decided_at        INTEGER NOT NULL
);
