-- The event log. Positions come from the counter row, locked and bumped in the appending transaction:
-- an identity column would hand out numbers at insert time, and a reader could then see a later number
-- committed before an earlier one and skip the earlier for good. Under the lock, positions are gapless
-- and become visible in their order.
CREATE TABLE event_counter (
    id            INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_position BIGINT  NOT NULL
);
INSERT INTO event_counter (id, last_position) VALUES (1, 0);

CREATE TABLE events (
    position    BIGINT      NOT NULL PRIMARY KEY,
    event_id    TEXT        NOT NULL UNIQUE,
    type        TEXT        NOT NULL,
    model       TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    -- TEXT, not JSONB: the JSON is read back exactly as written (JSONB rewrites numbers and refuses \u0000).
    payload     TEXT        NOT NULL
);
