package io.visutility.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.visutility.jobs.EnqueueResult;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import io.visutility.jobs.SchedulerException;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.retrain.StudyRecord;
import io.visutility.retrain.StudyStore;
import io.visutility.retrain.TrialRecord;
import io.visutility.server.app.Orchestrator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Retrain jobs over HTTP: ask for a retrain (one active job per model), list jobs, read one with its
 * study, trials and gate decision, and cancel one.
 */
public final class JobRoutes implements RouteGroup {
    /** The most jobs one listing returns. */
    static final int MAX_LIMIT = 1_000;

    private final Orchestrator orchestrator;

    /** @param orchestrator whose jobs to serve */
    public JobRoutes(Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of(HandlerType.POST, "/api/v1/models/{name}/retrain", Route.Role.WRITER,
                        "Queue a retrain of the model now; 409 names the job already active", null,
                        List.of(202, 400, 404, 409, 503), this::retrain),
                Route.of(HandlerType.GET, "/api/v1/jobs", Route.Role.READER,
                        "List retrain jobs, newest first, of one model or of all", null, List.of(200, 400, 404),
                        this::list),
                Route.of(HandlerType.GET, "/api/v1/jobs/{id}", Route.Role.READER,
                        "One job with its study, trials and gate decision", null, List.of(200, 400, 404),
                        this::job),
                Route.of(HandlerType.POST, "/api/v1/jobs/{id}/cancel", Route.Role.WRITER,
                        "Cancel a queued or running job", null, List.of(200, 202, 400, 404, 409), this::cancel));
    }

    private void retrain(Context ctx) {
        String name = RouteInputs.model(ctx);
        String reason = ctx.queryParam("reason");
        if (reason != null && (reason.length() > 500 || reason.codePoints().anyMatch(Character::isISOControl))) {
            throw ApiError.invalid("reason", "reason must have at most 500 characters and no control characters,"
                    + " was " + RouteInputs.quote(reason));
        }
        EnqueueResult result = orchestrator.retrain(name, reason == null || reason.isBlank()
                ? "retrain requested over the API" : reason);
        Job job = result.job();
        if (result instanceof EnqueueResult.AlreadyActive) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", "CONFLICT");
            error.put("message", "a retrain of " + name + " is already " + job.state().name().toLowerCase(Locale.ROOT)
                    + ": job " + job.id());
            error.put("jobId", job.id());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error);
            body.put("jobId", job.id());
            ctx.status(409).json(body);
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobId", job.id());
        json.put("job", JobJson.job(job));
        ctx.status(202).json(json);
    }

    private void list(Context ctx) {
        String model = RouteInputs.modelQuery(ctx);
        String stateText = ctx.queryParam("state");
        JobState state = null;
        if (stateText != null) {
            try {
                state = JobState.valueOf(stateText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiError.invalid("state", "state must be one of " + List.of(JobState.values()) + ", was "
                        + RouteInputs.quote(stateText));
            }
        }
        int limit = (int) RouteInputs.number(ctx, "limit", 1, MAX_LIMIT, 100);
        List<Job> jobs = orchestrator.store().jobs().list(model);
        if (model != null && jobs.isEmpty() && orchestrator.model(model).isEmpty()) {
            throw new ModelNotFoundException("model " + model + " is not declared and has no jobs");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = jobs.size() - 1; i >= 0 && items.size() < limit; i--) {
            Job job = jobs.get(i);
            if (state == null || job.state() == state) {
                items.add(JobJson.job(job));
            }
        }
        ctx.json(Map.of("jobs", items));
    }

    private void job(Context ctx) {
        Job job = find(RouteInputs.jobId(ctx, "id"));
        StudyStore studies = orchestrator.store().studies();
        Optional<StudyRecord> study = studies.studyOfJob(job.id());
        List<Map<String, Object>> trials = new ArrayList<>();
        study.ifPresent(s -> studies.trials(s.id()).stream().sorted(Comparator.comparingInt(TrialRecord::number))
                .forEach(t -> trials.add(JobJson.trial(t))));
        Map<String, Object> json = JobJson.job(job);
        json.put("study", study.map(JobJson::study).orElse(null));
        json.put("trials", trials);
        json.put("decision", studies.decision(job.id()).map(RegistryJson::decision).orElse(null));
        ctx.json(json);
    }

    private void cancel(Context ctx) {
        Job job = find(RouteInputs.jobId(ctx, "id"));
        if (!job.state().isActive()) {
            throw ApiError.conflict("job " + job.id() + " has ended (" + job.state() + "); it cannot be cancelled");
        }
        Job after;
        try {
            after = orchestrator.cancel(job.id());
        } catch (SchedulerException e) {
            // It ended between the look-up and the cancel.
            throw ApiError.conflict(e.getMessage());
        }
        // A running attempt is interrupted and recorded CANCELLED when it stops: 202 until then.
        ctx.status(after.state() == JobState.CANCELLED ? 200 : 202).json(JobJson.job(after));
    }

    private Job find(String id) {
        return orchestrator.store().jobs().find(id)
                .orElseThrow(() -> new ApiError(404, "NOT_FOUND", null, "no job with id " + RouteInputs.quote(id)));
    }
}
