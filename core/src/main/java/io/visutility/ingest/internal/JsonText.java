package io.visutility.ingest.internal;

import io.visutility.training.internal.JsonException;
import io.visutility.training.internal.JsonReader;

/** Reads a reported body with the project's strict JSON reader. */
public final class JsonText {
    private JsonText() {
    }

    /**
     * Parses {@code text} into maps, lists, longs, doubles, strings, booleans and nulls.
     *
     * @return the value, or throws {@link IllegalArgumentException} with the reader's position message
     */
    public static Object parse(String text) {
        try {
            return JsonReader.parse(text);
        } catch (JsonException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
