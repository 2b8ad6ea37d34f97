package io.visutility.bus.internal;

import io.visutility.bus.Observer;
import io.visutility.bus.Subscription;
import io.visutility.event.MonitorEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's queue and delivery loop. At most one drain task runs at a time, so the observer
 * sees events one by one and in order; a drain hands its thread back after a batch so that a shared
 * executor stays fair. Only non-critical events count against the capacity, and only they are dropped.
 */
public final class Mailbox implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);
    private static final int BATCH = 256;

    private final String name;
    private final Observer observer;
    private final int capacity;
    private final Executor executor;
    private final Consumer<Mailbox> onClose;
    private final Queue<MonitorEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger droppable = new AtomicInteger();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile boolean active = true;

    /** Creates a mailbox; {@code onClose} is told when it is closed. */
    public Mailbox(String name, Observer observer, int capacity, Executor executor, Consumer<Mailbox> onClose) {
        this.name = name;
        this.observer = observer;
        this.capacity = capacity;
        this.executor = executor;
        this.onClose = onClose;
    }

    /** Queues an event, or drops it if it is a metric sample and the queue is full. Never blocks. */
    public void offer(MonitorEvent event) {
        if (!active) {
            return;
        }
        if (!event.critical()) {
            if (droppable.incrementAndGet() > capacity) {
                droppable.decrementAndGet();
                dropped.increment();
                return;
            }
        }
        queue.add(event);
        size.incrementAndGet();
        schedule();
    }

    private void schedule() {
        // Read first: while a drain runs, offers skip the contended compare-and-set.
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                LOG.warn("subscription {}: delivery executor rejected the drain task; {} events wait",
                        name, size.get());
            }
        }
    }

    private void drain() {
        int handled = 0;
        while (active) {
            MonitorEvent event = queue.poll();
            if (event == null) {
                scheduled.set(false);
                // An offer may have slipped in between the poll and the flag reset.
                if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            size.decrementAndGet();
            if (!event.critical()) {
                droppable.decrementAndGet();
            }
            deliver(event);
            if (++handled == BATCH) {
                scheduled.set(false);
                schedule();
                return;
            }
        }
        scheduled.set(false);
    }

    private void deliver(MonitorEvent event) {
        try {
            observer.onEvent(event);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable e) {
            failures.increment();
            LOG.warn("subscription {}: observer threw on {} {} for model {}; it keeps receiving",
                    name, event.getClass().getSimpleName(), event.id(), event.model(), e);
        } finally {
            delivered.increment();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long delivered() {
        return delivered.sum();
    }

    @Override
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public long failures() {
        return failures.sum();
    }

    @Override
    public int pending() {
        return size.get();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void close() {
        if (active) {
            active = false;
            queue.clear();
            size.set(0);
            droppable.set(0);
            onClose.accept(this);
        }
    }
}
