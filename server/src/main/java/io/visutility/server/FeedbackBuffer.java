package io.visutility.server;

import io.visutility.training.Dataset;
import io.visutility.training.DatasetSource;
import io.visutility.training.TrainingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The labelled feedback a model's traffic produced, kept per model up to a row capacity (oldest rows
 * go first). As a {@link DatasetSource} it hands a retrain the rows that arrived since the retrain was
 * requested, waiting up to {@code maxWait} for at least {@code minRows} of them: a model is refitted
 * on data from after its drift, not on the concept it is leaving.
 */
public final class FeedbackBuffer implements DatasetSource {
    private final Clock clock;
    private final int capacity;
    private final int minRows;
    private final Duration maxWait;
    private final Map<String, Rows> models = new ConcurrentHashMap<>();

    /**
     * @param clock    stamps arrivals
     * @param capacity most rows kept per model
     * @param minRows  fewest fresh rows a retrain accepts
     * @param maxWait  longest a retrain waits for them
     */
    public FeedbackBuffer(Clock clock, int capacity, int minRows, Duration maxWait) {
        if (minRows < 1 || minRows > capacity) {
            throw new IllegalArgumentException("minRows must be within [1, capacity=" + capacity + "], was " + minRows);
        }
        this.clock = clock;
        this.capacity = capacity;
        this.minRows = minRows;
        this.maxWait = maxWait;
    }

    /** Adds labelled rows that just arrived for {@code model}. */
    public void add(String model, Dataset rows) {
        models.computeIfAbsent(model, m -> new Rows()).add(new Chunk(clock.instant(), rows));
    }

    @Override
    public Dataset recent(String model) {
        return recent(model, Instant.MIN);
    }

    @Override
    public Dataset recent(String model, Instant since) {
        Rows rows = models.computeIfAbsent(model, m -> new Rows());
        try {
            return rows.await(since);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingException("interrupted while waiting for labelled rows of " + model, e);
        }
    }

    /** Every row held for {@code model} now, oldest first, without waiting; null when none. */
    public Dataset held(String model) {
        Rows rows = models.get(model);
        if (rows == null) {
            return null;
        }
        rows.lock.lock();
        try {
            List<Dataset> all = rows.since(Instant.MIN);
            return all.isEmpty() ? null : Dataset.concat(all);
        } finally {
            rows.lock.unlock();
        }
    }

    private record Chunk(Instant at, Dataset rows) {
    }

    private final class Rows {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition grew = lock.newCondition();
        private final Deque<Chunk> chunks = new ArrayDeque<>();
        private int total;

        void add(Chunk chunk) {
            lock.lock();
            try {
                chunks.addLast(chunk);
                total += chunk.rows().rows();
                while (total - chunks.peekFirst().rows().rows() >= capacity) {
                    total -= chunks.removeFirst().rows().rows();
                }
                grew.signalAll();
            } finally {
                lock.unlock();
            }
        }

        Dataset await(Instant since) throws InterruptedException {
            long left = maxWait.toNanos();
            lock.lock();
            try {
                List<Dataset> fresh = since(since);
                while (count(fresh) < minRows && left > 0) {
                    left = grew.awaitNanos(left);
                    fresh = since(since);
                }
                int have = count(fresh);
                if (have < minRows) {
                    throw new TrainingException("only " + have + " labelled rows arrived since " + since
                            + "; a retrain needs at least " + minRows + " (waited " + maxWait + ")");
                }
                return Dataset.concat(fresh);
            } finally {
                lock.unlock();
            }
        }

        private List<Dataset> since(Instant since) {
            List<Dataset> out = new ArrayList<>();
            chunks.forEach(c -> {
                if (!c.at().isBefore(since)) {
                    out.add(c.rows());
                }
            });
            return out;
        }

        private int count(List<Dataset> parts) {
            return parts.stream().mapToInt(Dataset::rows).sum();
        }
    }
}
