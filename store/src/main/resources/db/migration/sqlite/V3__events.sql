-- The event log. Positions come from the counter row, read and bumped in the appending transaction:
-- appends are serialised, so positions are gapless and become visible in their order.
CREATE TABLE event_counter (
    id            INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_position INTEGER NOT NULL
);
INSERT INTO event_counter (id, last_position) VALUES (1, 0);

CREATE TABLE events (
    position    INTEGER NOT NULL PRIMARY KEY,
    event_id    TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    model       TEXT    NOT NULL,
    occurred_at INTEGER NOT NULL, -- epoch milliseconds
    payload     TEXT    NOT NULL  -- the event as JSON, exactly as written
);
