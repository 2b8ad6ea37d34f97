package io.visutility.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.visutility.event.MonitorEvent;
import io.visutility.registry.AliasChange;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.Names;
import io.visutility.registry.Page;
import io.visutility.registry.VersionPages;
import io.visutility.retrain.Promotions;
import io.visutility.retrain.RetrainException;
import io.visutility.server.app.Orchestrator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The model registry over HTTP: versions page by page, one version, its artifact bytes (verified against
 * their sha256), its lineage, aliases read and moved by compare-and-set, and rollback of the champion.
 */
public final class RegistryRoutes implements RouteGroup {
    static final String MODEL = "/api/v1/models/{name}";
    static final String VERSION = MODEL + "/versions/{version}";

    private final Orchestrator orchestrator;

    /** @param orchestrator whose store's registry to serve */
    public RegistryRoutes(Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of(HandlerType.GET, MODEL + "/versions", Route.Role.READER,
                        "List a model's versions, oldest first, a page at a time", null, List.of(200, 400, 404),
                        this::versions),
                Route.of(HandlerType.GET, VERSION, Route.Role.READER,
                        "One version with its lineage, aliases and gate decision", null, List.of(200, 400, 404),
                        this::version),
                Route.of(HandlerType.GET, VERSION + "/artifact", Route.Role.READER,
                        "The version's artifact bytes, verified against their sha256", null,
                        List.of(200, 304, 400, 404, 500), new RegistryArtifacts(orchestrator.store())),
                Route.of(HandlerType.GET, VERSION + "/lineage", Route.Role.READER,
                        "Where the version came from, step by step back to the first version", null,
                        List.of(200, 400, 404), new RegistryLineage(orchestrator.store())),
                Route.of(HandlerType.GET, MODEL + "/aliases/{alias}", Route.Role.READER,
                        "The version an alias points to, with the alias's history", null, List.of(200, 400, 404),
                        this::alias),
                Route.of(HandlerType.PUT, MODEL + "/aliases/{alias}", Route.Role.WRITER,
                        "Point an alias at a version by compare-and-set", "{\"version\":N,\"expectedVersion\":M?,"
                                + "\"reason\":\"...\"?,\"actor\":\"...\"?}",
                        List.of(200, 400, 404, 409), this::setAlias),
                Route.of(HandlerType.POST, MODEL + "/rollback", Route.Role.WRITER,
                        "Make the previous champion the champion again", null, List.of(200, 404, 409),
                        this::rollback));
    }

    private void versions(Context ctx) {
        String name = RouteInputs.knownModel(ctx, orchestrator);
        int limit = (int) RouteInputs.number(ctx, "limit", 1, VersionPages.MAX_LIMIT, 100);
        String token = ctx.queryParam("pageToken");
        ModelRegistry registry = orchestrator.store().registry();
        Page<ModelVersion> page = registry.versions(name, token == null || token.isEmpty() ? null : token, limit);
        Map<Integer, List<String>> aliases = RegistryJson.aliases(registry, name);
        List<Map<String, Object>> items = new ArrayList<>();
        for (ModelVersion v : page.items()) {
            items.add(RegistryJson.version(v, aliases.getOrDefault(v.version(), List.of()),
                    RegistryJson.decision(orchestrator.store().studies(), v).orElse(null)));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("versions", items);
        json.put("nextPageToken", page.nextPageToken());
        ctx.json(json);
    }

    private void version(Context ctx) {
        String name = RouteInputs.model(ctx);
        int version = RouteInputs.version(ctx, "version");
        ctx.json(RegistryJson.version(orchestrator.store(), orchestrator.store().registry().get(name, version)));
    }

    private void alias(Context ctx) {
        String name = RouteInputs.knownModel(ctx, orchestrator);
        String alias = Names.alias(ctx.pathParam("alias"));
        ModelRegistry registry = orchestrator.store().registry();
        Optional<ModelVersion> target = registry.models().contains(name) ? registry.alias(name, alias)
                : Optional.empty();
        if (target.isEmpty()) {
            throw ApiError.notFound("alias " + alias + " of model " + name + " is not set");
        }
        ctx.json(aliasJson(name, alias, target.get()));
    }

    /** The body of {@code PUT .../aliases/{alias}}. */
    record AliasRequest(Integer version, Integer expectedVersion, String reason, String actor) {
    }

    private void setAlias(Context ctx) {
        String name = RouteInputs.knownModel(ctx, orchestrator);
        String alias = Names.alias(ctx.pathParam("alias"));
        AliasRequest request = RouteInputs.body(ctx, AliasRequest.class);
        if (request.version() == null) {
            throw ApiError.invalid("version", "version is required: the version the alias should point to");
        }
        Names.version(request.version());
        if (request.expectedVersion() != null && request.expectedVersion() < 1) {
            throw ApiError.invalid("expectedVersion", "expectedVersion must be >= 1, was " + request.expectedVersion());
        }
        String actor = Names.actor(request.actor() == null ? "api" : "api:" + request.actor());
        String reason = request.reason() == null ? "set over the API" : request.reason();
        if (reason.length() > 500 || reason.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiError.invalid("reason", "reason must have at most 500 characters and no control characters,"
                    + " was " + RouteInputs.quote(reason));
        }
        ModelRegistry registry = orchestrator.store().registry();
        ModelVersion target = registry.get(name, request.version());
        Integer current = registry.models().contains(name)
                ? registry.alias(name, alias).map(ModelVersion::version).orElse(null) : null;
        // Without expectedVersion the caller moves the alias from wherever it is now; still a compare-and-set,
        // so a change racing this one is a 409 rather than silently overwritten.
        Integer expected = request.expectedVersion() != null ? request.expectedVersion() : current;
        if (alias.equals(ModelRegistry.CHAMPION)) {
            if (!Objects.equals(expected, current)) {
                throw ApiError.conflict("alias champion of " + name + " points to "
                        + (current == null ? "no version" : "v" + current) + ", not v" + expected);
            }
            // The champion moves with "previous", so that a rollback can return to the replaced version.
            new Promotions(registry).promote(name, target.version(), expected, reason, actor);
            if (!Objects.equals(current, target.version())) {
                orchestrator.bus().publish(new MonitorEvent.ModelPromoted(MonitorEvent.newId(), name,
                        orchestrator.clock().instant(), target.version(), current, reason + " (by " + actor + ")",
                        Map.of(), Map.of()));
            }
        } else {
            registry.setAlias(name, alias, target.version(), expected, reason, actor);
        }
        ctx.json(aliasJson(name, alias, registry.get(name, target.version())));
    }

    private void rollback(Context ctx) {
        String name = RouteInputs.model(ctx);
        ModelRegistry registry = orchestrator.store().registry();
        Integer before = orchestrator.model(name).isPresent() && registry.models().contains(name)
                ? registry.alias(name, ModelRegistry.CHAMPION).map(ModelVersion::version).orElse(null) : null;
        ModelVersion champion;
        try {
            champion = orchestrator.rollback(name, "api");
        } catch (RetrainException e) {
            throw ApiError.conflict(e.getMessage());
        }
        if (before != null && before != champion.version()) {
            orchestrator.bus().publish(new MonitorEvent.ModelPromoted(MonitorEvent.newId(), name,
                    orchestrator.clock().instant(), champion.version(), before, "rollback requested over the API",
                    Map.of(), Map.of()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("champion", RegistryJson.version(orchestrator.store(), champion));
        json.put("rolledBack", before);
        ctx.json(json);
    }

    private Map<String, Object> aliasJson(String name, String alias, ModelVersion target) {
        List<Map<String, Object>> history = new ArrayList<>();
        for (AliasChange change : orchestrator.store().registry().aliasHistory(name, alias)) {
            history.add(RegistryJson.aliasChange(change));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("alias", alias);
        json.put("version", target.version());
        json.put("modelVersion", RegistryJson.version(orchestrator.store(), target));
        json.put("history", history);
        return json;
    }
}
