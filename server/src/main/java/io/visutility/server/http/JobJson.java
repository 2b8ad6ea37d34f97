package io.visutility.server.http;

import io.visutility.jobs.Job;
import io.visutility.retrain.StudyRecord;
import io.visutility.retrain.TrialRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON forms of jobs, studies and trials. Numbers that do not exist yet (a failed trial's score) are null. */
final class JobJson {
    private JobJson() {
    }

    static Map<String, Object> job(Job j) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", j.id());
        json.put("model", j.model());
        json.put("state", j.state().name());
        json.put("active", j.state().isActive());
        json.put("attempts", j.attempts());
        json.put("maxAttempts", j.maxAttempts());
        json.put("triggerEventId", j.triggerEventId());
        json.put("createdAt", j.createdAt());
        json.put("updatedAt", j.updatedAt());
        json.put("notBefore", j.notBefore());
        json.put("lastError", j.lastError());
        json.put("worker", j.leaseOwner());
        json.put("leaseUntil", j.leaseUntil());
        return json;
    }

    static Map<String, Object> study(StudyRecord s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("model", s.model());
        json.put("jobId", s.jobId());
        json.put("state", s.state().name());
        json.put("seed", s.seed());
        json.put("scheduler", s.scheduler());
        json.put("bestTrial", s.bestTrial() < 0 ? null : s.bestTrial());
        json.put("created", s.created());
        json.put("finished", s.finished());
        return json;
    }

    static Map<String, Object> trial(TrialRecord t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", t.number());
        json.put("state", t.state().name());
        json.put("params", t.params().asMap());
        json.put("budget", t.budget().toString());
        json.put("promotedFrom", t.promotedFrom() < 0 ? null : t.promotedFrom());
        json.put("attempt", t.attempt());
        json.put("objective", Double.isFinite(t.objective()) ? t.objective() : null);
        json.put("metrics", t.metrics());
        json.put("artifactSha256", t.artifactSha256());
        json.put("started", t.started());
        json.put("finished", t.finished());
        json.put("durationMillis", t.duration() == null ? null : t.duration().toMillis());
        json.put("error", t.error());
        return json;
    }
}
