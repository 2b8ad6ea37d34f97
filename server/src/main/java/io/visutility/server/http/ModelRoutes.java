package io.visutility.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.visutility.ingest.IngestJson;
import io.visutility.registry.Names;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.app.ModelSpecs;
import io.visutility.server.app.Orchestrator;
import io.visutility.server.app.Prediction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models and what they report: declare and list models, read one's state, post metric reports,
 * predictions and labels (202 with the count accepted), and score features with the champion.
 */
public final class ModelRoutes implements RouteGroup {
    private static final String MODELS = "/api/v1/models";
    private static final String MODEL = MODELS + "/{name}";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final Orchestrator orchestrator;

    /** @param orchestrator the service the routes drive */
    public ModelRoutes(Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of(HandlerType.GET, MODELS, Route.Role.READER, "List the declared models with their state",
                        null, List.of(200), this::list),
                Route.of(HandlerType.POST, MODELS, Route.Role.WRITER, "Declare a model (201; 200 if declared alike)",
                        "a model declaration", List.of(200, 201, 400, 409), this::declare),
                Route.of(HandlerType.GET, MODEL, Route.Role.READER,
                        "A model's spec, state, champion, metrics window and label join", null, List.of(200, 404),
                        this::detail),
                Route.of(HandlerType.POST, MODEL + "/metrics", Route.Role.WRITER,
                        "Report metrics: one {precision, recall, f1_score, timestamp?} or an array of them",
                        "a metric report or an array of them", List.of(202, 400, 404, 413, 415), this::metrics),
                Route.of(HandlerType.POST, MODEL + "/predictions", Route.Role.WRITER,
                        "Report served predictions: {id, features, score, label?, timestamp?} or an array",
                        "a prediction or an array of them", List.of(202, 400, 404, 413, 415), this::predictions),
                Route.of(HandlerType.POST, MODEL + "/labels", Route.Role.WRITER,
                        "Report labels of earlier predictions: {id, label, timestamp?} or an array",
                        "a label or an array of them", List.of(202, 400, 404, 413, 415), this::labels),
                Route.of(HandlerType.POST, MODEL + "/predict", Route.Role.WRITER,
                        "Score {features} with the champion; the prediction is logged for monitoring",
                        "{\"features\": {name: number}}", List.of(200, 400, 404, 409), this::predict));
    }

    private void list(Context ctx) {
        ctx.json(Map.of("models", orchestrator.models().stream().map(s -> ModelJson.summary(orchestrator, s)).toList()));
    }

    private void declare(Context ctx) {
        Map<String, Object> body = object(ctx.body());
        Object name = body.get("name");
        if (!(name instanceof String text)) {
            throw ApiError.invalid("name", "name is required and must be a string, was " + name);
        }
        Names.model(text);
        Map<String, Object> rest = new LinkedHashMap<>(body);
        rest.remove("name");
        ModelSpec spec = ModelSpecs.fromMap(text, rest, "");
        boolean existed = orchestrator.model(text).isPresent();
        ModelSpec declared = orchestrator.declare(spec);
        ctx.status(existed ? 200 : 201).json(ModelJson.spec(declared));
    }

    private void detail(Context ctx) {
        ModelSpec spec = orchestrator.require(RouteInputs.model(ctx));
        ctx.json(ModelJson.detail(orchestrator, spec));
    }

    private void metrics(Context ctx) {
        String model = RouteInputs.model(ctx);
        int accepted = orchestrator.metrics(model, IngestJson.metrics(ctx.body()));
        ctx.status(202).json(Map.of("accepted", accepted));
    }

    private void predictions(Context ctx) {
        String model = RouteInputs.model(ctx);
        int accepted = orchestrator.predictions(model, IngestJson.predictions(ctx.body()));
        ctx.status(202).json(Map.of("accepted", accepted));
    }

    private void labels(Context ctx) {
        String model = RouteInputs.model(ctx);
        int accepted = orchestrator.labels(model, IngestJson.labels(ctx.body()));
        ctx.status(202).json(Map.of("accepted", accepted));
    }

    private void predict(Context ctx) {
        String model = RouteInputs.model(ctx);
        Map<String, Object> body = object(ctx.body());
        for (String key : body.keySet()) {
            if (!key.equals("features")) {
                throw ApiError.invalid(key, "unknown field \"" + key + "\"; known fields: features");
            }
        }
        if (!(body.get("features") instanceof Map<?, ?> raw) || raw.isEmpty()) {
            throw ApiError.invalid("features", "features must be a non-empty object of numbers, was "
                    + (body.get("features") == null ? "missing" : body.get("features")));
        }
        Map<String, Double> features = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw ApiError.invalid("features." + k, "features." + k + " must be a finite number, was " + v);
            }
            features.put(String.valueOf(k), n.doubleValue());
        });
        Prediction p = orchestrator.predict(model, features);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("version", p.version());
        out.put("score", p.score());
        out.put("label", p.label());
        ctx.json(out);
    }

    private static Map<String, Object> object(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.invalid("body", "the body must be a JSON object, was empty");
        }
        try {
            Map<String, Object> map = ApiJson.mapper().readValue(body, OBJECT);
            if (map == null) {
                throw ApiError.invalid("body", "the body must be a JSON object, was null");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("body", "the body must be a JSON object: " + e.getOriginalMessage());
        }
    }
}
