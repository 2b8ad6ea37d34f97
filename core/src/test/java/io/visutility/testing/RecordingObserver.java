package io.visutility.testing;

import io.visutility.bus.Observer;
import io.visutility.event.MonitorEvent;
import java.util.ArrayList;
import java.util.List;

/** An observer that keeps every event it receives, in order, for assertions. Thread-safe. */
public final class RecordingObserver implements Observer {
    private final List<MonitorEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(MonitorEvent event) {
        events.add(event);
    }

    /** Every event received so far. */
    public synchronized List<MonitorEvent> all() {
        return List.copyOf(events);
    }

    /** Number of events received so far. */
    public synchronized int size() {
        return events.size();
    }

    /** The events of one kind, in order. */
    public synchronized <T extends MonitorEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The only event of {@code type}; fails when there is none or more than one. */
    public <T extends MonitorEvent> T single(Class<T> type) {
        List<T> found = of(type);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + type.getSimpleName() + " but got " + found.size()
                    + "; story: " + story());
        }
        return found.get(0);
    }

    /** The most recent event of {@code type}; fails when there is none. */
    public <T extends MonitorEvent> T last(Class<T> type) {
        List<T> found = of(type);
        if (found.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + "; story: " + story());
        }
        return found.get(found.size() - 1);
    }

    /** The kinds of the critical events (all but metric samples), in order: the story of the loop. */
    public synchronized List<String> story() {
        return events.stream().filter(MonitorEvent::critical).map(e -> e.getClass().getSimpleName()).toList();
    }

    /** Forgets what was received. */
    public synchronized void clear() {
        events.clear();
    }
}
