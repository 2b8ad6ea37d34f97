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

    /**
     * The actor recorded for an alias change made through the five-argument {@code setAlias}, which does
     * not say who is acting; changes recorded before actors were kept read back with it too.
     */
    String UNATTRIBUTED = "unattributed";

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
     * unset), recording the change with {@code actor} (see {@link Names#actor}) as who made it. Otherwise
     * throws {@link AliasConflictException} and changes nothing.
     */
    AliasChange setAlias(String name, String alias, int version, Integer expectedCurrent, String reason,
                         String actor);

    /** As the six-argument {@code setAlias}, recording {@link #UNATTRIBUTED} as the actor. */
    default AliasChange setAlias(String name, String alias, int version, Integer expectedCurrent, String reason) {
        return setAlias(name, alias, version, expectedCurrent, reason, UNATTRIBUTED);
    }

    /** The changes of {@code alias}, oldest first. */
    List<AliasChange> aliasHistory(String name, String alias);

    /**
     * Sets tag {@code key} of a registered version to {@code value}, replacing an earlier value, and
     * returns the version with its tags now; throws {@link ModelNotFoundException} if the version is absent.
     */
    ModelVersion setTag(String name, int version, String key, String value);

    /** Removes tag {@code key} of a registered version if it is set, and returns the version with its tags now. */
    ModelVersion removeTag(String name, int version, String key);

    /** The versions of {@code name} whose tag {@code key} is {@code value}, oldest first. */
    List<ModelVersion> versionsTagged(String name, String key, String value);

    /**
     * All versions of {@code name}, oldest first; empty for an unknown model. Meant for models with few
     * versions: {@link #versions(String, String, int)} reads a long history page by page.
     */
    List<ModelVersion> versions(String name);

    /**
     * A page of at most {@code limit} (1 to {@link VersionPages#MAX_LIMIT}) versions of {@code name},
     * oldest first, starting after the page that returned {@code pageToken} (null: the first page). A page
     * token stays valid while versions are added; an unknown model has one empty page.
     *
     * @throws InvalidArgumentException when the token is malformed or belongs to another model
     */
    Page<ModelVersion> versions(String name, String pageToken, int limit);

    /** Names of all models with at least one version, sorted. */
    List<String> models();
}
