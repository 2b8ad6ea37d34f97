package io.visutility.event.internal;

import io.visutility.event.EventLog;
import io.visutility.event.EventLogArgumentException;
import io.visutility.event.LoggedEvent;
import io.visutility.event.MonitorEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event log in a list guarded by one monitor: the event at index {@code i} has position
 * {@code i + 1}, so positions are gapless and a page is a slice of the list.
 */
public final class InMemoryEventLog implements EventLog {
    private final List<LoggedEvent> events = new ArrayList<>();
    private final Map<String, LoggedEvent> byId = new HashMap<>();

    @Override
    public synchronized long append(MonitorEvent event) {
        EventLog.checkEvent(event);
        LoggedEvent earlier = byId.get(event.id());
        if (earlier != null) {
            if (!earlier.event().equals(event)) {
                throw EventLogArgumentException.idReused(earlier, event);
            }
            return earlier.position();
        }
        LoggedEvent logged = new LoggedEvent(events.size() + 1L, event);
        events.add(logged);
        byId.put(event.id(), logged);
        return logged.position();
    }

    @Override
    public synchronized List<LoggedEvent> after(long position, int limit) {
        EventLog.checkPage(position, limit);
        if (position >= events.size()) {
            return List.of();
        }
        int from = (int) position;
        return List.copyOf(events.subList(from, (int) Math.min(events.size(), from + (long) limit)));
    }

    @Override
    public synchronized long lastPosition() {
        return events.size();
    }
}
