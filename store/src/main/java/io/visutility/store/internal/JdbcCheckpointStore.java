package io.visutility.store.internal;

import io.visutility.ingest.Checkpoint;
import io.visutility.ingest.CheckpointStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checkpoints in two SQL tables, written in one transaction. The offset row is an upsert that only moves
 * forward, so a stale owner's save changes no row and is refused, with its snapshots, as a whole.
 */
public final class JdbcCheckpointStore implements CheckpointStore {
    private final Database db;
    private final Clock clock;

    /** Creates the store over the migrated {@code db}, stamping rows with {@code clock}. */
    public JdbcCheckpointStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean save(String group, String topic, int partition, long nextOffset, Map<String, byte[]> snapshots) {
        CheckpointStore.check(group, topic, partition, nextOffset, snapshots);
        return db.write("save the checkpoint of " + group + "/" + topic + "/" + partition, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_checkpoints (consumer_group, topic,"
                    + " partition_no, next_offset, updated_at) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (consumer_group, topic, partition_no) DO UPDATE SET next_offset = excluded.next_offset,"
                    + " updated_at = excluded.updated_at WHERE ingest_checkpoints.next_offset <= excluded.next_offset")) {
                ps.setString(1, group);
                ps.setString(2, topic);
                ps.setInt(3, partition);
                ps.setLong(4, nextOffset);
                db.dialect().setTime(ps, 5, clock.instant());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO monitor_snapshots (consumer_group, model,"
                    + " topic, partition_no, snapshot, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (consumer_group, model) DO UPDATE SET topic = excluded.topic,"
                    + " partition_no = excluded.partition_no, snapshot = excluded.snapshot,"
                    + " updated_at = excluded.updated_at")) {
                for (Map.Entry<String, byte[]> e : snapshots.entrySet()) {
                    ps.setString(1, group);
                    ps.setString(2, e.getKey());
                    ps.setString(3, topic);
                    ps.setInt(4, partition);
                    ps.setBytes(5, e.getValue());
                    db.dialect().setTime(ps, 6, clock.instant());
                    ps.addBatch();
                }
                if (!snapshots.isEmpty()) {
                    ps.executeBatch();
                }
            }
            return true;
        });
    }

    @Override
    public Optional<Checkpoint> load(String group, String topic, int partition) {
        CheckpointStore.name("group", group);
        CheckpointStore.name("topic", topic);
        return db.read("load the checkpoint of " + group + "/" + topic + "/" + partition, c -> {
            long offset;
            try (PreparedStatement ps = c.prepareStatement("SELECT next_offset FROM ingest_checkpoints"
                    + " WHERE consumer_group = ? AND topic = ? AND partition_no = ?")) {
                ps.setString(1, group);
                ps.setString(2, topic);
                ps.setInt(3, partition);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    offset = rs.getLong(1);
                }
            }
            Map<String, byte[]> snapshots = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT model, snapshot FROM monitor_snapshots"
                    + " WHERE consumer_group = ? AND topic = ? AND partition_no = ?")) {
                ps.setString(1, group);
                ps.setString(2, topic);
                ps.setInt(3, partition);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        snapshots.put(rs.getString(1), rs.getBytes(2));
                    }
                }
            }
            return Optional.of(new Checkpoint(offset, snapshots));
        });
    }
}
