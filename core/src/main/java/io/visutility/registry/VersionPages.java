package io.visutility.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Keyset pagination of a model's versions, shared by the registry adapters: validates a page size and
 * reads and writes the opaque page token, which holds the model and the last version number handed out.
 */
public final class VersionPages {
    /** The largest page size accepted. */
    public static final int MAX_LIMIT = 1000;

    // A version prefix lets the token's layout change later without misreading old tokens.
    private static final String PREFIX = "v1:";

    private VersionPages() {
    }

    /** Returns {@code limit} if it is between 1 and {@link #MAX_LIMIT}. */
    public static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidArgumentException("limit", "limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }

    /**
     * The version after which the page of {@code name} asked for by {@code pageToken} starts: 0 for a null
     * token (the first page). Throws naming the token when it is malformed or was issued for another model.
     */
    public static int after(String name, String pageToken) {
        if (pageToken == null) {
            return 0;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad(pageToken, "is not a page token");
        }
        int colon = text.indexOf(':', PREFIX.length());
        if (!text.startsWith(PREFIX) || colon < 0) {
            throw bad(pageToken, "is not a page token");
        }
        int last;
        try {
            last = Integer.parseInt(text.substring(PREFIX.length(), colon));
        } catch (NumberFormatException e) {
            throw bad(pageToken, "is not a page token");
        }
        String model = text.substring(colon + 1);
        if (last < 1) {
            throw bad(pageToken, "is not a page token");
        }
        if (!model.equals(name)) {
            throw bad(pageToken, "was issued for model " + Names.quote(model) + ", not " + name);
        }
        return last;
    }

    /** The token of the page of {@code name} that follows version {@code lastVersion}. */
    public static String token(String name, int lastVersion) {
        byte[] text = (PREFIX + lastVersion + ":" + name).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /**
     * The page made of up to {@code limit + 1} versions read in order: the first {@code limit} are the page,
     * and an extra one shows that another page follows, so the last page never carries a token.
     */
    public static Page<ModelVersion> page(String name, List<ModelVersion> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<ModelVersion> items = fetched.subList(0, limit);
        return new Page<>(items, token(name, items.get(limit - 1).version()));
    }

    private static InvalidArgumentException bad(String pageToken, String problem) {
        return new InvalidArgumentException("pageToken", "pageToken " + Names.quote(pageToken) + " " + problem);
    }
}
