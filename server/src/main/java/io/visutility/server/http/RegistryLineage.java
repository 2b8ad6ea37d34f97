package io.visutility.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.retrain.LineageChain;
import io.visutility.retrain.Lineages;
import io.visutility.store.Store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET .../versions/{version}/lineage}: the version's lineage chain, then its parent's (the champion
 * its retrain replaced), and so on back to a version without a parent. Each step carries its job, trigger
 * event id, study with the chosen trial, gate decision and promotion where they are known.
 */
final class RegistryLineage implements Handler {
    /** Most steps walked, so a hand-registered parent loop cannot run away. */
    static final int MAX_STEPS = 1_000;

    private final Store store;

    RegistryLineage(Store store) {
        this.store = store;
    }

    @Override
    public void handle(Context ctx) {
        String name = RouteInputs.model(ctx);
        int version = RouteInputs.version(ctx, "version");
        Lineages lineages = new Lineages(store.registry(), store.jobs(), store.studies());
        Map<Integer, List<String>> aliases = RegistryJson.aliases(store.registry(), name);
        List<Map<String, Object>> steps = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Integer next = version;
        Integer missing = null;
        while (next != null && seen.add(next) && steps.size() < MAX_STEPS) {
            LineageChain chain;
            try {
                chain = lineages.lineage(name, next);
            } catch (ModelNotFoundException e) {
                if (steps.isEmpty()) {
                    throw e;
                }
                missing = next;
                break;
            }
            steps.add(RegistryJson.step(chain, aliases.getOrDefault(next, List.of())));
            next = chain.version().lineage().parentVersion();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("version", version);
        json.put("steps", steps);
        json.put("complete", next == null);
        json.put("missingVersion", missing);
        ctx.json(json);
    }
}
