package io.visutility.registry;

import java.time.Instant;

/**
 * One change of an alias, as recorded in its history.
 *
 * @param name      model name
 * @param alias     alias changed
 * @param from      version it pointed to before, or null when it was unset
 * @param to        version it points to now
 * @param changedAt when
 * @param reason    why, in words
 * @param actor     who made the change, such as {@code "retrain job 42"} or {@code "cli:alice"}; see
 *                  {@link Names#actor}
 */
public record AliasChange(String name, String alias, Integer from, int to, Instant changedAt, String reason,
                          String actor) {

    /** Validates the actor. */
    public AliasChange {
        Names.actor(actor);
    }

    /** A change made by {@link ModelRegistry#UNATTRIBUTED}, as recorded by the five-argument {@code setAlias}. */
    public AliasChange(String name, String alias, Integer from, int to, Instant changedAt, String reason) {
        this(name, alias, from, to, changedAt, reason, ModelRegistry.UNATTRIBUTED);
    }
}
