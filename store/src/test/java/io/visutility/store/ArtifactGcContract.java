package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.registry.ArtifactCorruptedException;
import io.visutility.registry.ArtifactRef;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.Lineage;
import io.visutility.registry.NewModelVersion;
import io.visutility.retrain.StudyState;
import io.visutility.retrain.StudyStore;
import io.visutility.testing.MutableClock;
import io.visutility.training.Budget;
import io.visutility.tuning.HyperParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Garbage collection of artifacts against the versions that reference them; each backend subclasses this. */
abstract class ArtifactGcContract {
    private static final Duration GRACE = Duration.ofHours(1);

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
    private Store store;

    /** Opens a new, empty store stamping times with {@code clock}. */
    protected abstract Store open(Clock clock);

    /** The folder the store keeps its artifacts in. */
    protected abstract Path artifactsDir();

    @BeforeEach
    void openStore() {
        store = open(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void unreferencedArtifactsOlderThanTheGracePeriodGoAndReferencedOnesStayWhateverTheirAge() {
        ArtifactRef used = put("serving model");
        register("churn", used);
        ArtifactRef unused = put("a losing candidate");
        ArtifactRef alsoUnused = put("another loser");
        clock.advance(GRACE.plusSeconds(1));

        GcReport report = store.gc(GRACE);

        assertThat(report.removed()).containsExactlyElementsOf(
                List.of(unused.sha256(), alsoUnused.sha256()).stream().sorted().toList());
        assertThat(report.bytesFreed()).isEqualTo(unused.size() + alsoUnused.size());
        assertThat(report.keptReferenced()).isEqualTo(1);
        assertThat(report.keptYoung()).isZero();
        assertThat(report.missing()).isEmpty();
        assertThat(store.artifacts().contains(unused.sha256())).isFalse();
        assertThat(store.artifacts().get(used.sha256())).asString(StandardCharsets.UTF_8).isEqualTo("serving model");
    }

    @Test
    void anUnreferencedArtifactWithinTheGracePeriodStaysAsItMayBelongToARegistrationInFlight() {
        ArtifactRef inFlight = put("being registered");
        clock.advance(GRACE.minusSeconds(1));

        GcReport early = store.gc(GRACE);
        assertThat(early.removed()).isEmpty();
        assertThat(early.keptYoung()).isEqualTo(1);
        assertThat(store.artifacts().contains(inFlight.sha256())).isTrue();

        clock.advance(Duration.ofSeconds(2));
        assertThat(store.gc(GRACE).removed()).containsExactly(inFlight.sha256());
    }

    @Test
    void anOldArtifactPutAgainForANewRegistrationCountsAsNew() {
        ArtifactRef ref = put("same bytes, trained twice");
        clock.advance(Duration.ofDays(10));
        put("same bytes, trained twice");

        GcReport report = store.gc(GRACE);

        assertThat(report.removed()).isEmpty();
        assertThat(report.keptYoung()).isEqualTo(1);
        register("fraud", ref);
        clock.advance(Duration.ofDays(10));
        assertThat(store.gc(GRACE).keptReferenced()).isEqualTo(1);
    }

    @Test
    void aCorruptedReferencedArtifactIsNeverRemoved() throws IOException {
        ArtifactRef ref = put("precious model");
        register("churn", ref);
        Path file = artifactsDir().resolve(ref.sha256());
        FileTime modified = Files.getLastModifiedTime(file);
        Files.writeString(file, "precious modeL");
        Files.setLastModifiedTime(file, modified);
        clock.advance(Duration.ofDays(365));

        GcReport report = store.gc(GRACE);

        assertThat(report.removed()).isEmpty();
        assertThat(report.keptReferenced()).isEqualTo(1);
        assertThat(file).exists();
        assertThatExceptionOfType(ArtifactCorruptedException.class)
                .isThrownBy(() -> store.artifacts().get(ref.sha256()));
    }

    @Test
    void aSecondGcFindsNothingMoreToDo() {
        register("churn", put("kept"));
        put("garbage");
        put("more garbage");
        clock.advance(GRACE.plusSeconds(1));
        put("a newer candidate");
        GcReport first = store.gc(GRACE);
        assertThat(first.removed()).hasSize(2);

        GcReport second = store.gc(GRACE);

        assertThat(second).isEqualTo(new GcReport(List.of(), 0, 1, 1, 0, List.of()));
    }

    @Test
    void aVersionWhoseArtifactIsGoneIsReportedMissing() {
        String never = "f".repeat(64);
        register("churn", new ArtifactRef(never, 10));

        assertThat(store.gc(GRACE).missing()).containsExactly(never);
    }

    @Test
    void leftoversOfInterruptedWritesOlderThanTheGracePeriodAreRemoved() throws IOException {
        Path stale = artifactsDir().resolve(".incoming-42.tmp");
        Files.writeString(stale, "half a model");
        Files.setLastModifiedTime(stale, FileTime.from(clock.instant()));
        clock.advance(GRACE.plusSeconds(1));

        GcReport report = store.gc(GRACE);

        assertThat(report.leftovers()).isEqualTo(1);
        assertThat(stale).doesNotExist();
    }

    @Test
    void aNegativeGracePeriodIsRejectedNamingItAndNothingIsRemoved() {
        ArtifactRef garbage = put("garbage");
        clock.advance(Duration.ofDays(1));

        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> store.gc(Duration.ofSeconds(-1)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("minAge"))
                .withMessage("minAge must be >= 0, was PT-1S");
        assertThat(store.artifacts().contains(garbage.sha256())).isTrue();
    }

    @Test
    void trialArtifactsStayWhileTheirStudyRunsAndOnlyTheChosenOneStaysAfterIt() {
        StudyStore studies = store.studies();
        String study = studies.openStudy("churn", "job-1", 42, "test").id();
        ArtifactRef first = put("trial 0");
        ArtifactRef second = put("trial 1");
        studies.startTrial(study, 0, HyperParams.empty(), Budget.full(), -1, 1);
        studies.succeedTrial(study, 0, 0.7, Map.of("f1", 0.7), first.sha256(), Duration.ofSeconds(1));
        studies.startTrial(study, 1, HyperParams.empty(), Budget.full(), -1, 1);
        studies.succeedTrial(study, 1, 0.8, Map.of("f1", 0.8), second.sha256(), Duration.ofSeconds(1));
        clock.advance(GRACE.plusSeconds(1));

        assertThat(store.gc(GRACE).removed()).as("the study still runs").isEmpty();

        studies.endStudy(study, StudyState.FINISHED, 1);
        GcReport after = store.gc(GRACE);

        assertThat(after.removed()).containsExactly(first.sha256());
        assertThat(store.artifacts().contains(second.sha256())).as("chosen, about to be registered").isTrue();
    }

    private ArtifactRef put(String content) {
        return store.artifacts().put(content.getBytes(StandardCharsets.UTF_8));
    }

    private void register(String model, ArtifactRef ref) {
        store.registry().register(new NewModelVersion(model, ref.sha256(), HyperParams.empty(), Map.of("f1", 0.9),
                Lineage.manual("test", Map.of()), null));
    }
}
