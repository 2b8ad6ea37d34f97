package io.visutility.store.internal;

import io.visutility.retrain.GateDecision;
import io.visutility.retrain.StudyArgumentException;
import io.visutility.retrain.StudyRecord;
import io.visutility.retrain.StudyState;
import io.visutility.retrain.StudyStateException;
import io.visutility.retrain.StudyStore;
import io.visutility.retrain.TrialRecord;
import io.visutility.retrain.TrialState;
import io.visutility.training.Budget;
import io.visutility.tuning.HyperParams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The study store in SQL (tables {@code studies}, {@code trials}, {@code gate_decisions}). Idempotent
 * writes insert with {@code ON CONFLICT DO NOTHING} and read back what won; state changes lock the row
 * (PostgreSQL) or the database (SQLite) and check the stored state first.
 */
public final class JdbcStudyStore implements StudyStore {
    private final Database db;
    private final Clock clock;
    private final StudyRows rows;

    /** A store over the migrated {@code db}, stamping times with {@code clock}. */
    public JdbcStudyStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rows = new StudyRows(db.dialect());
    }

    @Override
    public StudyRecord openStudy(String model, String jobId, long seed, String scheduler) {
        StudyRecord fresh = StudyRecord.started(UUID.randomUUID().toString(), model, jobId, seed, scheduler,
                db.dialect().now(clock));
        StudyRecord stored = db.write("open the study of job " + jobId, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO studies (" + StudyRows.STUDY
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING")) {
                ps.setString(1, fresh.id());
                ps.setString(2, fresh.model());
                ps.setString(3, fresh.jobId());
                ps.setString(4, fresh.state().name());
                ps.setLong(5, fresh.seed());
                ps.setString(6, fresh.scheduler());
                ps.setInt(7, fresh.bestTrial());
                db.dialect().setTime(ps, 8, fresh.created());
                rows.setTimeOrNull(ps, 9, null);
                ps.executeUpdate();
            }
            return one(c, "SELECT " + StudyRows.STUDY + " FROM studies WHERE job_id = ?", jobId).orElseThrow();
        });
        if (!stored.model().equals(model)) {
            throw new StudyStateException("job " + jobId + " already has study " + stored.id() + " of model "
                    + stored.model() + ", not " + model);
        }
        return stored;
    }

    @Override
    public Optional<StudyRecord> study(String studyId) {
        return db.read("read study " + studyId,
                c -> one(c, "SELECT " + StudyRows.STUDY + " FROM studies WHERE id = ?", studyId));
    }

    @Override
    public Optional<StudyRecord> studyOfJob(String jobId) {
        return db.read("read the study of job " + jobId,
                c -> one(c, "SELECT " + StudyRows.STUDY + " FROM studies WHERE job_id = ?", jobId));
    }

    @Override
    public List<StudyRecord> studies(String model, int limit) {
        StudyStore.checkLimit(limit);
        return db.read("list the studies of " + model, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + StudyRows.STUDY + " FROM studies"
                    + " WHERE model = ? ORDER BY created_at DESC, seq DESC LIMIT ?")) {
                ps.setString(1, model);
                ps.setInt(2, limit);
                List<StudyRecord> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rows.study(rs));
                    }
                }
                return List.copyOf(found);
            }
        });
    }

    @Override
    public StudyRecord endStudy(String studyId, StudyState outcome, int bestTrial) {
        return db.write("end study " + studyId, c -> {
            StudyRecord stored = locked(c, studyId);
            if (stored.state() != StudyState.RUNNING) {
                if (stored.state() == outcome && stored.bestTrial() == bestTrial) {
                    return stored;
                }
                throw new StudyStateException("study " + studyId + " already ended " + stored.state()
                        + " with best trial " + stored.bestTrial() + "; refused " + outcome + " with " + bestTrial);
            }
            StudyRecord ended = stored.end(outcome, bestTrial, db.dialect().now(clock));
            if (outcome == StudyState.FINISHED) {
                Optional<TrialRecord> best = trial(c, studyId, bestTrial);
                if (best.isEmpty() || best.get().state() != TrialState.SUCCEEDED) {
                    throw new StudyStateException("study " + studyId + " cannot finish with trial " + bestTrial
                            + ": it " + best.map(t -> "is " + t.state()).orElse("is not stored"));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE studies SET state = ?, best_trial = ?, finished_at = ? WHERE id = ? AND state = 'RUNNING'")) {
                ps.setString(1, ended.state().name());
                ps.setInt(2, ended.bestTrial());
                db.dialect().setTime(ps, 3, ended.finished());
                ps.setString(4, studyId);
                ps.executeUpdate();
            }
            return ended;
        });
    }

    @Override
    public TrialRecord startTrial(String studyId, int number, HyperParams params, Budget budget, int promotedFrom,
                                  int attempt) {
        TrialRecord fresh = TrialRecord.started(studyId, number, params, budget, promotedFrom, attempt,
                db.dialect().now(clock));
        return db.write("start trial " + number + " of study " + studyId, c -> {
            StudyRecord study = locked(c, studyId);
            Optional<TrialRecord> stored = trial(c, studyId, number);
            if (stored.isPresent()) {
                return stored.get();
            }
            if (study.state() != StudyState.RUNNING) {
                throw new StudyStateException("study " + studyId + " is " + study.state() + "; trial " + number
                        + " cannot start");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trials (" + StudyRows.TRIAL + ") VALUES ("
                    + rows.placeholders(StudyRows.TRIAL, "params", "metrics") + ")")) {
                rows.bindTrial(ps, fresh);
                ps.executeUpdate();
            }
            return fresh;
        });
    }

    @Override
    public TrialRecord succeedTrial(String studyId, int number, double objective, Map<String, Double> metrics,
                                    String artifactSha256, Duration duration) {
        return finish(studyId, number, running -> running.succeeded(objective, metrics, artifactSha256,
                StudyRows.cut(duration), db.dialect().now(clock)));
    }

    @Override
    public TrialRecord failTrial(String studyId, int number, String error, Duration duration) {
        return finish(studyId, number, running -> running.failed(error, StudyRows.cut(duration),
                db.dialect().now(clock)));
    }

    private TrialRecord finish(String studyId, int number, UnaryOperator<TrialRecord> end) {
        return db.write("finish trial " + number + " of study " + studyId, c -> {
            locked(c, studyId);
            TrialRecord stored = trial(c, studyId, number).orElseThrow(() -> new StudyStateException(
                    "study " + studyId + " has no trial " + number));
            if (stored.state() != TrialState.RUNNING) {
                throw new StudyStateException("trial " + number + " of study " + studyId + " already ended "
                        + stored.state() + "; a finished trial is not finished again");
            }
            TrialRecord done = end.apply(stored);
            try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET state = ?, objective = ?, metrics = "
                    + db.dialect().json() + ", artifact_sha256 = ?, finished_at = ?, duration_micros = ?, error = ?"
                    + " WHERE study_id = ? AND number = ? AND state = 'RUNNING'")) {
                ps.setString(1, done.state().name());
                if (Double.isNaN(done.objective())) {
                    ps.setNull(2, java.sql.Types.DOUBLE);
                } else {
                    ps.setDouble(2, done.objective());
                }
                ps.setString(3, Json.write(done.metrics()));
                ps.setString(4, done.artifactSha256());
                db.dialect().setTime(ps, 5, done.finished());
                ps.setLong(6, done.duration().getSeconds() * 1_000_000L + done.duration().getNano() / 1_000);
                ps.setString(7, done.error());
                ps.setString(8, studyId);
                ps.setInt(9, number);
                ps.executeUpdate();
            }
            return done;
        });
    }

    @Override
    public List<TrialRecord> trials(String studyId) {
        return db.read("list the trials of study " + studyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + StudyRows.TRIAL
                    + " FROM trials WHERE study_id = ? ORDER BY number")) {
                ps.setString(1, studyId);
                List<TrialRecord> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rows.trial(rs));
                    }
                }
                return List.copyOf(found);
            }
        });
    }

    @Override
    public GateDecision recordDecision(GateDecision decision) {
        if (decision == null) {
            throw new StudyArgumentException("decision", "decision must not be null");
        }
        GateDecision cut = new GateDecision(decision.jobId(), decision.studyId(), decision.model(),
                decision.candidateVersion(), decision.championVersion(), decision.metric(),
                decision.candidateMetrics(), decision.championMetrics(), decision.minImprovement(), decision.guards(),
                decision.promote(), decision.rule(), decision.reason(), db.dialect().cut(decision.decidedAt()));
        return db.write("record the gate's decision for job " + decision.jobId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gate_decisions (" + StudyRows.DECISION
                    + ") VALUES (" + rows.placeholders(StudyRows.DECISION, "candidate_metrics", "champion_metrics",
                    "guards") + ") ON CONFLICT (job_id) DO NOTHING")) {
                rows.bindDecision(ps, cut);
                ps.executeUpdate();
            }
            return decision(c, cut.jobId()).orElseThrow();
        });
    }

    @Override
    public Optional<GateDecision> decision(String jobId) {
        return db.read("read the gate's decision for job " + jobId, c -> decision(c, jobId));
    }

    private Optional<GateDecision> decision(Connection c, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + StudyRows.DECISION
                + " FROM gate_decisions WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rows.decision(rs)) : Optional.empty();
            }
        }
    }

    private StudyRecord locked(Connection c, String studyId) throws SQLException {
        return one(c, "SELECT " + StudyRows.STUDY + " FROM studies WHERE id = ?" + db.dialect().forUpdate(), studyId)
                .orElseThrow(() -> new StudyStateException("no study " + studyId));
    }

    private Optional<StudyRecord> one(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rows.study(rs)) : Optional.empty();
            }
        }
    }

    private Optional<TrialRecord> trial(Connection c, String studyId, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + StudyRows.TRIAL
                + " FROM trials WHERE study_id = ? AND number = ?")) {
            ps.setString(1, studyId);
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rows.trial(rs)) : Optional.empty();
            }
        }
    }
}
