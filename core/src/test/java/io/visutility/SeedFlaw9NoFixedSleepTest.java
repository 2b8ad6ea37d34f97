package io.visutility;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.visutility.testing.LoopFixture.DEGRADED;
import static io.visutility.testing.LoopFixture.HEALTHY;
import static io.visutility.testing.LoopFixture.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.visutility.event.MonitorEvent;
import io.visutility.registry.ModelVersion;
import io.visutility.retrain.RetrainPipeline;
import io.visutility.testing.LoopFixture;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pins seed flaw 9: the seed's test slept a fixed 5 s and hoped the retrain was done; now the whole
 * scenario runs deterministically and is complete when the calls return, and no class sleeps.
 */
class SeedFlaw9NoFixedSleepTest {

    @Test
    void theSeedScenarioIsCompleteWhenTheCallsReturn() {
        LoopFixture loop = LoopFixture.create();
        ModelVersion initial = loop.seedChampion();
        Instant start = loop.clock.instant();

        loop.report(10, HEALTHY);
        loop.report(10, DEGRADED);

        ModelVersion latest = loop.registry.latest(MODEL);
        assertThat(latest.sha256()).isNotEqualTo(initial.sha256());
        assertThat(loop.champion()).contains(latest);
        assertThat(loop.events.story()).containsExactly("DriftDetected", "RetrainRequested", "TrialCompleted",
                "TrialCompleted", "TrialCompleted", "ModelRegistered", "ModelPromoted");
        assertThat(loop.events.single(MonitorEvent.ModelPromoted.class).version()).isEqualTo(latest.version());
        assertThat(loop.clock.instant()).as("no time had to pass").isEqualTo(start);
        assertThat(loop.timer.pendingTasks()).as("nothing left to wait for").isZero();
    }

    @Test
    void noClassSleeps() {
        JavaClasses classes = new ClassFileImporter().importPackages("io.visutility");
        // Guard against a vacuous pass: both production and test classes were imported.
        assertThat(classes.contain(RetrainPipeline.class)).isTrue();
        assertThat(classes.contain(SeedFlaw9NoFixedSleepTest.class)).isTrue();

        noClasses().should().callMethodWhere(target(owner(assignableTo(Thread.class))).and(target(name("sleep"))))
                .orShould().callMethodWhere(target(owner(assignableTo(TimeUnit.class))).and(target(name("sleep"))))
                .because("tests wait for a condition (clock, latch, bounded Awaitility), never for a fixed time")
                .check(classes);
    }
}
