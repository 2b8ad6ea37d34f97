package io.visutility.registry;

import java.time.Instant;

/**
 * One change of an alias, as recorded in its history.
 *
 * @param name    model name
 * @param alias   alias changed
 * @param from    version it pointed to before, or null when it was unset
 * @param to      version it points to now
 * @param changedAt when
 * @param reason  why, in words
 */
public record AliasChange(String name, String alias, Integer from, int to, Instant changedAt, String reason) {
}
