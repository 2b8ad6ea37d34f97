package io.visutility.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmarks' fixtures count every event exactly once and release their threads. */
class BenchmarkStatesTest {

    @Test
    void generatorListsEveryBenchmark() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).as("META-INF/BenchmarkList; is the JMH generator on the processor path?").isNotNull();
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(list).contains("MonitorObserveBenchmark", "ArrayBlockingQueueHandoffBenchmark",
                    "RegisterBenchmark", "AliasLookupBenchmark", "DetectorThroughputAdwinHddmBenchmark");
        }
    }

    @Test
    void monitorSideDeliversEverySampleToFourSubscribersWhenNothingLags() throws InterruptedException {
        var bus = new MonitorObserveBenchmark.Bus();
        bus.start();
        var cursor = new MonitorObserveBenchmark.Cursor();
        cursor.start(bus);
        var bench = new MonitorObserveBenchmark();
        var counters = new MonitorObserveBenchmark.Counters();
        try {
            for (int i = 0; i < 100; i++) {
                bench.models64OneThread(bus, cursor, counters);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> bus.tally.unclaimedDeliveriesReach(400));
            counters.collect(bus);
            assertThat(counters.delivered).isEqualTo(400);
            assertThat(counters.dropped).isZero();
            assertThat(bus.monitor.models()).hasSize(64);

            counters.collect(bus);
            assertThat(counters.delivered).as("a second claim takes nothing twice").isZero();
        } finally {
            bus.stop();
        }
        assertThat(bus.delivery.isTerminated()).isTrue();
    }

    @Test
    void baselineDeliversEveryOfferToFourConsumersWhenNothingLags() throws InterruptedException {
        var queues = new ArrayBlockingQueueHandoffBenchmark.Queues();
        queues.start();
        var bench = new ArrayBlockingQueueHandoffBenchmark();
        var counters = new ArrayBlockingQueueHandoffBenchmark.Counters();
        try {
            for (int i = 0; i < 100; i++) {
                bench.offerOneThread(queues, counters);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> queues.tally.unclaimedDeliveriesReach(400));
            counters.collect(queues);
            assertThat(counters.delivered).isEqualTo(400);
            assertThat(counters.dropped).isZero();
        } finally {
            queues.stop();
        }
        assertThat(queues.lanes).allSatisfy(lane -> assertThat(lane.thread.isAlive()).isFalse());
    }
}
