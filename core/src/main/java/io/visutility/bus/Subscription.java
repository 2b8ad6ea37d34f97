package io.visutility.bus;

/**
 * One observer's subscription: its own bounded queue, delivered on its own thread. Counts what was
 * delivered, what was dropped (only metric samples, only when the observer lags) and what the
 * observer threw.
 */
public interface Subscription extends AutoCloseable {

    /** The name given at subscription. */
    String name();

    /** Events handed to the observer so far, including those it threw on. */
    long delivered();

    /** Metric samples dropped because the observer's queue was full. */
    long dropped();

    /** Events on which the observer threw. */
    long failures();

    /** Events queued and not yet delivered. */
    int pending();

    /** Whether the subscription still receives events. */
    boolean isActive();

    /** Stops delivery; events still queued are discarded. */
    @Override
    void close();
}
