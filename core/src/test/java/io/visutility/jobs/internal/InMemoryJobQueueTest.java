package io.visutility.jobs.internal;

import io.visutility.contract.JobQueueContract;
import io.visutility.jobs.JobQueue;
import java.time.Clock;

/** Runs the job queue contract on the in-memory queue. */
class InMemoryJobQueueTest extends JobQueueContract {

    @Override
    protected JobQueue newQueue(Clock clock) {
        return JobQueue.inMemory(clock);
    }
}
