package io.visutility.server.demo;

import io.visutility.bus.EventBus;
import io.visutility.bus.Observer;
import io.visutility.bus.Subscription;
import io.visutility.event.MonitorEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/** Counts the events of a demo run and keeps the first retrain outcome (promotion, rejection or final failure). */
final class DemoRecorder implements Observer {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private volatile MonitorEvent outcome;
    private volatile Instant requestedAt;

    @Override
    public void onEvent(MonitorEvent event) {
        counts.computeIfAbsent(event.getClass().getSimpleName(), k -> new LongAdder()).increment();
        if (event instanceof MonitorEvent.RetrainRequested requested && requestedAt == null) {
            requestedAt = requested.time();
        }
        boolean terminal = event instanceof MonitorEvent.ModelPromoted
                || event instanceof MonitorEvent.PromotionRejected
                || event instanceof MonitorEvent.RetrainFailed failed && !failed.willRetry();
        if (terminal && outcome == null) {
            outcome = event;
        }
    }

    /** When the first retrain was requested; null before. */
    Instant requestedAt() {
        return requestedAt;
    }

    MonitorEvent outcome() {
        return outcome;
    }

    long count(Class<? extends MonitorEvent> type) {
        LongAdder adder = counts.get(type.getSimpleName());
        return adder == null ? 0 : adder.sum();
    }

    Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Waits, within {@code limit}, until every subscriber of {@code bus} has drained its queue. */
    void awaitQuiet(EventBus bus, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (bus.subscriptions().stream().mapToInt(Subscription::pending).sum() > 0
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
