package io.visutility.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.bus.EventBus;
import io.visutility.bus.Subscription;
import io.visutility.contract.EventLogContract;
import io.visutility.event.EventLog;
import io.visutility.event.LoggedEvent;
import io.visutility.event.MonitorEvent;
import io.visutility.testing.SampleEvents;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Runs the event log contract on the in-memory log, and records a bus with it. */
class InMemoryEventLogTest extends EventLogContract {

    @Override
    protected EventLog newLog() {
        return EventLog.inMemory();
    }

    @Test
    void positionsStartAtOneAndHaveNoGaps() {
        assertThat(List.of(log.append(event(1)), log.append(event(2)), log.append(event(1)), log.append(event(3))))
                .containsExactly(1L, 2L, 1L, 3L);
    }

    @Test
    void aLogSubscribedToABusRecordsWhatItPublishesOnceEachInOrder() {
        List<MonitorEvent> events = SampleEvents.everyKind(new Random(7));
        try (EventBus bus = EventBus.builder().executor(Runnable::run).build()) {
            Subscription subscription = bus.subscribe("event-log", log::append);

            events.forEach(bus::publish);
            bus.publish(events.get(3));

            assertThat(subscription.failures()).isZero();
            assertThat(log.after(0, 100)).extracting(LoggedEvent::event).containsExactlyElementsOf(events);
        }
    }
}
