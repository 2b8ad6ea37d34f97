package io.visutility.kafka.internal;

import io.visutility.bus.EventBus;
import io.visutility.ingest.CheckpointStore;
import io.visutility.kafka.ModelStateHandover;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.monitor.ModelMonitor;
import io.visutility.monitor.ModelStatus;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointHandoverTest {
    private static final TopicPartition PARTITION = new TopicPartition("metrics", 3);

    private final CheckpointStore store = CheckpointStore.inMemory();

    @Test
    void theNextOwnerRestoresEveryModelOfThePartitionAndReadsOnFromTheSavedOffset() {
        ModelMonitor first = monitor();
        for (int i = 0; i < 30; i++) {
            first.observe("model-a", PerformanceMetrics.of(0.9 - i * 0.01, 0.8));
            first.observe("model-b", PerformanceMetrics.of(0.7, 0.7));
        }
        ModelStateHandover.checkpoints(store, "g", first).save(PARTITION, 60, Set.of("model-a", "model-b", "never-seen"));
        ModelMonitor second = monitor();

        OptionalLong next = ModelStateHandover.checkpoints(store, "g", second).restore(PARTITION);

        assertThat(next).hasValue(60);
        sameState(second.status("model-a").orElseThrow(), first.status("model-a").orElseThrow());
        sameState(second.status("model-b").orElseThrow(), first.status("model-b").orElseThrow());
        assertThat(second.models()).containsExactly("model-a", "model-b");
    }

    @Test
    void aPartitionWithoutCheckpointIsReadFromTheCommittedOffset() {
        assertThat(ModelStateHandover.checkpoints(store, "g", monitor()).restore(PARTITION)).isEmpty();
    }

    @Test
    void anInstanceGivenBackThePartitionItSavedKeepsWhatTheSnapshotLeavesOut() {
        ModelMonitor monitor = monitor();
        ModelStateHandover handover = ModelStateHandover.checkpoints(store, "g", monitor);
        monitor.observePrediction("model-a", "p-1", new double[]{1.0}, 0.8, null, Instant.EPOCH);
        handover.save(PARTITION, 1, Set.of("model-a"));

        assertThat(handover.restore(PARTITION)).hasValue(1);
        monitor.observeLabel("model-a", "p-1", 1, Instant.EPOCH.plusSeconds(1));

        assertThat(monitor.labelStats("model-a").orElseThrow().joined()).isEqualTo(1);
    }

    @Test
    void aStaleSaveFromAFormerOwnerDoesNotOverwriteTheNewerCheckpoint() {
        ModelMonitor formerOwner = monitor();
        formerOwner.observe("model-a", PerformanceMetrics.of(0.9, 0.9));
        ModelMonitor owner = monitor();
        owner.observe("model-a", PerformanceMetrics.of(0.2, 0.2));
        ModelStateHandover.checkpoints(store, "g", owner).save(PARTITION, 50, Set.of("model-a"));

        ModelStateHandover.checkpoints(store, "g", formerOwner).save(PARTITION, 40, Set.of("model-a"));

        ModelMonitor next = monitor();
        assertThat(ModelStateHandover.checkpoints(store, "g", next).restore(PARTITION)).hasValue(50);
        sameState(next.status("model-a").orElseThrow(), owner.status("model-a").orElseThrow());
    }

    // A restored window sums its samples afresh, so its averages may differ in the last bit.
    private static void sameState(ModelStatus actual, ModelStatus expected) {
        assertThat(actual).usingRecursiveComparison().withComparatorForType(
                (a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class).isEqualTo(expected);
    }

    private static ModelMonitor monitor() {
        return ModelMonitor.builder().bus(EventBus.builder().executor(Runnable::run).build()).build();
    }
}
