package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.contract.Concurrently;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import io.visutility.tuning.HyperParams;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many writers on one model get every number once, and a reopened store sees all of it; each backend's
 * test supplies a way to open the same store again.
 */
abstract class ConcurrentDurabilityContract {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 1_000;

    /** Opens the store under test; every call opens the same database. */
    protected abstract Store open();

    @Test
    void eightThousandConcurrentRegistrationsAreGaplessAndSurviveAReopen() {
        List<Integer> expected = IntStream.rangeClosed(1, THREADS * PER_THREAD).boxed().toList();
        try (Store store = open()) {
            ModelRegistry registry = store.registry();
            List<List<ModelVersion>> perThread = Concurrently.run(THREADS, thread -> IntStream.range(0, PER_THREAD)
                    .mapToObj(i -> registry.register(version(thread * PER_THREAD + i)))
                    .toList());

            List<Integer> numbers = perThread.stream().flatMap(List::stream).map(ModelVersion::version)
                    .sorted().toList();
            assertThat(numbers).containsExactlyElementsOf(expected);
            registry.setAlias("busy", ModelRegistry.CHAMPION, 17, null, "first champion");
            registry.setAlias("busy", ModelRegistry.CHAMPION, 8000, 17, "newest wins");
            registry.setAlias("busy", "staging", 42, null, "candidate");
        }

        try (Store reopened = open()) {
            ModelRegistry registry = reopened.registry();
            assertThat(registry.versions("busy")).extracting(ModelVersion::version)
                    .containsExactlyElementsOf(expected);
            assertThat(registry.alias("busy", ModelRegistry.CHAMPION)).map(ModelVersion::version).contains(8000);
            assertThat(registry.alias("busy", "staging")).map(ModelVersion::version).contains(42);
            assertThat(registry.aliasHistory("busy", ModelRegistry.CHAMPION)).extracting(c -> c.reason())
                    .containsExactly("first champion", "newest wins");
            assertThat(registry.register(version(-1)).version()).isEqualTo(THREADS * PER_THREAD + 1);
        }
    }

    @Test
    void oneIdempotencyKeyRacedByManyModelsGoesToExactlyOneOfThem() {
        try (Store store = open()) {
            ModelRegistry registry = store.registry();
            List<String> outcomes = Concurrently.run(THREADS, thread -> {
                NewModelVersion request = new NewModelVersion("racer-" + thread, version(thread).sha256(),
                        HyperParams.empty(), Map.of(), Lineage.manual("test", Map.of()), "job-1/0");
                try {
                    return registry.register(request).name();
                } catch (InvalidArgumentException e) {
                    assertThat(e.field()).isEqualTo("idempotencyKey");
                    return "rejected";
                }
            });

            List<String> winners = outcomes.stream().filter(o -> !o.equals("rejected")).toList();
            assertThat(winners).hasSize(1);
            assertThat(registry.models()).containsExactlyElementsOf(winners);
            assertThat(registry.versions(winners.get(0))).hasSize(1);
        }
    }

    /** A version of model {@code busy} with an artifact checksum unique to {@code n}. */
    static NewModelVersion version(int n) {
        String sha = HexFormat.of().formatHex(new byte[32]).substring(8) + String.format("%08x", n);
        return new NewModelVersion("busy", sha, HyperParams.of("n", n), Map.of("f1", 0.5),
                Lineage.manual("test", Map.of()), null);
    }
}
