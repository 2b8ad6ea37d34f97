package io.visutility.bus;

/** Something observers can subscribe to; the original design's Subject. */
public interface Subject {

    /**
     * Subscribes {@code observer} under {@code name} (used in logs and metrics).
     *
     * @return the subscription, which counts deliveries, drops and failures and can be closed
     */
    Subscription subscribe(String name, Observer observer);

    /** Subscribes under the observer's class name. */
    default Subscription subscribe(Observer observer) {
        return subscribe(observer.getClass().getSimpleName(), observer);
    }
}
