package io.visutility.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.registry.AliasChange;
import io.visutility.registry.AliasConflictException;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import io.visutility.testing.MutableClock;
import io.visutility.tuning.HyperParams;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ModelRegistry} adapter must show, as its javadoc documents it; each adapter's
 * test subclasses this and supplies a fresh, empty registry. Tags and pages are specified in the test
 * interfaces this class implements.
 */
public abstract class ModelRegistryContract implements RegistryUnderTest, ModelRegistryTagsContract,
        ModelRegistryPagesContract {
    /** Starts on a whole second so that adapters storing milliseconds keep times exactly. */
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    protected ModelRegistry registry;
    private int artifacts;

    /** A new, empty registry that stamps times with {@code clock}. */
    protected abstract ModelRegistry newRegistry(Clock clock);

    @BeforeEach
    void createRegistry() {
        registry = newRegistry(clock);
    }

    @Override
    public ModelRegistry registry() {
        return registry;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Test
    void versionsStartAtOneAndAreGaplessAndIndependentPerModel() {
        assertThat(register("churn").version()).isEqualTo(1);
        assertThat(register("churn").version()).isEqualTo(2);
        assertThat(register("fraud").version()).isEqualTo(1);
        assertThat(register("churn").version()).isEqualTo(3);
        assertThat(register("fraud").version()).isEqualTo(2);

        assertThat(registry.versions("churn")).extracting(ModelVersion::version).containsExactly(1, 2, 3);
        assertThat(registry.versions("fraud")).extracting(ModelVersion::version).containsExactly(1, 2);
    }

    @Test
    void aRegisteredVersionKeepsEverythingItWasGivenAndTheRegistrationTime() {
        HyperParams params = HyperParams.of("learning_rate", 0.1, "max_depth", 6, "booster", "gbtree",
                "whole_double", 2.0, "verbose", false);
        Lineage lineage = new Lineage(3, "drift-1", "job-7", "xgboost", Map.of("rows", "5000", "seed", "42"));
        String sha = sha("artifact");
        NewModelVersion request = new NewModelVersion("churn", sha, params, Map.of("f1", 0.8, "auc", 0.91),
                lineage, "job-7/0");

        ModelVersion created = registry.register(request);
        clock.advance(Duration.ofHours(1));
        ModelVersion read = registry.get("churn", 1);

        for (ModelVersion v : List.of(created, read)) {
            assertThat(v.name()).isEqualTo("churn");
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.sha256()).isEqualTo(sha);
            assertThat(v.params()).isEqualTo(params);
            assertThat(v.params().get("max_depth")).isInstanceOf(Long.class);
            assertThat(v.params().get("whole_double")).isInstanceOf(Double.class);
            assertThat(v.metrics()).isEqualTo(Map.of("f1", 0.8, "auc", 0.91));
            assertThat(v.lineage()).isEqualTo(lineage);
            assertThat(v.createdAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        }
        assertThat(register("churn").createdAt()).isEqualTo(Instant.parse("2026-03-01T13:00:00Z"));
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstVersion() {
        ModelVersion first = registry.register(newVersion("churn", sha("one"), "job-1/trial-0"));
        ModelVersion again = registry.register(newVersion("churn", sha("two"), "job-1/trial-0"));

        assertThat(again).isEqualTo(first);
        assertThat(again.sha256()).isEqualTo(sha("one"));
        assertThat(registry.versions("churn")).hasSize(1);
        assertThat(registry.register(newVersion("churn", sha("three"), "job-1/trial-1")).version()).isEqualTo(2);
        assertThat(register("churn").version()).isEqualTo(3);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherModelIsRejectedAndNothingIsRegistered() {
        registry.register(newVersion("churn", sha("one"), "job-1"));

        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry.register(newVersion("fraud", sha("two"), "job-1")))
                .satisfies(e -> assertThat(e.field()).isEqualTo("idempotencyKey"))
                .withMessageContaining("job-1");

        assertThat(registry.versions("fraud")).isEmpty();
        assertThat(registry.models()).containsExactly("churn");
        assertThat(register("fraud").version()).isEqualTo(1);
    }

    @Test
    void unknownModelsAndVersionsAreNotFound() {
        register("churn");

        assertThatExceptionOfType(ModelNotFoundException.class).isThrownBy(() -> registry.get("fraud", 1))
                .withMessageContaining("fraud");
        assertThatExceptionOfType(ModelNotFoundException.class).isThrownBy(() -> registry.get("churn", 2))
                .withMessageContaining("churn").withMessageContaining("2");
        assertThatExceptionOfType(ModelNotFoundException.class).isThrownBy(() -> registry.latest("fraud"));
        assertThatExceptionOfType(ModelNotFoundException.class)
                .isThrownBy(() -> registry.alias("fraud", ModelRegistry.CHAMPION));
        assertThatExceptionOfType(ModelNotFoundException.class)
                .isThrownBy(() -> registry.setAlias("churn", ModelRegistry.CHAMPION, 2, null, "no such version"));
        assertThatExceptionOfType(ModelNotFoundException.class)
                .isThrownBy(() -> registry.setAlias("fraud", ModelRegistry.CHAMPION, 1, null, "no such model"));

        assertThat(registry.alias("churn", ModelRegistry.CHAMPION)).isEmpty();
        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).isEmpty();
        assertThat(registry.versions("fraud")).isEmpty();
    }

    static Stream<String> invalidNames() {
        return Stream.of("", "a".repeat(129), "../x", "a/b", "a\\b", "C:\\models", "a\u0000b", "line\nbreak",
                "tab\tx", "del\u007f", ".hidden", "with space", "é");
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void invalidModelNamesAreRejectedNamingTheFieldAndChangeNothing(String name) {
        register("churn");
        registry.setAlias("churn", ModelRegistry.CHAMPION, 1, null, "first");
        List<ThrowingCallable> calls = List.of(
                () -> registry.get(name, 1),
                () -> registry.latest(name),
                () -> registry.versions(name),
                () -> registry.versions(name, null, 10),
                () -> registry.alias(name, ModelRegistry.CHAMPION),
                () -> registry.setAlias(name, ModelRegistry.CHAMPION, 1, 1, "x"),
                () -> registry.setAlias(name, ModelRegistry.CHAMPION, 1, 1, "x", "cli:alice"),
                () -> registry.aliasHistory(name, ModelRegistry.CHAMPION),
                () -> registry.setTag(name, 1, "stage", "x"),
                () -> registry.removeTag(name, 1, "stage"),
                () -> registry.versionsTagged(name, "stage", "x"));
        for (ThrowingCallable call : calls) {
            assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(call)
                    .satisfies(e -> assertThat(e.field()).isEqualTo("model"))
                    .withMessageStartingWith("model ");
        }
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> newVersion(name, sha("x"), null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("model"));
        assertThat(registry.models()).containsExactly("churn");
        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).hasSize(1);
        assertThat(registry.get("churn", 1).tags()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void invalidAliasesAreRejectedNamingTheField(String alias) {
        register("churn");
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry.setAlias("churn", alias, 1, null, "x"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("alias"));
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry.alias("churn", alias))
                .satisfies(e -> assertThat(e.field()).isEqualTo("alias"));
    }

    @Test
    void aNameOf128CharactersIsAccepted() {
        String name = "m" + "-".repeat(126) + "x";
        assertThat(register(name).name()).isEqualTo(name);
        assertThat(registry.latest(name).version()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void invalidVersionNumbersAreRejectedNamingTheField(int version) {
        register("churn");
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> registry.get("churn", version))
                .satisfies(e -> assertThat(e.field()).isEqualTo("version"))
                .withMessageContaining(String.valueOf(version));
        List<ThrowingCallable> calls = List.of(
                () -> registry.setAlias("churn", ModelRegistry.CHAMPION, version, null, "x"),
                () -> registry.setAlias("churn", ModelRegistry.CHAMPION, version, null, "x", "cli:alice"),
                () -> registry.setTag("churn", version, "stage", "x"),
                () -> registry.removeTag("churn", version, "stage"));
        for (ThrowingCallable call : calls) {
            assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(call)
                    .satisfies(e -> assertThat(e.field()).isEqualTo("version"))
                    .withMessageContaining(String.valueOf(version));
        }
        assertThat(registry.alias("churn", ModelRegistry.CHAMPION)).isEmpty();
        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).isEmpty();
        assertThat(registry.versionsTagged("churn", "stage", "x")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
            "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
    void invalidChecksumsNeverReachTheRegistry(String sha256) {
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> newVersion("churn", sha256, null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("sha256"));
        assertThat(registry.models()).isEmpty();
    }

    @Test
    void latestIsTheHighestVersionAndNotTheChampion() {
        register("churn");
        register("churn");
        registry.setAlias("churn", ModelRegistry.CHAMPION, 1, null, "first champion");

        assertThat(registry.latest("churn").version()).isEqualTo(2);
        assertThat(registry.alias("churn", ModelRegistry.CHAMPION)).map(ModelVersion::version).contains(1);
    }

    @Test
    void anUnsetAliasIsSetWithExpectedNullAndRecorded() {
        register("churn");
        assertThat(registry.alias("churn", ModelRegistry.CHAMPION)).isEmpty();

        AliasChange change = registry.setAlias("churn", ModelRegistry.CHAMPION, 1, null, "first champion");

        AliasChange expected = new AliasChange("churn", ModelRegistry.CHAMPION, null, 1, clock.instant(),
                "first champion");
        assertThat(change).isEqualTo(expected);
        assertThat(registry.alias("churn", ModelRegistry.CHAMPION)).contains(registry.get("churn", 1));
        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).containsExactly(expected);
    }

    @Test
    void aCompareAndSetWithTheWrongExpectationChangesNothing() {
        register("churn");
        register("churn");
        register("churn");
        registry.setAlias("churn", ModelRegistry.CHAMPION, 1, null, "first");

        assertThatExceptionOfType(AliasConflictException.class)
                .isThrownBy(() -> registry.setAlias("churn", ModelRegistry.CHAMPION, 2, null, "racer"))
                .satisfies(e -> assertThat(e.actual()).isEqualTo(1));
        assertThatExceptionOfType(AliasConflictException.class)
                .isThrownBy(() -> registry.setAlias("churn", ModelRegistry.CHAMPION, 3, 2, "stale"))
                .satisfies(e -> assertThat(e.actual()).isEqualTo(1));
        assertThatExceptionOfType(AliasConflictException.class)
                .isThrownBy(() -> registry.setAlias("churn", "staging", 3, 2, "never set"))
                .satisfies(e -> assertThat(e.actual()).isNull());

        assertThat(registry.alias("churn", ModelRegistry.CHAMPION)).map(ModelVersion::version).contains(1);
        assertThat(registry.alias("churn", "staging")).isEmpty();
        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).hasSize(1);
        assertThat(registry.aliasHistory("churn", "staging")).isEmpty();
    }

    @Test
    void anUnknownAliasIsUnsetHasNoHistoryAndCannotBeMovedFromAVersion() {
        register("churn");
        registry.setAlias("churn", ModelRegistry.CHAMPION, 1, null, "first");

        assertThat(registry.alias("churn", "no-such-alias")).isEmpty();
        assertThat(registry.aliasHistory("churn", "no-such-alias")).isEmpty();
        assertThatExceptionOfType(AliasConflictException.class)
                .isThrownBy(() -> registry.setAlias("churn", "no-such-alias", 1, 1, "thinks it is set", "cli:bob"))
                .satisfies(e -> assertThat(e.actual()).isNull())
                .withMessageContaining("no-such-alias").withMessageContaining("nothing changed");

        assertThat(registry.alias("churn", "no-such-alias")).isEmpty();
        assertThat(registry.aliasHistory("churn", "no-such-alias")).isEmpty();
        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).hasSize(1);
    }

    @Test
    void everyAliasChangeRecordsWhoMadeIt() {
        register("churn");
        register("churn");
        register("churn");
        Instant t0 = clock.instant();

        AliasChange first = registry.setAlias("churn", ModelRegistry.CHAMPION, 1, null, "first", "cli:alice");
        clock.advance(Duration.ofMinutes(5));
        registry.setAlias("churn", ModelRegistry.CHAMPION, 2, 1, "beat v1", "retrain job 7f3a");
        registry.setAlias("churn", ModelRegistry.CHAMPION, 3, 2, "said nobody");

        assertThat(first).isEqualTo(new AliasChange("churn", ModelRegistry.CHAMPION, null, 1, t0, "first",
                "cli:alice"));
        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).containsExactly(first,
                new AliasChange("churn", ModelRegistry.CHAMPION, 1, 2, t0.plusSeconds(300), "beat v1",
                        "retrain job 7f3a"),
                new AliasChange("churn", ModelRegistry.CHAMPION, 2, 3, t0.plusSeconds(300), "said nobody",
                        ModelRegistry.UNATTRIBUTED));
    }

    static Stream<String> invalidActors() {
        return Stream.of(null, "", "   ", "x".repeat(129), "cli:alice\nforged line", "tab\tx", "nul\u0000");
    }

    @ParameterizedTest
    @MethodSource("invalidActors")
    void invalidActorsAreRejectedNamingTheFieldAndChangeNothing(String actor) {
        register("churn");
        register("churn");
        registry.setAlias("churn", ModelRegistry.CHAMPION, 1, null, "first", "cli:alice");

        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry.setAlias("churn", ModelRegistry.CHAMPION, 2, 1, "x", actor))
                .satisfies(e -> assertThat(e.field()).isEqualTo("actor"))
                .withMessageStartingWith("actor ");
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> new AliasChange("churn", ModelRegistry.CHAMPION, 1, 2, clock.instant(), "x", actor))
                .satisfies(e -> assertThat(e.field()).isEqualTo("actor"));

        assertThat(registry.alias("churn", ModelRegistry.CHAMPION)).map(ModelVersion::version).contains(1);
        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).extracting(AliasChange::actor)
                .containsExactly("cli:alice");
    }

    @Test
    void anActorOfTheLongestLengthIsKept() {
        register("churn");
        String actor = "cli:" + "ü".repeat(124);
        registry.setAlias("churn", ModelRegistry.CHAMPION, 1, null, "first", actor);
        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).extracting(AliasChange::actor)
                .containsExactly(actor);
    }

    @Test
    void aliasHistoryRecordsEveryMoveWithItsTimeAndReasonPerAliasAndModel() {
        register("churn");
        register("churn");
        register("fraud");
        Instant t0 = clock.instant();
        registry.setAlias("churn", ModelRegistry.CHAMPION, 1, null, "first champion");
        clock.advance(Duration.ofMinutes(30));
        registry.setAlias("churn", "staging", 2, null, "candidate");
        clock.advance(Duration.ofMinutes(30));
        registry.setAlias("churn", ModelRegistry.CHAMPION, 2, 1, "beat the champion");
        clock.advance(Duration.ofMinutes(30));
        registry.setAlias("churn", ModelRegistry.CHAMPION, 1, 2, "rollback");
        registry.setAlias("fraud", ModelRegistry.CHAMPION, 1, null, "fraud's own");

        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).containsExactly(
                new AliasChange("churn", ModelRegistry.CHAMPION, null, 1, t0, "first champion"),
                new AliasChange("churn", ModelRegistry.CHAMPION, 1, 2, t0.plus(Duration.ofHours(1)),
                        "beat the champion"),
                new AliasChange("churn", ModelRegistry.CHAMPION, 2, 1, t0.plus(Duration.ofMinutes(90)), "rollback"));
        assertThat(registry.aliasHistory("churn", "staging")).containsExactly(
                new AliasChange("churn", "staging", null, 2, t0.plus(Duration.ofMinutes(30)), "candidate"));
        assertThat(registry.aliasHistory("fraud", ModelRegistry.CHAMPION)).extracting(AliasChange::reason)
                .containsExactly("fraud's own");
        assertThat(registry.alias("churn", ModelRegistry.CHAMPION)).map(ModelVersion::version).contains(1);
    }

    @Test
    void versionsAreListedOldestFirst() {
        for (int i = 0; i < 5; i++) {
            register("churn");
            clock.advance(Duration.ofSeconds(1));
        }
        List<ModelVersion> versions = registry.versions("churn");
        assertThat(versions).extracting(ModelVersion::version).containsExactly(1, 2, 3, 4, 5);
        assertThat(versions).extracting(ModelVersion::createdAt).isSorted();
        assertThat(versions.get(4)).isEqualTo(registry.latest("churn"));
    }

    @Test
    void modelsAreListedSortedOncePerModel() {
        assertThat(registry.models()).isEmpty();
        for (String name : List.of("zeta", "alpha", "mid", "alpha", "beta", "zeta")) {
            register(name);
        }
        assertThat(registry.models()).containsExactly("alpha", "beta", "mid", "zeta");
    }

    @Test
    void concurrentRegistrationsGetGaplessDistinctNumbers() {
        // Each thread registers 250 versions of each of 8 models, interleaved, so threads overlap for longer.
        // The requests are built beforehand so that the threads spend their time inside register.
        List<String> models = IntStream.range(0, 8).mapToObj(m -> "busy-" + m).toList();
        List<List<NewModelVersion>> requests = IntStream.range(0, 4).mapToObj(thread -> IntStream.range(0, 250)
                .boxed()
                .flatMap(i -> models.stream().map(model -> newVersion(model, sha(model + thread + "/" + i), null)))
                .toList()).toList();
        List<List<ModelVersion>> perThread = Concurrently.run(4, thread -> requests.get(thread).stream()
                .map(registry::register)
                .toList());

        List<Integer> expected = IntStream.rangeClosed(1, 1000).boxed().toList();
        for (String model : models) {
            List<Integer> numbers = perThread.stream().flatMap(List::stream).filter(v -> v.name().equals(model))
                    .map(ModelVersion::version).sorted().toList();
            assertThat(numbers).as(model).containsExactlyElementsOf(expected);
            perThread.forEach(list -> assertThat(list.stream().filter(v -> v.name().equals(model))
                    .map(ModelVersion::version).toList()).as("one thread's numbers for %s", model).isSorted());
            assertThat(registry.versions(model)).extracting(ModelVersion::version).containsExactlyElementsOf(expected);
        }
        assertThat(registry.models()).containsExactlyElementsOf(models);
    }

    @Test
    void concurrentRegistrationsWithTheSameKeysRegisterEachKeyOnce() {
        List<List<ModelVersion>> perThread = Concurrently.run(4, thread -> IntStream.range(0, 50)
                .mapToObj(i -> registry.register(newVersion("busy", sha("key" + i), "job/" + i)))
                .toList());

        assertThat(registry.versions("busy")).hasSize(50);
        for (int i = 0; i < 50; i++) {
            int key = i;
            Set<ModelVersion> seen = new HashSet<>();
            perThread.forEach(list -> seen.add(list.get(key)));
            assertThat(seen).as("key job/%d", key).hasSize(1);
        }
    }

    @Test
    void concurrentCompareAndSetsLetExactlyOneWin() {
        for (int i = 0; i < 4; i++) {
            register("churn");
        }
        List<Optional<AliasChange>> results = Concurrently.run(4, thread -> {
            try {
                return Optional.of(registry.setAlias("churn", ModelRegistry.CHAMPION, thread + 1, null, "t" + thread));
            } catch (AliasConflictException e) {
                return Optional.empty();
            }
        });

        List<AliasChange> winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(registry.alias("churn", ModelRegistry.CHAMPION)).map(ModelVersion::version)
                .contains(winners.get(0).to());
        assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).containsExactlyElementsOf(winners);
    }

    @Override
    public ModelVersion register(String model) {
        return registry.register(newVersion(model, sha("artifact-" + (artifacts++)), null));
    }

    /** A version request with typical parameters, metrics and lineage. */
    protected static NewModelVersion newVersion(String model, String sha256, String idempotencyKey) {
        return new NewModelVersion(model, sha256, HyperParams.of("learning_rate", 0.1, "max_depth", 6),
                Map.of("f1", 0.8), Lineage.manual("test", Map.of()), idempotencyKey);
    }

    /** The real lower-case hex SHA-256 of {@code text}'s UTF-8 bytes. */
    protected static String sha(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
