package io.visutility.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.visutility.testing.SampleEvents;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins that every kind of event survives JSON (the dashboard stream, webhooks, the event log) unchanged and named. */
class MonitorEventJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .findAndRegisterModules();

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026, -99})
    void everyEventKindRoundTripsToAnEqualEventWithItsTypeNamed(long seed) throws Exception {
        List<MonitorEvent> events = SampleEvents.everyKind(new Random(seed));
        assertThat(events.stream().map(e -> e.getClass().getName()))
                .as("one sample of every kind, so a new kind cannot go untested")
                .containsExactlyInAnyOrderElementsOf(Stream.of(MonitorEvent.class.getPermittedSubclasses())
                        .map(Class::getName).toList());

        for (MonitorEvent event : events) {
            String json = JSON.writeValueAsString(event);
            JsonNode tree = JSON.readTree(json);

            assertThat(tree.get("type").asText()).as(json).isEqualTo(event.getClass().getSimpleName());
            assertThat(tree.get("id").asText()).isEqualTo(event.id());
            assertThat(tree.has("critical")).as("critical is derived, not data: " + json).isFalse();
            assertThat(JSON.readValue(json, MonitorEvent.class)).as(json).isEqualTo(event);
        }
    }
}
