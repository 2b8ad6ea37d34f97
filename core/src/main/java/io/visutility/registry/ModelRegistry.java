package io.visutility.registry;

import io.visutility.registry.internal.InMemoryModelRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Versions of models and the aliases that say which version serves. Version numbers are assigned by
 * the registry, 1, 2, 3 ... per model, gapless under concurrent callers. The serving model is the
 * alias {@link #CHAMPION}, moved only by compare-and-set: "latest" is never "serving".
 */
public interface ModelRegistry {
    /** The alias of the version that serves traffic. */
    String CHAMPION = "champion";

    /** A registry in memory, with the system clock. State is lost when the process ends. */
    static ModelRegistry inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /** A registry in memory that stamps versions with {@code clock}. */
    static ModelRegistry inMemory(Clock clock) {
        return new InMemoryModelRegistry(clock);
    }

    /**
     * Registers a version with the next number for its model. A repeated idempotency key returns the
     * version first registered with it.
     *
     * @throws InvalidArgumentException when the key was used for another model
     */
    ModelVersion register(NewModelVersion version);

    /** The version {@code version} of {@code name}; throws {@link ModelNotFoundException} if absent. */
    ModelVersion get(String name, int version);

    /** The highest-numbered version of {@code name}; throws {@link ModelNotFoundException} if none. */
    ModelVersion latest(String name);

    /** The version {@code alias} points to, if it is set; the model must exist. */
    Optional<ModelVersion> alias(String name, String alias);

    /**
     * Points {@code alias} at {@code version} if it currently points at {@code expectedCurrent} (null:
     * unset). Otherwise throws {@link AliasConflictException} and changes nothing.
     */
    AliasChange setAlias(String name, String alias, int version, Integer expectedCurrent, String reason);

    /** The changes of {@code alias}, oldest first. */
    List<AliasChange> aliasHistory(String name, String alias);

    /** All versions of {@code name}, oldest first; empty for an unknown model. */
    List<ModelVersion> versions(String name);

    /** Names of all models with at least one version, sorted. */
    List<String> models();
}
