package io.visutility.store.internal;

import io.visutility.retrain.GateDecision;
import io.visutility.retrain.StudyRecord;
import io.visutility.retrain.StudyState;
import io.visutility.retrain.TrialRecord;
import io.visutility.retrain.TrialState;
import io.visutility.training.Budget;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;

/** Maps studies, trials and gate decisions to rows and back, in the dialect's types. */
final class StudyRows {
    static final String STUDY = "id, model, job_id, state, seed, scheduler, best_trial, created_at, finished_at";
    static final String TRIAL = "study_id, number, params, budget, promoted_from, attempt, state, objective, metrics,"
            + " artifact_sha256, started_at, finished_at, duration_micros, error";
    static final String DECISION = "job_id, study_id, model, candidate_version, champion_version, metric,"
            + " candidate_metrics, champion_metrics, min_improvement, guards, promote, rule, reason, decided_at";

    private final Dialect dialect;

    StudyRows(Dialect dialect) {
        this.dialect = dialect;
    }

    StudyRecord study(ResultSet rs) throws SQLException {
        return new StudyRecord(rs.getString("id"), rs.getString("model"), rs.getString("job_id"),
                StudyState.valueOf(rs.getString("state")), rs.getLong("seed"), rs.getString("scheduler"),
                rs.getInt("best_trial"), dialect.getTime(rs, "created_at"), time(rs, "finished_at"));
    }

    TrialRecord trial(ResultSet rs) throws SQLException {
        double objective = rs.getDouble("objective");
        if (rs.wasNull()) {
            objective = Double.NaN;
        }
        long micros = rs.getLong("duration_micros");
        Duration duration = rs.wasNull() ? null : Duration.of(micros, java.time.temporal.ChronoUnit.MICROS);
        return new TrialRecord(rs.getString("study_id"), rs.getInt("number"), Json.params(rs.getString("params")),
                Budget.parse(rs.getString("budget")), rs.getInt("promoted_from"), rs.getInt("attempt"),
                TrialState.valueOf(rs.getString("state")), objective, Json.metrics(rs.getString("metrics")),
                rs.getString("artifact_sha256"), dialect.getTime(rs, "started_at"), time(rs, "finished_at"),
                duration, rs.getString("error"));
    }

    GateDecision decision(ResultSet rs) throws SQLException {
        int champion = rs.getInt("champion_version");
        Integer championVersion = rs.wasNull() ? null : champion;
        return new GateDecision(rs.getString("job_id"), rs.getString("study_id"), rs.getString("model"),
                rs.getInt("candidate_version"), championVersion, rs.getString("metric"),
                Json.metrics(rs.getString("candidate_metrics")), Json.metrics(rs.getString("champion_metrics")),
                rs.getDouble("min_improvement"), Json.metrics(rs.getString("guards")), rs.getBoolean("promote"),
                rs.getString("rule"), rs.getString("reason"), dialect.getTime(rs, "decided_at"));
    }

    /** Binds the trial's columns from {@code first} in {@link #TRIAL} order. */
    void bindTrial(PreparedStatement ps, TrialRecord t) throws SQLException {
        ps.setString(1, t.studyId());
        ps.setInt(2, t.number());
        ps.setString(3, Json.write(t.params().asMap()));
        ps.setString(4, t.budget().toString());
        ps.setInt(5, t.promotedFrom());
        ps.setInt(6, t.attempt());
        ps.setString(7, t.state().name());
        if (Double.isNaN(t.objective())) {
            ps.setNull(8, Types.DOUBLE);
        } else {
            ps.setDouble(8, t.objective());
        }
        ps.setString(9, Json.write(t.metrics()));
        ps.setString(10, t.artifactSha256());
        dialect.setTime(ps, 11, t.started());
        setTimeOrNull(ps, 12, t.finished());
        if (t.duration() == null) {
            ps.setNull(13, Types.BIGINT);
        } else {
            ps.setLong(13, micros(t.duration()));
        }
        ps.setString(14, t.error());
    }

    void bindDecision(PreparedStatement ps, GateDecision d) throws SQLException {
        ps.setString(1, d.jobId());
        ps.setString(2, d.studyId());
        ps.setString(3, d.model());
        ps.setInt(4, d.candidateVersion());
        if (d.championVersion() == null) {
            ps.setNull(5, Types.INTEGER);
        } else {
            ps.setInt(5, d.championVersion());
        }
        ps.setString(6, d.metric());
        ps.setString(7, Json.write(d.candidateMetrics()));
        ps.setString(8, Json.write(d.championMetrics()));
        ps.setDouble(9, d.minImprovement());
        ps.setString(10, Json.write(d.guards()));
        if (dialect == Dialect.SQLITE) {
            ps.setInt(11, d.promote() ? 1 : 0);
        } else {
            ps.setBoolean(11, d.promote());
        }
        ps.setString(12, d.rule());
        ps.setString(13, d.reason());
        dialect.setTime(ps, 14, d.decidedAt());
    }

    /** A duration as the columns keep it: whole microseconds. */
    static Duration cut(Duration d) {
        return d == null ? null : Duration.of(micros(d), java.time.temporal.ChronoUnit.MICROS);
    }

    private static long micros(Duration d) {
        return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
    }

    void setTimeOrNull(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (time == null) {
            ps.setNull(index, dialect == Dialect.SQLITE ? Types.BIGINT : Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            dialect.setTime(ps, index, time);
        }
    }

    private Instant time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? null : dialect.getTime(rs, column);
    }

    /** The placeholders of a row of {@code columns}, JSON ones cast where the dialect needs it. */
    String placeholders(String columns, String... json) {
        StringBuilder sb = new StringBuilder();
        for (String column : columns.split(",")) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(java.util.List.of(json).contains(column.trim()) ? dialect.json() : "?");
        }
        return sb.toString();
    }
}
