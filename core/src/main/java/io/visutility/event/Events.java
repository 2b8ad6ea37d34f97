package io.visutility.event;

import java.time.Instant;
import java.util.Objects;

/** Checks shared by the event records. */
final class Events {
    private Events() {
    }

    static void require(String id, String model, Instant time) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(time, "time");
    }
}
