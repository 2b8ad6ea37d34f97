package io.visutility.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.visutility.server.client.internal.JsonPaths;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads paged lists of the API to their end: a model's versions and the event log of a model. */
final class Pages {
    static final int VERSION_PAGE = 1000;
    static final int EVENT_PAGE = 1000;

    private Pages() {
    }

    /** Every version of {@code model}, oldest first, following {@code nextPageToken}. */
    static List<JsonNode> versions(ApiClient api, String model) {
        List<JsonNode> versions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            String path = ClientCommand.modelPath(model) + "/versions?limit=" + VERSION_PAGE
                    + (token == null ? "" : "&pageToken=" + ApiClient.segment(token));
            JsonNode page = api.get(path);
            versions.addAll(JsonPaths.items(page, "versions"));
            token = JsonPaths.text(page, "nextPageToken");
            if (token != null && !seen.add(token)) {
                throw new ApiFailure(200, "the server repeated the page token " + token + " of " + path);
            }
        } while (token != null);
        return versions;
    }

    /** Every logged event of {@code model}, oldest first, following the log position. */
    static List<JsonNode> events(ApiClient api, String model) {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/api/v1/events?model=" + ApiClient.segment(model) + "&after=" + after
                    + "&limit=" + EVENT_PAGE);
            events.addAll(JsonPaths.items(page, "events"));
            JsonNode next = JsonPaths.first(page, "next");
            boolean more = page.path("more").asBoolean(false);
            if (!more || next == null || next.asLong() <= after) {
                return events;
            }
            after = next.asLong();
        }
    }
}
