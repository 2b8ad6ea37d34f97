package io.visutility.server.http;

import io.visutility.registry.AliasChange;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.retrain.GateDecision;
import io.visutility.retrain.LineageChain;
import io.visutility.retrain.Promotions;
import io.visutility.retrain.StudyStore;
import io.visutility.store.Store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON forms of registry objects: versions (with the aliases they hold and their gate decision),
 * alias changes, gate decisions and lineage chains. Maps keep their keys in a fixed order.
 */
final class RegistryJson {
    /** The aliases a version's JSON reports: the registry cannot list alias names, these are the ones in use. */
    static final List<String> KNOWN_ALIASES = List.of(ModelRegistry.CHAMPION, Promotions.PREVIOUS);

    private RegistryJson() {
    }

    /** Which of the {@link #KNOWN_ALIASES} point at which version of {@code model}. */
    static Map<Integer, List<String>> aliases(ModelRegistry registry, String model) {
        Map<Integer, List<String>> held = new HashMap<>();
        if (!registry.models().contains(model)) {
            return held;
        }
        for (String alias : KNOWN_ALIASES) {
            registry.alias(model, alias).ifPresent(v -> held.computeIfAbsent(v.version(), k -> new ArrayList<>())
                    .add(alias));
        }
        return held;
    }

    /** The gate's verdict on {@code v}, if a retrain job produced it and the gate decided. */
    static Optional<GateDecision> decision(StudyStore studies, ModelVersion v) {
        String jobId = v.lineage().jobId();
        return jobId == null ? Optional.empty()
                : studies.decision(jobId).filter(d -> d.candidateVersion() == v.version());
    }

    /** {@code v} with its aliases and gate decision looked up in {@code store}. */
    static Map<String, Object> version(Store store, ModelVersion v) {
        return version(v, aliases(store.registry(), v.name()).getOrDefault(v.version(), List.of()),
                decision(store.studies(), v).orElse(null));
    }

    /** A version as the API shows it. */
    static Map<String, Object> version(ModelVersion v, List<String> aliases, GateDecision decision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", v.name());
        json.put("version", v.version());
        json.put("sha256", v.sha256());
        json.put("params", v.params().asMap());
        json.put("metrics", v.metrics());
        json.put("lineage", lineage(v.lineage()));
        json.put("tags", v.tags());
        json.put("createdAt", v.createdAt());
        json.put("aliases", List.copyOf(aliases));
        json.put("gateDecision", decision == null ? null : decision(decision));
        return json;
    }

    static Map<String, Object> lineage(Lineage l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("parentVersion", l.parentVersion());
        json.put("triggerEventId", l.triggerEventId());
        json.put("jobId", l.jobId());
        json.put("trainer", l.trainer());
        json.put("details", l.details());
        return json;
    }

    static Map<String, Object> decision(GateDecision d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobId", d.jobId());
        json.put("studyId", d.studyId());
        json.put("candidateVersion", d.candidateVersion());
        json.put("championVersion", d.championVersion());
        json.put("promote", d.promote());
        json.put("rule", d.rule());
        json.put("reason", d.reason());
        json.put("metric", d.metric());
        json.put("minImprovement", d.minImprovement());
        json.put("guards", d.guards());
        json.put("candidateMetrics", d.candidateMetrics());
        json.put("championMetrics", d.championMetrics());
        json.put("decidedAt", d.decidedAt());
        return json;
    }

    static Map<String, Object> aliasChange(AliasChange c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alias", c.alias());
        json.put("from", c.from());
        json.put("to", c.to());
        json.put("changedAt", c.changedAt());
        json.put("reason", c.reason());
        json.put("actor", c.actor());
        return json;
    }

    /** One step of a lineage: the version and what produced it; the study's trials are counted, not listed. */
    static Map<String, Object> step(LineageChain chain, List<String> aliases) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", version(chain.version(), aliases, chain.decision()));
        json.put("triggerEventId", chain.triggerEventId());
        json.put("job", chain.job() == null ? null : JobJson.job(chain.job()));
        json.put("study", chain.study() == null ? null : JobJson.study(chain.study()));
        json.put("trials", chain.trials().size());
        json.put("chosenTrial", chain.chosen() == null ? null : JobJson.trial(chain.chosen()));
        json.put("decision", chain.decision() == null ? null : decision(chain.decision()));
        json.put("promotion", chain.promotion() == null ? null : aliasChange(chain.promotion()));
        List<Map<String, Object>> links = new ArrayList<>();
        for (LineageChain.Link link : chain.links()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("what", link.what());
            l.put("id", link.id());
            l.put("at", link.at());
            links.add(l);
        }
        json.put("links", links);
        return json;
    }
}
