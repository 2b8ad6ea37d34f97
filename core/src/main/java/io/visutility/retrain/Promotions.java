package io.visutility.retrain;

import io.visutility.registry.AliasChange;
import io.visutility.registry.AliasConflictException;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves the {@code champion} and {@code previous} aliases together, each by compare-and-set. A promotion
 * moves {@code champion} first, then points {@code previous} at the replaced version; a rollback moves
 * {@code champion} back to {@code previous} first, then {@code previous} to the rolled-back version.
 * A crash between the two steps leaves {@code champion} right and {@code previous} behind: a retried
 * promotion (the same job) or a retried rollback finishes the second step; a concurrent change makes
 * the first step fail with {@link AliasConflictException} before anything moved.
 */
public final class Promotions {
    /** The alias of the champion a promotion replaced: where a rollback returns to. */
    public static final String PREVIOUS = "previous";

    private final ModelRegistry registry;

    /** Promotions in {@code registry}. */
    public Promotions(ModelRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Makes {@code candidate} the champion if the champion is still {@code expectedChampion} (null: none), then
     * points {@code previous} at {@code expectedChampion}. If {@code candidate} is already champion (an earlier
     * attempt moved it) only the second step runs.
     *
     * @throws AliasConflictException when the champion moved meanwhile; nothing changed then
     */
    public void promote(String model, int candidate, Integer expectedChampion, String reason, String actor) {
        Integer current = version(model, ModelRegistry.CHAMPION);
        if (current == null || current != candidate) {
            registry.setAlias(model, ModelRegistry.CHAMPION, candidate, expectedChampion, reason, actor);
        }
        if (expectedChampion != null && !expectedChampion.equals(candidate)) {
            Integer previous = version(model, PREVIOUS);
            if (!expectedChampion.equals(previous)) {
                registry.setAlias(model, PREVIOUS, expectedChampion, previous,
                        "replaced as champion by v" + candidate + ": " + reason, actor);
            }
        }
    }

    /**
     * Swaps {@code champion} and {@code previous} back: the previous champion serves again and the rolled-back
     * version becomes {@code previous}. Finishes a rollback a crash left half done instead.
     *
     * @return the version that is champion now
     * @throws RetrainException        when the model has no champion or no previous version
     * @throws AliasConflictException when an alias moved meanwhile; the champion is unchanged then
     */
    public ModelVersion rollback(String model, String actor, String reason) {
        ModelVersion champion = registry.alias(model, ModelRegistry.CHAMPION)
                .orElseThrow(() -> new RetrainException("cannot roll back " + model + ": it has no champion"));
        ModelVersion previous = registry.alias(model, PREVIOUS)
                .orElseThrow(() -> new RetrainException("cannot roll back " + model + ": it has no " + PREVIOUS
                        + " version (champion is v" + champion.version() + ")"));
        if (champion.version() == previous.version()) {
            // Only a rollback that stopped after its first step leaves both aliases on one version.
            List<AliasChange> history = registry.aliasHistory(model, ModelRegistry.CHAMPION);
            Integer rolledBack = history.isEmpty() ? null : history.get(history.size() - 1).from();
            if (rolledBack == null) {
                throw new RetrainException("cannot roll back " + model + ": champion and " + PREVIOUS + " are both v"
                        + champion.version() + " and the champion's history names no earlier version");
            }
            registry.setAlias(model, PREVIOUS, rolledBack, previous.version(), "rolled back: " + reason, actor);
            return champion;
        }
        registry.setAlias(model, ModelRegistry.CHAMPION, previous.version(), champion.version(),
                "rollback from v" + champion.version() + ": " + reason, actor);
        registry.setAlias(model, PREVIOUS, champion.version(), previous.version(), "rolled back: " + reason, actor);
        return previous;
    }

    private Integer version(String model, String alias) {
        if (!registry.models().contains(model)) {
            return null;
        }
        Optional<ModelVersion> v = registry.alias(model, alias);
        return v.map(ModelVersion::version).orElse(null);
    }
}
