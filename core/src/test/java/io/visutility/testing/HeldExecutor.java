package io.visutility.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * An executor that holds its tasks until the test runs them, so a job can be kept "running" for as long
 * as a test needs. A task never run stands for a worker that hangs.
 */
public final class HeldExecutor implements Executor {
    private final List<Runnable> held = new ArrayList<>();

    @Override
    public synchronized void execute(Runnable task) {
        held.add(task);
    }

    /** Tasks waiting to run. */
    public synchronized int pending() {
        return held.size();
    }

    /** Runs every held task on the caller, including tasks they submit. */
    public void runAll() {
        while (true) {
            Runnable next;
            synchronized (this) {
                if (held.isEmpty()) {
                    return;
                }
                next = held.remove(0);
            }
            next.run();
        }
    }

    /** Drops the held tasks without running them. */
    public synchronized List<Runnable> discard() {
        List<Runnable> dropped = new ArrayList<>(held);
        held.clear();
        return dropped;
    }
}
