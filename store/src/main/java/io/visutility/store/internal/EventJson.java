package io.visutility.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.visutility.event.EventLogException;
import io.visutility.event.MonitorEvent;

/**
 * The JSON form of a {@link MonitorEvent} in the event log: its own annotations name the kind in a
 * {@code type} property; times are ISO-8601 text, kept to the nanosecond.
 */
final class EventJson {
    // Unknown properties are skipped so that a reader older than the writer still reads what it knows.
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    static String write(MonitorEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new EventLogException("cannot write event " + event.id() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static MonitorEvent read(long position, String json) {
        try {
            return MAPPER.readValue(json, MonitorEvent.class);
        } catch (JsonProcessingException e) {
            throw new EventLogException("the event at position " + position + " is unreadable: "
                    + e.getOriginalMessage(), e);
        }
    }
}
