package io.visutility.server.app;

import io.visutility.jobs.EnqueueResult;
import io.visutility.store.Store;
import io.visutility.store.StoreConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * An orchestrator instance in a JVM of its own, for {@link MultiInstancePostgresTest} to kill: it declares
 * a model trained from a CSV file, asks for a retrain, prints {@code queued <jobId>} and works until killed.
 * Arguments: jdbcUrl user password artifactsDir csvPath model trials.
 */
public final class OrchestratorChild {
    private OrchestratorChild() {
    }

    public static void main(String[] args) {
        Store store = Store.open(new StoreConfig(args[0], args[1].isEmpty() ? null : args[1],
                args[2].isEmpty() ? null : args[2], Path.of(args[3])));
        Orchestrator orchestrator = Orchestrator.builder().store(store).worker("child", MultiInstancePostgresTest.LEASE)
                .poll(Duration.ofMillis(200)).attempts(3, Duration.ofMillis(100)).build();
        orchestrator.declare(MultiInstancePostgresTest.spec(args[5], Path.of(args[4]), Integer.parseInt(args[6])));
        orchestrator.start();
        EnqueueResult result = orchestrator.retrain(args[5], "asked by the test");
        String id = result instanceof EnqueueResult.Enqueued e ? e.job().id() : ((EnqueueResult.AlreadyActive) result).job().id();
        System.out.println("queued " + id);
        System.out.flush();
        while (true) {
            LockSupport.park();
        }
    }
}
