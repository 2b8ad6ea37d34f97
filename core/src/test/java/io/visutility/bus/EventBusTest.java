package io.visutility.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

import io.visutility.event.MonitorEvent;
import io.visutility.metrics.PerformanceMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Checks delivery order, isolation of slow or throwing observers, re-entrant publishing and drop rules. */
class EventBusTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static MonitorEvent sample(String id) {
        return new MonitorEvent.Metrics(id, "churn", T, PerformanceMetrics.of(0.9, 0.9));
    }

    private static MonitorEvent drift(String id) {
        return new MonitorEvent.DriftDetected(id, "churn", T, id, 1, 0.4, 0.4, 10, "test");
    }

    private static EventBus direct() {
        return EventBus.builder().executor(Runnable::run).build();
    }

    @Test
    void eachSubscriberSeesEventsInPublicationOrderOnRealThreads() {
        try (EventBus bus = EventBus.builder().capacity(20_000).build()) {
            List<String> first = Collections.synchronizedList(new ArrayList<>());
            List<String> second = Collections.synchronizedList(new ArrayList<>());
            bus.subscribe("first", e -> first.add(e.id()));
            bus.subscribe("second", e -> second.add(e.id()));
            List<String> published = IntStream.range(0, 10_000).mapToObj(String::valueOf).toList();

            published.forEach(id -> bus.publish(Integer.parseInt(id) % 100 == 0 ? drift(id) : sample(id)));

            await().atMost(Duration.ofSeconds(10)).until(() -> first.size() == 10_000 && second.size() == 10_000);
            assertThat(first).containsExactlyElementsOf(published);
            assertThat(second).containsExactlyElementsOf(published);
        }
    }

    @Test
    void aBlockedObserverDoesNotHoldUpAnother() throws InterruptedException {
        try (EventBus bus = EventBus.create()) {
            CountDownLatch release = new CountDownLatch(1);
            List<String> slow = new CopyOnWriteArrayList<>();
            List<String> fast = new CopyOnWriteArrayList<>();
            bus.subscribe("slow", e -> {
                awaitQuietly(release);
                slow.add(e.id());
            });
            bus.subscribe("fast", e -> fast.add(e.id()));

            for (int i = 0; i < 100; i++) {
                bus.publish(drift("d" + i));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> fast.size() == 100);
            assertThat(slow).isEmpty();
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> slow.size() == 100);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the observer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aClosedSubscriptionReceivesNothingMore() {
        EventBus bus = direct();
        List<String> seen = new ArrayList<>();
        Subscription subscription = bus.subscribe("closing", e -> seen.add(e.id()));
        bus.publish(sample("before"));

        subscription.close();
        bus.publish(sample("after"));
        bus.publish(drift("critical-after"));

        assertThat(seen).containsExactly("before");
        assertThat(subscription.isActive()).isFalse();
        assertThat(bus.subscriptions()).isEmpty();
        assertThatNoException().isThrownBy(subscription::close);
    }

    @Test
    void anEventPublishedFromInsideAnObserverComesAfterTheCurrentOne() {
        EventBus bus = direct();
        List<String> trace = new ArrayList<>();
        bus.subscribe("reentrant", e -> {
            trace.add("start " + e.id());
            if (e.id().equals("outer")) {
                bus.publish(drift("nested"));
                trace.add("published nested");
            }
            trace.add("end " + e.id());
        });

        bus.publish(drift("outer"));

        assertThat(trace).containsExactly("start outer", "published nested", "end outer", "start nested",
                "end nested");
    }

    @Test
    void aFullQueueDropsMetricSamplesButNeverCriticalEvents() {
        Deque<Runnable> pending = new ArrayDeque<>();
        EventBus bus = EventBus.builder().executor(pending::add).capacity(1).build();
        List<String> seen = new ArrayList<>();
        Subscription subscription = bus.subscribe("lagging", e -> seen.add(e.id()));

        bus.publish(sample("m1"));
        bus.publish(sample("m2"));
        bus.publish(drift("d1"));
        bus.publish(sample("m3"));
        bus.publish(drift("d2"));

        assertThat(subscription.dropped()).isEqualTo(2);
        assertThat(subscription.pending()).isEqualTo(3);
        assertThat(subscription.delivered()).isZero();
        while (!pending.isEmpty()) {
            pending.removeFirst().run();
        }
        assertThat(seen).containsExactly("m1", "d1", "d2");
        assertThat(subscription.pending()).isZero();
        assertThat(subscription.delivered()).isEqualTo(3);

        bus.publish(sample("m4"));
        pending.removeFirst().run();
        assertThat(seen).endsWith("m4");
        assertThat(subscription.dropped()).isEqualTo(2);
    }

    @Test
    void aThrowingObserverIsCountedAndKeepsReceivingWhileOthersAreUntouched() {
        EventBus bus = direct();
        List<String> survivor = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Subscription throwing = bus.subscribe("throwing", e -> {
            survivor.add(e.id());
            if (e.id().startsWith("bad")) {
                throw new IllegalStateException("observer bug on " + e.id());
            }
        });
        Subscription healthy = bus.subscribe("healthy", e -> other.add(e.id()));

        for (String id : List.of("bad1", "ok1", "bad2", "ok2")) {
            bus.publish(drift(id));
        }

        assertThat(survivor).containsExactly("bad1", "ok1", "bad2", "ok2");
        assertThat(other).containsExactly("bad1", "ok1", "bad2", "ok2");
        assertThat(throwing.failures()).isEqualTo(2);
        assertThat(throwing.delivered()).isEqualTo(4);
        assertThat(throwing.isActive()).isTrue();
        assertThat(healthy.failures()).isZero();
        assertThat(healthy.delivered()).isEqualTo(4);
    }

    /** An observer with a class name of its own, to check the default subscription name. */
    static final class NamedObserver implements Observer {
        @Override
        public void onEvent(MonitorEvent event) {
        }
    }

    @Test
    void subscriptionsAreNamedAndListedAndCloseWithTheBus() {
        EventBus bus = direct();
        Subscription named = bus.subscribe("dashboard", e -> { });
        Subscription unnamed = bus.subscribe(new NamedObserver());

        assertThat(named.name()).isEqualTo("dashboard");
        assertThat(unnamed.name()).isEqualTo("NamedObserver");
        assertThat(bus.subscriptions()).containsExactly(named, unnamed);

        bus.close();

        assertThat(named.isActive()).isFalse();
        assertThat(unnamed.isActive()).isFalse();
        assertThat(bus.subscriptions()).isEmpty();
    }

    @Test
    void aRejectingExecutorNeverMakesPublishThrow() {
        EventBus bus = EventBus.builder().executor(r -> {
            throw new RejectedExecutionException("shut down");
        }).build();
        Subscription subscription = bus.subscribe("stranded", e -> { });

        assertThatNoException().isThrownBy(() -> bus.publish(drift("d1")));
        assertThat(subscription.pending()).isEqualTo(1);
        assertThat(subscription.delivered()).isZero();
    }

    @Test
    void capacityMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventBus.builder().capacity(0))
                .withMessage("capacity must be >= 1, was 0");
    }
}
