package io.visutility.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.visutility.event.EventLog;
import io.visutility.event.EventLogArgumentException;
import io.visutility.event.LoggedEvent;
import io.visutility.event.MonitorEvent;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.testing.SampleEvents;
import io.visutility.tuning.HyperParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link EventLog} adapter must show: order, growing positions, paging, idempotent
 * appends, intact events and safe concurrency; each adapter's test subclasses this with a fresh log.
 */
public abstract class EventLogContract {
    private static final int THREADS = 8;

    protected EventLog log;

    /** A new, empty log. */
    protected abstract EventLog newLog();

    @BeforeEach
    void createLog() {
        log = newLog();
    }

    @Test
    void anEmptyLogHasNothingAfterPositionZero() {
        assertThat(log.lastPosition()).isZero();
        assertThat(log.after(0, 10)).isEmpty();
        assertThat(log.after(5, 10)).isEmpty();
    }

    @Test
    void eventsComeBackInAppendOrderAtGrowingPositions() {
        List<MonitorEvent> events = IntStream.range(0, 5).mapToObj(n -> event(n)).toList();

        List<Long> positions = events.stream().map(log::append).toList();

        assertThat(positions).isSorted().doesNotHaveDuplicates().allMatch(p -> p >= 1);
        assertThat(log.lastPosition()).isEqualTo(positions.get(4));
        assertThat(log.after(0, 100)).containsExactlyElementsOf(
                IntStream.range(0, 5).mapToObj(i -> new LoggedEvent(positions.get(i), events.get(i))).toList());
        assertThat(log.after(positions.get(2), 100)).extracting(LoggedEvent::event)
                .containsExactlyElementsOf(events.subList(3, 5));
        assertThat(log.after(positions.get(4), 100)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100, 1_000, EventLog.MAX_LIMIT})
    void pagingWithAnyLimitReadsEveryEventOnceInOrder(int limit) {
        List<MonitorEvent> events = IntStream.range(0, 1_234).mapToObj(n -> event(n)).toList();
        events.forEach(log::append);

        List<LoggedEvent> read = readAll(log, limit);

        assertThat(read).extracting(LoggedEvent::event).containsExactlyElementsOf(events);
        assertThat(read).extracting(LoggedEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(read.get(read.size() - 1).position()).isEqualTo(log.lastPosition());
        assertThat(log.after(read.get(99).position(), 5)).containsExactlyElementsOf(read.subList(100, 105));
    }

    @Test
    void appendingTheSameEventAgainReturnsItsFirstPositionAndLogsNothing() {
        MonitorEvent first = event(1);
        long position = log.append(first);
        log.append(event(2));

        assertThat(log.append(first)).isEqualTo(position);
        assertThat(log.append(rebuilt(first))).as("an equal copy, as a retry would send").isEqualTo(position);
        assertThat(log.after(0, 100)).extracting(LoggedEvent::event).containsExactly(first, event(2));
    }

    @Test
    void aDifferentEventUnderAnIdAlreadyLoggedIsRefusedAndNothingIsLogged() {
        MonitorEvent original = event(1);
        long position = log.append(original);
        MonitorEvent impostor = SampleEvents.failed(original.id(), "another-model", 99);

        assertThatExceptionOfType(EventLogArgumentException.class).isThrownBy(() -> log.append(impostor))
                .satisfies(e -> assertThat(e.field()).isEqualTo("event"))
                .withMessageContaining(original.id()).withMessageContaining("position " + position);
        assertThat(log.after(0, 100)).containsExactly(new LoggedEvent(position, original));
        assertThat(log.lastPosition()).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2026})
    void everyKindOfEventComesBackEqualAndOfItsOwnKind(long seed) {
        List<MonitorEvent> events = SampleEvents.everyKind(new Random(seed));
        assertThat(events).extracting(e -> e.getClass().getName()).as("one of every kind")
                .containsExactlyInAnyOrderElementsOf(Stream.of(MonitorEvent.class.getPermittedSubclasses())
                        .map(Class::getName).toList());

        events.forEach(log::append);

        List<LoggedEvent> read = log.after(0, 100);
        assertThat(read).extracting(LoggedEvent::event).containsExactlyElementsOf(events);
        for (int i = 0; i < events.size(); i++) {
            assertThat(read.get(i).event()).isExactlyInstanceOf(events.get(i).getClass());
        }
    }

    @Test
    void awkwardTextAndExtremeNumbersComeBackExactly() {
        Instant nanos = Instant.parse("2026-02-03T04:05:06.123456789Z");
        List<MonitorEvent> events = List.of(
                new MonitorEvent.DriftDetected("drift-\"é\\ \uD83D\uDE80", "m.1_x-y", nanos, "incident",
                        Integer.MAX_VALUE, Double.NaN, -0.0, 0, SampleEvents.AWKWARD),
                new MonitorEvent.TrialCompleted("trial", "m", Instant.EPOCH, "job", 0,
                        HyperParams.of("tiny", Double.MIN_VALUE, "huge", Double.MAX_VALUE, "big_long", Long.MAX_VALUE,
                                "text", SampleEvents.AWKWARD, "whole", 3.0),
                        Map.of("f1", 1.0 / 3, "inf", Double.POSITIVE_INFINITY, SampleEvents.AWKWARD, -1e-300), null),
                new MonitorEvent.Metrics("metrics", "m", nanos, PerformanceMetrics.of(0.1 + 0.2, 1.0)));

        events.forEach(log::append);

        assertThat(log.after(0, 10)).extracting(LoggedEvent::event).containsExactlyElementsOf(events);
    }

    @Test
    void aNullEventIsRejectedNamingItAndNothingIsLogged() {
        log.append(event(1));

        assertThatNullPointerException().isThrownBy(() -> log.append(null)).withMessage("event");
        assertThat(log.after(0, 10)).hasSize(1);
    }

    @Test
    void anIdOrModelNameWithANulCharacterIsRefusedNamingItAndNothingIsLogged() {
        MonitorEvent badId = SampleEvents.failed("event\u0000-1", "model", 1);
        MonitorEvent badModel = SampleEvents.failed("event-2", "mo\u0000del", 2);

        assertThatExceptionOfType(EventLogArgumentException.class).isThrownBy(() -> log.append(badId))
                .satisfies(e -> assertThat(e.field()).isEqualTo("id"))
                .withMessage("event id must not contain a NUL character, was event\\u0000-1");
        assertThatExceptionOfType(EventLogArgumentException.class).isThrownBy(() -> log.append(badModel))
                .satisfies(e -> assertThat(e.field()).isEqualTo("model"))
                .withMessage("model must not contain a NUL character, was mo\\u0000del");
        assertThat(log.lastPosition()).isZero();
        assertThat(log.after(0, 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, -2, Long.MIN_VALUE})
    void aNegativePositionIsRejectedNamingTheValue(long position) {
        assertThatExceptionOfType(EventLogArgumentException.class).isThrownBy(() -> log.after(position, 10))
                .satisfies(e -> assertThat(e.field()).isEqualTo("position"))
                .withMessage("position must be >= 0, was " + position);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, EventLog.MAX_LIMIT + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aLimitOutsideOneToTenThousandIsRejectedNamingTheValue(int limit) {
        assertThatExceptionOfType(EventLogArgumentException.class).isThrownBy(() -> log.after(0, limit))
                .satisfies(e -> assertThat(e.field()).isEqualTo("limit"))
                .withMessage("limit must be between 1 and 10000, was " + limit);
    }

    @Test
    void positionsFarBeyondTheEndReadNothing() {
        log.append(event(1));

        assertThat(log.after(Long.MAX_VALUE, EventLog.MAX_LIMIT)).isEmpty();
        assertThat(log.after(Integer.MAX_VALUE + 10L, 1)).isEmpty();
    }

    @Test
    void eightThreadsAppendingAndRetryingLoseAndDuplicateNothing() {
        int perThread = 150;
        // Each thread appends its own events and then retries its neighbour's, as at-least-once publishers do.
        List<Map<String, Long>> positions = Concurrently.run(THREADS, thread -> {
            Map<String, Long> mine = new HashMap<>();
            for (int i = 0; i < perThread; i++) {
                MonitorEvent own = event(thread * perThread + i);
                MonitorEvent neighbours = event(((thread + 1) % THREADS) * perThread + i);
                mine.put(own.id(), log.append(own));
                mine.put(neighbours.id(), log.append(neighbours));
            }
            return mine;
        });

        List<LoggedEvent> all = readAll(log, 500);
        assertThat(all).hasSize(THREADS * perThread);
        assertThat(all).extracting(e -> e.event().id()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, THREADS * perThread)
                        .mapToObj(n -> event(n).id()).toList());
        Map<String, Long> logged = new HashMap<>();
        all.forEach(e -> logged.put(e.event().id(), e.position()));
        for (Map<String, Long> seen : positions) {
            seen.forEach((id, position) -> assertThat(position).as(id).isEqualTo(logged.get(id)));
        }
        assertThat(log.lastPosition()).isEqualTo(all.get(all.size() - 1).position());
    }

    @Test
    void aReaderFollowingTheLogWhileEightThreadsAppendMissesNothing() {
        int perThread = 100;
        CountDownLatch writing = new CountDownLatch(THREADS);
        List<List<LoggedEvent>> results = Concurrently.run(THREADS + 1, thread -> {
            if (thread < THREADS) {
                IntStream.range(0, perThread).forEach(i -> log.append(event(thread * perThread + i)));
                writing.countDown();
                return List.of();
            }
            // The reader resumes after the last position it saw, as a dashboard or a forwarder would.
            List<LoggedEvent> followed = new ArrayList<>();
            long cursor = 0;
            boolean writersDone;
            do {
                writersDone = writing.getCount() == 0;
                for (List<LoggedEvent> page = log.after(cursor, 50); !page.isEmpty(); page = log.after(cursor, 50)) {
                    assertThat(page.get(0).position()).isGreaterThan(cursor);
                    followed.addAll(page);
                    cursor = page.get(page.size() - 1).position();
                }
            } while (!writersDone);
            return followed;
        });

        List<LoggedEvent> followed = results.get(THREADS);
        assertThat(followed).as("what the reader saw while writers ran").hasSize(THREADS * perThread)
                .containsExactlyElementsOf(readAll(log, 1_000));
    }

    /** Every event of {@code log}, read page by page {@code limit} at a time. */
    protected static List<LoggedEvent> readAll(EventLog log, int limit) {
        List<LoggedEvent> all = new ArrayList<>();
        long cursor = 0;
        for (List<LoggedEvent> page = log.after(cursor, limit); !page.isEmpty(); page = log.after(cursor, limit)) {
            assertThat(page.size()).isLessThanOrEqualTo(limit);
            assertThat(page.get(0).position()).isGreaterThan(cursor);
            assertThat(page).extracting(LoggedEvent::position).isSorted().doesNotHaveDuplicates();
            all.addAll(page);
            cursor = page.get(page.size() - 1).position();
        }
        return all;
    }

    /** The {@code n}th event of a test: critical, with an id and contents of its own. */
    protected static MonitorEvent event(int n) {
        return SampleEvents.failed("event-" + n, "model-" + (n % 3), n);
    }

    private static MonitorEvent rebuilt(MonitorEvent e) {
        MonitorEvent.RetrainFailed f = (MonitorEvent.RetrainFailed) e;
        return new MonitorEvent.RetrainFailed(new String(f.id()), f.model(), f.time(), f.jobId(), f.reason(),
                f.willRetry());
    }
}
