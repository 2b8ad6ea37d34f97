package io.visutility.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.retrain.GateDecision;
import io.visutility.retrain.StudyArgumentException;
import io.visutility.retrain.StudyRecord;
import io.visutility.retrain.StudyState;
import io.visutility.retrain.StudyStateException;
import io.visutility.retrain.StudyStore;
import io.visutility.retrain.TrialRecord;
import io.visutility.retrain.TrialState;
import io.visutility.testing.MutableClock;
import io.visutility.training.Budget;
import io.visutility.tuning.HyperParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link StudyStore} adapter must show: one study per job, trials that move only from
 * RUNNING to an end, records that come back intact, newest-first listing, one decision per job, and
 * concurrent retries that agree. Bad input is refused naming its field, and
 * nothing is stored then.
 */
public abstract class StudyStoreContract {
    protected static final String SHA = "ab".repeat(32);
    protected MutableClock clock;
    protected StudyStore store;

    /** A new, empty store stamping times from {@code clock}. */
    protected abstract StudyStore newStore(MutableClock clock);

    @BeforeEach
    void createStore() {
        clock = MutableClock.atEpochOfTests();
        store = newStore(clock);
    }

    protected static HyperParams params(int n) {
        return HyperParams.of("max_depth", n, "eta", 0.1 * (n + 1), "booster", "gbtree");
    }

    @Test
    void aJobHasOneStudyWhoeverOpensItAgain() {
        StudyRecord first = store.openStudy("m", "job-1", 42, "fullBudget(random, 8)");
        clock.advance(Duration.ofSeconds(5));
        StudyRecord again = store.openStudy("m", "job-1", 7, "something else");

        assertThat(again).isEqualTo(first);
        assertThat(first.state()).isEqualTo(StudyState.RUNNING);
        assertThat(first.seed()).isEqualTo(42);
        assertThat(first.created()).isEqualTo(clock.instant().minusSeconds(5));
        assertThat(store.study(first.id())).contains(first);
        assertThat(store.studyOfJob("job-1")).contains(first);
        assertThat(store.studyOfJob("job-2")).isEmpty();
        assertThat(store.study("nope")).isEmpty();
    }

    @Test
    void aJobsStudyBelongsToOneModel() {
        store.openStudy("m", "job-1", 42, "s");

        assertThatExceptionOfType(StudyStateException.class)
                .isThrownBy(() -> store.openStudy("other", "job-1", 42, "s"))
                .withMessageContaining("job-1").withMessageContaining("other");
        assertThat(store.studies("other", 10)).isEmpty();
    }

    @Test
    void studiesOfAModelComeNewestFirstAndBounded() {
        StudyRecord a = store.openStudy("m", "a", 1, "s");
        clock.advance(Duration.ofSeconds(1));
        StudyRecord b = store.openStudy("m", "b", 1, "s");
        store.openStudy("n", "c", 1, "s");
        StudyRecord d = store.openStudy("m", "d", 1, "s");

        assertThat(store.studies("m", 10)).containsExactly(d, b, a);
        assertThat(store.studies("m", 2)).containsExactly(d, b);
        assertThat(store.studies("unknown", 10)).isEmpty();
    }

    @Test
    void trialsComeBackIntactInNumberOrder() {
        String study = store.openStudy("m", "job", 42, "s").id();
        TrialRecord t1 = store.startTrial(study, 1, params(1), Budget.rounds(50), -1, 1);
        TrialRecord t0 = store.startTrial(study, 0, params(0), Budget.full(), -1, 1);
        TrialRecord t2 = store.startTrial(study, 2, params(2), Budget.fraction(0.25), 1, 2);

        assertThat(store.trials(study)).containsExactly(t0, t1, t2);
        assertThat(t2.state()).isEqualTo(TrialState.RUNNING);
        assertThat(t2.promotedFrom()).isEqualTo(1);
        assertThat(t2.attempt()).isEqualTo(2);
        assertThat(t2.started()).isEqualTo(clock.instant());
        assertThat(t2.toTrial().pending()).isTrue();

        clock.advance(Duration.ofSeconds(3));
        TrialRecord won = store.succeedTrial(study, 0, 0.8125, Map.of("f1", 0.8125, "auc", 0.9), SHA,
                Duration.ofMillis(2750));
        TrialRecord lost = store.failTrial(study, 1, "diverged: loss was NaN", Duration.ofMillis(10));

        assertThat(store.trials(study)).containsExactly(won, lost, t2);
        assertThat(won.state()).isEqualTo(TrialState.SUCCEEDED);
        assertThat(won.params()).isEqualTo(params(0));
        assertThat(won.metrics()).isEqualTo(Map.of("f1", 0.8125, "auc", 0.9));
        assertThat(won.artifactSha256()).isEqualTo(SHA);
        assertThat(won.duration()).isEqualTo(Duration.ofMillis(2750));
        assertThat(won.finished()).isEqualTo(clock.instant());
        assertThat(won.started()).isEqualTo(t0.started());
        assertThat(won.toTrial().objective()).isEqualTo(0.8125);
        assertThat(lost.error()).isEqualTo("diverged: loss was NaN");
        assertThat(lost.budget()).isEqualTo(Budget.rounds(50));
        assertThat(lost.toTrial().failed()).isTrue();
        assertThat(store.trials("unknown")).isEmpty();
    }

    @Test
    void startingAStoredTrialAgainReturnsItUnchanged() {
        String study = store.openStudy("m", "job", 42, "s").id();
        TrialRecord started = store.startTrial(study, 0, params(0), Budget.full(), -1, 1);
        TrialRecord done = store.succeedTrial(study, 0, 0.5, Map.of("f1", 0.5), null, Duration.ZERO);

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.startTrial(study, 0, params(9), Budget.rounds(3), -1, 2)).isEqualTo(done).isNotEqualTo(started);
        assertThat(store.trials(study)).containsExactly(done);
    }

    @Test
    void aFinishedTrialIsNotFinishedAgain() {
        String study = store.openStudy("m", "job", 42, "s").id();
        store.startTrial(study, 0, params(0), Budget.full(), -1, 1);
        TrialRecord failed = store.failTrial(study, 0, "interrupted: attempt 1 ended", Duration.ZERO);

        assertThatExceptionOfType(StudyStateException.class)
                .isThrownBy(() -> store.succeedTrial(study, 0, 0.9, Map.of("f1", 0.9), SHA, Duration.ZERO))
                .withMessageContaining("FAILED");
        assertThatExceptionOfType(StudyStateException.class)
                .isThrownBy(() -> store.failTrial(study, 0, "again", Duration.ZERO));
        assertThatExceptionOfType(StudyStateException.class)
                .isThrownBy(() -> store.failTrial(study, 5, "never started", Duration.ZERO))
                .withMessageContaining("5");
        assertThatExceptionOfType(StudyStateException.class)
                .isThrownBy(() -> store.startTrial("no-such-study", 0, params(0), Budget.full(), -1, 1));
        assertThat(store.trials(study)).containsExactly(failed);
    }

    @Test
    void aStudyFinishesOnceWithASucceededTrial() {
        String study = store.openStudy("m", "job", 42, "s").id();
        store.startTrial(study, 0, params(0), Budget.full(), -1, 1);
        store.failTrial(study, 0, "boom", Duration.ZERO);
        store.startTrial(study, 1, params(1), Budget.full(), -1, 1);

        assertThatExceptionOfType(StudyStateException.class)
                .isThrownBy(() -> store.endStudy(study, StudyState.FINISHED, 0)).withMessageContaining("FAILED");
        assertThatExceptionOfType(StudyStateException.class)
                .isThrownBy(() -> store.endStudy(study, StudyState.FINISHED, 1)).withMessageContaining("RUNNING");
        store.succeedTrial(study, 1, 0.7, Map.of("f1", 0.7), SHA, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(2));

        StudyRecord done = store.endStudy(study, StudyState.FINISHED, 1);

        assertThat(done.bestTrial()).isEqualTo(1);
        assertThat(done.finished()).isEqualTo(clock.instant());
        assertThat(store.endStudy(study, StudyState.FINISHED, 1)).isEqualTo(done);
        assertThat(store.study(study)).contains(done);
        assertThatExceptionOfType(StudyStateException.class)
                .isThrownBy(() -> store.endStudy(study, StudyState.FAILED, -1));
        assertThatExceptionOfType(StudyStateException.class)
                .isThrownBy(() -> store.startTrial(study, 2, params(2), Budget.full(), -1, 1))
                .withMessageContaining("FINISHED");
        assertThatExceptionOfType(StudyStateException.class)
                .isThrownBy(() -> store.endStudy("no-such-study", StudyState.FAILED, -1));
    }

    @Test
    void aStudyWithNoSuccessEndsFailed() {
        String study = store.openStudy("m", "job", 42, "s").id();

        StudyRecord failed = store.endStudy(study, StudyState.FAILED, -1);

        assertThat(failed.state()).isEqualTo(StudyState.FAILED);
        assertThat(failed.bestTrial()).isEqualTo(-1);
        assertThat(store.openStudy("m", "job", 42, "s")).isEqualTo(failed);
    }

    @Test
    void theFirstDecisionOfAJobStays() {
        GateDecision first = decision("job", false, "improvement");
        GateDecision stored = store.recordDecision(first);
        clock.advance(Duration.ofSeconds(1));

        assertThat(stored).isEqualTo(first);
        assertThat(store.recordDecision(decision("job", true, "no-champion"))).isEqualTo(first);
        assertThat(store.decision("job")).contains(first);
        assertThat(store.decision("other")).isEmpty();
        GateDecision firstOfChampionless = decision("job-2", true, "no-champion");
        assertThat(store.recordDecision(firstOfChampionless)).isEqualTo(firstOfChampionless);
    }

    protected GateDecision decision(String job, boolean promote, String rule) {
        return new GateDecision(job, "study-of-" + job, "m", 3, promote ? null : 2, "f1",
                Map.of("f1", 0.75, "recall", 0.5), promote ? Map.of() : Map.of("f1", 0.8, "recall", 0.6), 0.01,
                Map.of("recall", 0.05), promote, rule, "f1 0.7500 vs 0.8000", clock.instant());
    }

    @Test
    void concurrentRetriesAgreeOnOneStudyAndOneTrial() {
        List<StudyRecord> opened = Concurrently.run(8, t -> store.openStudy("m", "job", t, "s"));
        assertThat(opened).containsOnly(opened.get(0));
        String study = opened.get(0).id();

        List<TrialRecord> started = Concurrently.run(8,
                t -> store.startTrial(study, 0, params(t), Budget.full(), -1, 1));
        assertThat(started).containsOnly(started.get(0));

        List<Boolean> finished = Concurrently.run(8, t -> {
            try {
                store.succeedTrial(study, 0, t / 10.0, Map.of("f1", t / 10.0), null, Duration.ZERO);
                return true;
            } catch (StudyStateException e) {
                return false;
            }
        });
        assertThat(finished).containsOnlyOnce(true);
        assertThat(store.studies("m", 10)).hasSize(1);
        assertThat(store.trials(study)).hasSize(1).allMatch(t -> t.state() == TrialState.SUCCEEDED);
    }

    @Test
    void manyTrialsKeepTheirNumbers() {
        String study = store.openStudy("m", "job", 42, "s").id();
        IntStream.range(0, 40).forEach(n -> store.startTrial(study, n, params(n), Budget.full(), -1, 1));

        assertThat(store.trials(study)).extracting(TrialRecord::number)
                .containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
    }

    @Test
    void anOutOfRangeLimitIsRefusedNamingIt() {
        for (int limit : new int[] {0, -1, StudyStore.MAX_STUDIES + 1}) {
            assertThatExceptionOfType(StudyArgumentException.class).isThrownBy(() -> store.studies("m", limit))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("limit"))
                    .withMessageContaining(Integer.toString(limit));
        }
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("model", "bad/name", (s, id) -> s.openStudy("bad/name", "job-x", 1, "s")),
                bad("jobId", "''", (s, id) -> s.openStudy("m", "", 1, "s")),
                bad("jobId", "\\u0000", (s, id) -> s.openStudy("m", "a\0b", 1, "s")),
                bad("scheduler", "null", (s, id) -> s.openStudy("m", "job-x", 1, null)),
                bad("number", "-1", (s, id) -> s.startTrial(id, -1, params(0), Budget.full(), -1, 1)),
                bad("promotedFrom", "3", (s, id) -> s.startTrial(id, 3, params(0), Budget.full(), 3, 1)),
                bad("attempt", "0", (s, id) -> s.startTrial(id, 3, params(0), Budget.full(), -1, 0)),
                bad("objective", "NaN", (s, id) -> s.succeedTrial(id, 0, Double.NaN, Map.of(), null, Duration.ZERO)),
                bad("metrics", "Infinity", (s, id) -> s.succeedTrial(id, 0, 0.5,
                        Map.of("f1", Double.POSITIVE_INFINITY), null, Duration.ZERO)),
                bad("artifactSha256", "'XYZ'", (s, id) -> s.succeedTrial(id, 0, 0.5, Map.of(), "XYZ", Duration.ZERO)),
                bad("duration", "PT-1S", (s, id) -> s.succeedTrial(id, 0, 0.5, Map.of(), null, Duration.ofSeconds(-1))),
                bad("error", "'  '", (s, id) -> s.failTrial(id, 0, "  ", Duration.ZERO)),
                bad("state", "RUNNING", (s, id) -> s.endStudy(id, StudyState.RUNNING, -1)),
                bad("bestTrial", "-1", (s, id) -> s.endStudy(id, StudyState.FINISHED, -1)),
                bad("decision", "null", (s, id) -> s.recordDecision(null)));
    }

    private static Arguments bad(String field, String value, BiConsumer<StudyStore, String> call) {
        return Arguments.of(field, value, call);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badInput")
    void badInputIsRefusedNamingTheFieldAndValueAndStoresNothing(String field, String value,
                                                                  BiConsumer<StudyStore, String> call) {
        StudyRecord study = store.openStudy("m", "job", 42, "s");
        TrialRecord running = store.startTrial(study.id(), 0, params(0), Budget.full(), -1, 1);

        assertThatExceptionOfType(StudyArgumentException.class).isThrownBy(() -> call.accept(store, study.id()))
                .satisfies(e -> assertThat(e.field()).isEqualTo(field))
                .withMessageContaining(value.equals("null") ? "null" : value.replace("'", ""));

        assertThat(store.studies("m", 10)).containsExactly(study);
        assertThat(store.studyOfJob("job-x")).isEmpty();
        assertThat(store.trials(study.id())).containsExactly(running);
        assertThat(store.decision("job")).isEmpty();
    }

    @Test
    void aBadDecisionFieldIsRefusedBeforeAnyStore() {
        assertThatExceptionOfType(StudyArgumentException.class)
                .isThrownBy(() -> new GateDecision("job", null, "m", 0, null, "f1", Map.of(), Map.of(), 0, Map.of(),
                        true, "no-champion", "r", clock.instant()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("version")).withMessageContaining("0");
        assertThatExceptionOfType(StudyArgumentException.class)
                .isThrownBy(() -> new GateDecision("job", null, "m", 1, null, "f1", Map.of(), Map.of(), -0.5,
                        Map.of(), true, "no-champion", "r", clock.instant()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("minImprovement")).withMessageContaining("-0.5");
    }
}
