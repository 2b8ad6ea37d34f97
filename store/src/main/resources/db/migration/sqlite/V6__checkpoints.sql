-- Stream consumers' checkpoints: per consumer group and partition the next offset to read, and the
-- monitor state of each model as of the checkpoint that last saved it. Saved together in one transaction.
CREATE TABLE ingest_checkpoints (
    consumer_group TEXT    NOT NULL,
    topic          TEXT    NOT NULL,
    partition_no   INTEGER NOT NULL,
    next_offset    INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL, -- epoch milliseconds
    PRIMARY KEY (consumer_group, topic, partition_no)
);

CREATE TABLE monitor_snapshots (
    consumer_group TEXT    NOT NULL,
    model          TEXT    NOT NULL,
    topic          TEXT    NOT NULL,
    partition_no   INTEGER NOT NULL,
    snapshot       BLOB    NOT NULL,
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (consumer_group, model)
);
CREATE INDEX monitor_snapshots_by_partition ON monitor_snapshots (consumer_group, topic, partition_no);
