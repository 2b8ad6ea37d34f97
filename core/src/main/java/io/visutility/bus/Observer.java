package io.visutility.bus;

import io.visutility.event.MonitorEvent;

/**
 * Receives events from a {@link Subject}. Called from the subscription's own delivery thread, one
 * event at a time and in publication order. An exception thrown here is logged and counted; the
 * observer keeps receiving.
 */
@FunctionalInterface
public interface Observer {

    /** Handles one event. */
    void onEvent(MonitorEvent event);
}
