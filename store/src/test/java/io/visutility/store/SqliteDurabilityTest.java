package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.contract.Concurrently;
import io.visutility.registry.ModelVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent registrations and a reopen on SQLite. */
class SqliteDurabilityTest extends ConcurrentDurabilityContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store open() {
        return Store.sqlite(dataDir);
    }

    @Test
    void twoStoresOnOneFolderShareOneGaplessCounter() {
        // Two stores stand in for two processes: only SQLite's own locking orders their writers.
        try (Store first = open(); Store second = open()) {
            List<Store> stores = List.of(first, second);
            List<List<ModelVersion>> perThread = Concurrently.run(4, thread -> IntStream.range(0, 250)
                    .mapToObj(i -> stores.get(thread % 2).registry().register(version(thread * 250 + i)))
                    .toList());

            assertThat(perThread.stream().flatMap(List::stream).map(ModelVersion::version).sorted().toList())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 1000).boxed().toList());
        }
    }
}
