package io.visutility.store.internal;

import io.visutility.registry.Lineage;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads and writes rows of the versions table, with their tags. */
final class VersionRows {
    static final String COLUMNS = "name, version, sha256, params, metrics, created_at, parent_version,"
            + " trigger_event_id, job_id, trainer, details, idempotency_key";

    private final Dialect dialect;
    private final TagRows tags = new TagRows();

    VersionRows(Dialect dialect) {
        this.dialect = dialect;
    }

    TagRows tags() {
        return tags;
    }

    void insert(Connection c, NewModelVersion v, int version, Instant createdAt) throws SQLException {
        String json = dialect.json();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO versions (" + COLUMNS + ") VALUES (?, ?, ?, "
                + json + ", " + json + ", ?, ?, ?, ?, ?, " + json + ", ?)")) {
            Lineage lineage = v.lineage();
            ps.setString(1, v.name());
            ps.setInt(2, version);
            ps.setString(3, v.sha256());
            ps.setString(4, Json.write(v.params().asMap()));
            ps.setString(5, Json.write(v.metrics()));
            dialect.setTime(ps, 6, createdAt);
            if (lineage.parentVersion() == null) {
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(7, lineage.parentVersion());
            }
            ps.setString(8, lineage.triggerEventId());
            ps.setString(9, lineage.jobId());
            ps.setString(10, lineage.trainer());
            ps.setString(11, Json.write(lineage.details()));
            ps.setString(12, v.idempotencyKey());
            ps.executeUpdate();
        }
        tags.put(c, v.name(), version, v.tags());
    }

    /**
     * The versions selected by {@code where} (a condition on the versions table) with {@code args}, each
     * with its tags as they are now.
     */
    List<ModelVersion> select(Connection c, String where, Object... args) throws SQLException {
        List<ModelVersion> found = selectUntagged(c, where, args);
        // One range read of tags per model: callers select one version, a page, or a model's versions.
        Map<String, IntSummaryStatistics> ranges = found.stream().collect(Collectors.groupingBy(ModelVersion::name,
                Collectors.summarizingInt(ModelVersion::version)));
        Map<String, Map<Integer, Map<String, String>>> tagged = new HashMap<>();
        for (Map.Entry<String, IntSummaryStatistics> range : ranges.entrySet()) {
            tagged.put(range.getKey(), tags.between(c, range.getKey(), range.getValue().getMin(),
                    range.getValue().getMax()));
        }
        return found.stream().map(v -> v.withTags(tagged.get(v.name()).getOrDefault(v.version(), Map.of()))).toList();
    }

    private List<ModelVersion> selectUntagged(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM versions WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<ModelVersion> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs));
                }
            }
            return found;
        }
    }

    private ModelVersion map(ResultSet rs) throws SQLException {
        int parent = rs.getInt("parent_version");
        Integer parentVersion = rs.wasNull() ? null : parent;
        Lineage lineage = new Lineage(parentVersion, rs.getString("trigger_event_id"), rs.getString("job_id"),
                rs.getString("trainer"), Json.details(rs.getString("details")));
        return new ModelVersion(rs.getString("name"), rs.getInt("version"), rs.getString("sha256"),
                Json.params(rs.getString("params")), Json.metrics(rs.getString("metrics")),
                dialect.getTime(rs, "created_at"), lineage);
    }
}
