package io.visutility.bus;

import io.visutility.bus.internal.Mailbox;
import io.visutility.event.MonitorEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans events out to subscribers. Each subscriber has its own queue, drained by a task on the injected
 * executor, so a slow or throwing observer never slows, blocks or stops another, and publishing never
 * blocks. A lagging subscriber loses metric samples beyond its capacity (counted); critical events are
 * always queued.
 */
public final class EventBus implements Subject, AutoCloseable {
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final int capacity;
    private final List<Mailbox> mailboxes = new CopyOnWriteArrayList<>();

    private EventBus(Builder builder) {
        this.ownedExecutor = builder.executor == null ? newDeliveryPool() : null;
        this.executor = builder.executor == null ? ownedExecutor : builder.executor;
        this.capacity = builder.capacity;
    }

    /** A bus with its own delivery threads and the default capacity. */
    public static EventBus create() {
        return builder().build();
    }

    /** Starts configuring a bus. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Subscription subscribe(String name, Observer observer) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(observer, "observer");
        Mailbox mailbox = new Mailbox(name, observer, capacity, executor, mailboxes::remove);
        mailboxes.add(mailbox);
        return mailbox;
    }

    /** Queues {@code event} for every current subscriber and returns at once. */
    public void publish(MonitorEvent event) {
        Objects.requireNonNull(event, "event");
        for (Mailbox mailbox : mailboxes) {
            mailbox.offer(event);
        }
    }

    /** The current subscriptions, for metrics and diagnostics. */
    public List<Subscription> subscriptions() {
        return List.copyOf(mailboxes);
    }

    /** Closes every subscription and, if the bus made its own threads, stops them. */
    @Override
    public void close() {
        mailboxes.forEach(Mailbox::close);
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    private static ExecutorService newDeliveryPool() {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "visutility-bus-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Configures an {@link EventBus}. */
    public static final class Builder {
        private Executor executor;
        private int capacity = 1024;

        private Builder() {
        }

        /**
         * The executor that runs delivery; each subscriber occupies at most one of its threads at a time.
         * Pass {@code Runnable::run} in tests to deliver on the publishing thread. Default: a pool of
         * daemon threads owned by the bus.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** How many metric samples may wait per subscriber before samples are dropped; default 1024. */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** Builds the bus. */
        public EventBus build() {
            return new EventBus(this);
        }
    }
}
