package io.visutility.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.visutility.event.MonitorEvent;

/**
 * The JSON form of a {@link MonitorEvent} on the events topic, as its own annotations define it: the kind
 * in a {@code type} property ({@code "DriftDetected"}, {@code "ModelPromoted"}, ...), times as ISO-8601
 * text. Readers skip properties they do not know, so an older subscriber reads a newer publisher.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    /** The JSON text of {@code event}. */
    public static String write(MonitorEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write event " + event.id() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads an event written by {@link #write}.
     *
     * @throws IllegalArgumentException when {@code json} is not an event, with the reason
     */
    public static MonitorEvent read(String json) {
        try {
            return MAPPER.readValue(json, MonitorEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a monitor event: " + e.getOriginalMessage(), e);
        }
    }
}
