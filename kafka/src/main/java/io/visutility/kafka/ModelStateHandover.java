package io.visutility.kafka;

import java.util.Set;

/**
 * Moves a model's monitoring state (windows, detector snapshots) between instances when the consumer
 * group moves its partitions. The source calls it from its poll thread.
 */
public interface ModelStateHandover {
    /**
     * Called once before the first record of {@code model} is applied after this instance took over one
     * of its partitions: load the state the previous owner left.
     */
    void acquire(String model);

    /**
     * Called when partitions are revoked, after their applied records were flushed and their offsets
     * committed: save the state of these models for the next owner. Not called when partitions are lost
     * (the group already gave them to another instance, whose state is newer).
     */
    void release(Set<String> models);

    /** A handover that keeps nothing: each instance starts a model afresh. */
    static ModelStateHandover none() {
        return new ModelStateHandover() {
            @Override
            public void acquire(String model) {
            }

            @Override
            public void release(Set<String> models) {
            }
        };
    }
}
