package io.visutility.registry.internal;

import io.visutility.registry.AliasChange;
import io.visutility.registry.AliasConflictException;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.Names;
import io.visutility.registry.NewModelVersion;
import io.visutility.registry.Page;
import io.visutility.registry.VersionPages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The in-memory registry. One monitor guards all state: writes are short, and a Java monitor cannot be
 * poisoned by a failing writer, so a caller that throws leaves the registry usable and unchanged.
 */
public final class InMemoryModelRegistry implements ModelRegistry {
    private final Clock clock;
    private final Map<String, List<ModelVersion>> versions = new TreeMap<>();
    private final Map<String, ModelVersion> byKey = new HashMap<>();
    private final Map<String, Map<String, Integer>> aliases = new HashMap<>();
    private final Map<String, List<AliasChange>> history = new HashMap<>();

    /** Creates an empty registry stamping versions with {@code clock}. */
    public InMemoryModelRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized ModelVersion register(NewModelVersion v) {
        Objects.requireNonNull(v, "version");
        if (v.idempotencyKey() != null) {
            ModelVersion earlier = byKey.get(v.idempotencyKey());
            if (earlier != null) {
                if (!earlier.name().equals(v.name())) {
                    throw new InvalidArgumentException("idempotencyKey", "idempotencyKey " + v.idempotencyKey()
                            + " was already used for model " + earlier.name() + ", not " + v.name());
                }
                return versions.get(earlier.name()).get(earlier.version() - 1);
            }
        }
        List<ModelVersion> list = versions.computeIfAbsent(v.name(), k -> new ArrayList<>());
        ModelVersion created = new ModelVersion(v.name(), list.size() + 1, v.sha256(), v.params(), v.metrics(),
                clock.instant(), v.lineage(), v.tags());
        list.add(created);
        if (v.idempotencyKey() != null) {
            byKey.put(v.idempotencyKey(), created);
        }
        return created;
    }

    @Override
    public synchronized ModelVersion get(String name, int version) {
        Names.version(version);
        List<ModelVersion> list = existing(name);
        if (version > list.size()) {
            throw new ModelNotFoundException("model " + name + " has no version " + version
                    + "; its latest is " + list.size());
        }
        return list.get(version - 1);
    }

    @Override
    public synchronized ModelVersion latest(String name) {
        List<ModelVersion> list = existing(name);
        return list.get(list.size() - 1);
    }

    @Override
    public synchronized Optional<ModelVersion> alias(String name, String alias) {
        Names.alias(alias);
        List<ModelVersion> list = existing(name);
        Integer v = aliases.getOrDefault(name, Map.of()).get(alias);
        return v == null ? Optional.empty() : Optional.of(list.get(v - 1));
    }

    @Override
    public synchronized AliasChange setAlias(String name, String alias, int version, Integer expectedCurrent,
                                             String reason, String actor) {
        Names.actor(actor);
        Names.alias(alias);
        get(name, version);
        Map<String, Integer> modelAliases = aliases.computeIfAbsent(name, k -> new HashMap<>());
        Integer current = modelAliases.get(alias);
        if (!Objects.equals(current, expectedCurrent)) {
            throw new AliasConflictException("alias " + alias + " of model " + name + " points to "
                    + (current == null ? "nothing" : "version " + current) + ", not the expected "
                    + (expectedCurrent == null ? "nothing" : "version " + expectedCurrent) + "; nothing changed",
                    current);
        }
        modelAliases.put(alias, version);
        AliasChange change = new AliasChange(name, alias, current, version, clock.instant(), reason, actor);
        history.computeIfAbsent(name + "\u0000" + alias, k -> new ArrayList<>()).add(change);
        return change;
    }

    @Override
    public synchronized List<AliasChange> aliasHistory(String name, String alias) {
        Names.alias(alias);
        existing(name);
        return List.copyOf(history.getOrDefault(name + "\u0000" + alias, List.of()));
    }

    @Override
    public synchronized ModelVersion setTag(String name, int version, String key, String value) {
        Names.tagValue(Names.tagKey(key), value);
        ModelVersion current = get(name, version);
        Map<String, String> tags = new HashMap<>(current.tags());
        tags.put(key, value);
        return replace(current.withTags(tags));
    }

    @Override
    public synchronized ModelVersion removeTag(String name, int version, String key) {
        Names.tagKey(key);
        ModelVersion current = get(name, version);
        Map<String, String> tags = new HashMap<>(current.tags());
        tags.remove(key);
        return replace(current.withTags(tags));
    }

    @Override
    public synchronized List<ModelVersion> versionsTagged(String name, String key, String value) {
        Names.model(name);
        Names.tagValue(Names.tagKey(key), value);
        return versions.getOrDefault(name, List.of()).stream().filter(v -> value.equals(v.tags().get(key))).toList();
    }

    @Override
    public synchronized List<ModelVersion> versions(String name) {
        Names.model(name);
        return List.copyOf(versions.getOrDefault(name, List.of()));
    }

    @Override
    public synchronized Page<ModelVersion> versions(String name, String pageToken, int limit) {
        Names.model(name);
        VersionPages.limit(limit);
        int after = VersionPages.after(name, pageToken);
        List<ModelVersion> list = versions.getOrDefault(name, List.of());
        int from = Math.min(after, list.size());
        // One more than the page, to tell whether another page follows.
        return VersionPages.page(name, List.copyOf(list.subList(from, Math.min(list.size(), from + limit + 1))), limit);
    }

    @Override
    public synchronized List<String> models() {
        return List.copyOf(versions.keySet());
    }

    private ModelVersion replace(ModelVersion tagged) {
        versions.get(tagged.name()).set(tagged.version() - 1, tagged);
        return tagged;
    }

    private List<ModelVersion> existing(String name) {
        Names.model(name);
        List<ModelVersion> list = versions.get(name);
        if (list == null) {
            throw new ModelNotFoundException("model " + name + " is not registered");
        }
        return list;
    }
}
