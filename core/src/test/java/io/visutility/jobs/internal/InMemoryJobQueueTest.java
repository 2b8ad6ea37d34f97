package io.visutility.jobs.internal;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.contract.JobQueueContract;
import io.visutility.jobs.JobQueue;
import io.visutility.jobs.SchedulerException;
import io.visutility.registry.InvalidArgumentException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Runs the job queue contract on the in-memory queue, plus its own argument checks. */
class InMemoryJobQueueTest extends JobQueueContract {

    @Override
    protected JobQueue newQueue(Clock clock) {
        return JobQueue.inMemory(clock);
    }

    @Test
    void enqueueRejectsAnInvalidModelNameOrAttemptCount() {
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> queue.enqueue("../x", null, 3));
        assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> queue.enqueue("churn", null, 0))
                .withMessage("maxAttempts must be >= 1, was 0");
    }
}
