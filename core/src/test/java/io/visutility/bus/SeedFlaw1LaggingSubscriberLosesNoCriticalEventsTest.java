package io.visutility.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.visutility.event.MonitorEvent;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.testing.RecordingObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pins seed flaw 1: a lagging subscriber lost events past a broadcast capacity of 16 and a failed receive
 * ended the observer; now it loses only metric samples (counted), never a critical event, and slows no one.
 */
class SeedFlaw1LaggingSubscriberLosesNoCriticalEventsTest {
    private static final int EVENTS = 10_000;
    private static final int CHUNK = 500;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBlockedSubscriberGetsEveryCriticalEventAfterReleaseWhileOthersKeepUp() throws InterruptedException {
        EventBus bus = EventBus.builder().executor(pool).build();
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<MonitorEvent> laggardGot = new ArrayList<>();
        Subscription laggard = bus.subscribe("laggard", event -> {
            synchronized (laggardGot) {
                laggardGot.add(event);
            }
            if (stuck.getCount() > 0) {
                stuck.countDown();
                awaitQuietly(release);
            }
        });
        RecordingObserver fast = new RecordingObserver();
        RecordingObserver alsoFast = new RecordingObserver();
        Subscription fastSubscription = bus.subscribe("fast", fast);
        bus.subscribe("also-fast", alsoFast);
        List<MonitorEvent> published = events();

        bus.publish(published.get(0));
        assertThat(stuck.await(5, TimeUnit.SECONDS)).as("laggard blocked on its first event").isTrue();
        for (int from = 1; from < EVENTS; from += CHUNK) {
            int to = Math.min(EVENTS, from + CHUNK);
            published.subList(from, to).forEach(bus::publish);
            // The others keep pace chunk by chunk while the laggard stays blocked.
            waiting().until(() -> fast.size() == to && alsoFast.size() == to);
        }
        assertThat(laggard.delivered()).as("laggard still inside its first event").isZero();
        assertThat(fast.all()).containsExactlyElementsOf(published);
        assertThat(alsoFast.all()).containsExactlyElementsOf(published);
        assertThat(fastSubscription.dropped()).isZero();

        release.countDown();
        waiting().until(() -> laggard.delivered() + laggard.dropped() == EVENTS);

        long samplesWhileBlocked = published.stream().skip(1).filter(e -> !e.critical()).count();
        assertThat(laggard.dropped()).isEqualTo(samplesWhileBlocked - 1024);
        synchronized (laggardGot) {
            assertThat(laggardGot).hasSize(EVENTS - (int) laggard.dropped());
            assertThat(laggardGot.stream().filter(MonitorEvent::critical).toList())
                    .containsExactlyElementsOf(published.stream().filter(MonitorEvent::critical).toList());
            assertThat(laggardGot).isSubsetOf(published);
        }
        assertThat(laggard.isActive()).isTrue();
        assertThat(laggard.failures()).isZero();
    }

    @Test
    void anObserverThatThrowsKeepsReceivingAndItsFailuresAreCounted() {
        EventBus bus = EventBus.builder().executor(Runnable::run).build();
        List<MonitorEvent> got = new ArrayList<>();
        Subscription throwing = bus.subscribe("throwing", event -> {
            got.add(event);
            if (event.critical()) {
                throw new IllegalStateException("observer bug on " + event.id());
            }
        });
        RecordingObserver other = new RecordingObserver();
        bus.subscribe("other", other);
        List<MonitorEvent> published = events().subList(0, 300);

        published.forEach(bus::publish);

        long critical = published.stream().filter(MonitorEvent::critical).count();
        assertThat(critical).isPositive();
        assertThat(got).containsExactlyElementsOf(published);
        assertThat(throwing.failures()).isEqualTo(critical);
        assertThat(throwing.delivered()).isEqualTo(published.size());
        assertThat(throwing.isActive()).isTrue();
        assertThat(other.all()).containsExactlyElementsOf(published);
    }

    /** Metric samples with a DriftDetected every 50th event and a ModelPromoted every 1000th. */
    private static List<MonitorEvent> events() {
        List<MonitorEvent> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            String id = "e" + i;
            Instant t = T0.plusMillis(i);
            if (i % 1000 == 999) {
                events.add(new MonitorEvent.ModelPromoted(id, "m", t, i / 1000 + 2, i / 1000 + 1, "better",
                        Map.of("f1", 0.9), Map.of("f1", 0.8)));
            } else if (i % 50 == 49) {
                events.add(new MonitorEvent.DriftDetected(id, "m", t, "incident-" + i, 1, 0.4, 0.4, 20, "bad"));
            } else {
                events.add(new MonitorEvent.Metrics(id, "m", t, PerformanceMetrics.of(0.9, 0.9)));
            }
        }
        return events;
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the laggard");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
