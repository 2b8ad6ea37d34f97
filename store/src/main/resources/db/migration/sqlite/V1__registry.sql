-- Models, with the counter that hands out their version numbers.
CREATE TABLE models (
    name         TEXT    NOT NULL PRIMARY KEY,
    last_version INTEGER NOT NULL
);

CREATE TABLE versions (
    name             TEXT    NOT NULL REFERENCES models (name),
    version          INTEGER NOT NULL,
    sha256           TEXT    NOT NULL,
    params           TEXT    NOT NULL,
    metrics          TEXT    NOT NULL,
    created_at       INTEGER NOT NULL, -- epoch milliseconds
    parent_version   INTEGER,
    trigger_event_id TEXT,
    job_id           TEXT,
    trainer          TEXT,
    details          TEXT    NOT NULL,
    idempotency_key  TEXT UNIQUE,
    PRIMARY KEY (name, version)
);

CREATE TABLE aliases (
    name    TEXT    NOT NULL,
    alias   TEXT    NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (name, alias),
    FOREIGN KEY (name, version) REFERENCES versions (name, version)
);

-- Every move of an alias, in order: the audit trail of promotions and rollbacks.
CREATE TABLE alias_changes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT    NOT NULL,
    alias        TEXT    NOT NULL,
    from_version INTEGER,
    to_version   INTEGER NOT NULL,
    changed_at   INTEGER NOT NULL, -- epoch milliseconds
    reason       TEXT
);
CREATE INDEX alias_changes_by_alias ON alias_changes (name, alias, id);
