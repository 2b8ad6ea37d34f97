package io.visutility.registry;

import java.util.regex.Pattern;

/**
 * Validation of the identifiers the registry stores: model names, aliases, tag keys, sha256 checksums,
 * tag values and actors. Names may hold letters, digits, '.', '_' and '-' (not starting with '.'), up to
 * 128 characters, so a name is always safe in a path, a URL and a metric label.
 */
public final class Names {
    /** The longest tag value accepted. */
    public static final int MAX_TAG_VALUE = 512;
    /** The longest actor accepted. */
    public static final int MAX_ACTOR = 128;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,127}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Names() {
    }

    /** Returns {@code name} if it is a valid model name, else throws naming the problem. */
    public static String model(String name) {
        return check("model", name);
    }

    /** Returns {@code alias} if valid (same rules as model names). */
    public static String alias(String alias) {
        return check("alias", alias);
    }

    /** Returns {@code key} if it is a valid tag key (same rules as model names). */
    public static String tagKey(String key) {
        return check("tag", key);
    }

    /**
     * Returns {@code value}, the value of tag {@code key}, if it has at most {@link #MAX_TAG_VALUE}
     * characters and no control characters; it may be empty.
     */
    public static String tagValue(String key, String value) {
        String field = "tags." + key;
        if (value == null) {
            throw new InvalidArgumentException(field, "value of tag " + key + " must not be null");
        }
        if (value.length() > MAX_TAG_VALUE) {
            throw new InvalidArgumentException(field, "value of tag " + key + " must be at most " + MAX_TAG_VALUE
                    + " characters, was " + value.length() + " characters");
        }
        if (hasControl(value)) {
            throw new InvalidArgumentException(field, "value of tag " + key + " must not hold control characters,"
                    + " was " + quote(value));
        }
        return value;
    }

    /**
     * Returns {@code actor}, who changes an alias (such as {@code "retrain job 42"} or {@code "cli:alice"}),
     * if it is not blank, has at most {@link #MAX_ACTOR} characters and no control characters.
     */
    public static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new InvalidArgumentException("actor", "actor must not be blank, was " + quote(actor));
        }
        if (actor.length() > MAX_ACTOR) {
            throw new InvalidArgumentException("actor", "actor must be at most " + MAX_ACTOR
                    + " characters, was " + actor.length() + " characters");
        }
        if (hasControl(actor)) {
            throw new InvalidArgumentException("actor", "actor must not hold control characters, was " + quote(actor));
        }
        return actor;
    }

    /** Returns {@code sha256} if it is 64 lower-case hex digits. */
    public static String sha256(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new InvalidArgumentException("sha256", "sha256 must be 64 lower-case hex digits, was " + quote(sha256));
        }
        return sha256;
    }

    /** Returns {@code version} if it is >= 1. */
    public static int version(int version) {
        if (version < 1) {
            throw new InvalidArgumentException("version", "version must be >= 1, was " + version);
        }
        return version;
    }

    private static String check(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidArgumentException(field, field + " must not be empty");
        }
        if (value.length() > 128) {
            throw new InvalidArgumentException(field, field + " must be at most 128 characters, was "
                    + value.length() + " characters");
        }
        if (!NAME.matcher(value).matches()) {
            throw new InvalidArgumentException(field, field + " may hold only letters, digits, '.', '_' and '-'"
                    + " and must not start with '.', was " + quote(value));
        }
        return value;
    }

    private static boolean hasControl(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }

    /** {@code value} in double quotes, control characters escaped and cut after 80 characters. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        value.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append(value.length() > 80 ? "...\"" : "\"").toString();
    }
}
