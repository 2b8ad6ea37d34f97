package io.visutility.retrain;

import static io.visutility.testing.LoopFixture.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.event.MonitorEvent;
import io.visutility.registry.AliasConflictException;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.MutableClock;
import io.visutility.tuning.HyperParams;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The champion and previous aliases move together: promotion, rollback, conflicts and half-done changes. */
class PromotionsTest {
    private final MutableClock clock = MutableClock.atEpochOfTests();
    private final ModelRegistry registry = ModelRegistry.inMemory(clock);

    private int register() {
        int next = registry.models().contains("m") ? registry.latest("m").version() + 1 : 1;
        String sha = String.format("%064x", next);
        return registry.register(new NewModelVersion("m", sha, HyperParams.empty(), Map.of(),
                Lineage.manual("hand", Map.of()), null)).version();
    }

    private Integer alias(String alias) {
        return registry.alias("m", alias).map(ModelVersion::version).orElse(null);
    }

    @Test
    void aPromotionKeepsTheReplacedChampionAsPreviousAndARollbackSwapsThemBack() {
        Promotions promotions = new Promotions(registry);
        promotions.promote("m", register(), null, "first", "test");
        assertThat(alias(Promotions.PREVIOUS)).as("a first champion replaces nothing").isNull();
        promotions.promote("m", register(), 1, "better", "test");
        assertThat(alias(ModelRegistry.CHAMPION)).isEqualTo(2);
        assertThat(alias(Promotions.PREVIOUS)).isEqualTo(1);

        ModelVersion now = promotions.rollback("m", "cli:alice", "v2 misbehaves in production");

        assertThat(now.version()).isEqualTo(1);
        assertThat(alias(ModelRegistry.CHAMPION)).isEqualTo(1);
        assertThat(alias(Promotions.PREVIOUS)).isEqualTo(2);
        assertThat(registry.aliasHistory("m", ModelRegistry.CHAMPION)).last().satisfies(c -> {
            assertThat(c.actor()).isEqualTo("cli:alice");
            assertThat(c.reason()).contains("rollback from v2").contains("misbehaves");
        });
        assertThat(promotions.rollback("m", "cli:alice", "undo").version()).isEqualTo(2);
        assertThat(alias(Promotions.PREVIOUS)).isEqualTo(1);
    }

    @Test
    void thereIsNothingToRollBackToWithoutAPreviousVersion() {
        Promotions promotions = new Promotions(registry);
        promotions.promote("m", register(), null, "first", "test");

        assertThatThrownBy(() -> promotions.rollback("m", "test", "why")).isInstanceOf(RetrainException.class)
                .hasMessageContaining("no previous").hasMessageContaining("v1");
        assertThat(alias(ModelRegistry.CHAMPION)).isEqualTo(1);
    }

    @Test
    void aPromotionDuringARollbackMakesItFailWithoutMovingAnything() {
        register();
        register();
        int third = register();
        ModelRegistry racing = onSetAlias(registry, (alias, args) -> {
            if (alias.equals(ModelRegistry.CHAMPION) && "test-rollback".equals(args[5])) {
                registry.setAlias("m", ModelRegistry.CHAMPION, third, 2, "concurrent promotion", "other");
            }
        });
        new Promotions(registry).promote("m", 1, null, "first", "test");
        new Promotions(registry).promote("m", 2, 1, "second", "test");

        assertThatThrownBy(() -> new Promotions(racing).rollback("m", "test-rollback", "why"))
                .isInstanceOf(AliasConflictException.class);
        assertThat(alias(ModelRegistry.CHAMPION)).isEqualTo(third);
        assertThat(alias(Promotions.PREVIOUS)).isEqualTo(1);
    }

    @Test
    void aRollbackThatDiedAfterItsFirstStepIsFinishedByTheNextOne() {
        register();
        register();
        new Promotions(registry).promote("m", 1, null, "first", "test");
        new Promotions(registry).promote("m", 2, 1, "second", "test");
        ModelRegistry dying = onSetAlias(registry, (alias, args) -> {
            if (alias.equals(Promotions.PREVIOUS)) {
                throw new IllegalStateException("process died");
            }
        });

        assertThatThrownBy(() -> new Promotions(dying).rollback("m", "test", "why"))
                .hasMessageContaining("process died");
        assertThat(alias(ModelRegistry.CHAMPION)).isEqualTo(1);
        assertThat(alias(Promotions.PREVIOUS)).as("half done").isEqualTo(1);

        assertThat(new Promotions(registry).rollback("m", "test", "retry").version()).isEqualTo(1);
        assertThat(alias(ModelRegistry.CHAMPION)).isEqualTo(1);
        assertThat(alias(Promotions.PREVIOUS)).isEqualTo(2);
    }

    @Test
    void aCandidateThatDoesNotClearTheGateIsRegisteredButNotPromotedAndTheReasonIsStored() {
        StudyStore studies = StudyStore.inMemory(clock);
        LoopFixture loop = LoopFixture.create(o -> {
            o.gate = new PromotionGate("f1", 1.0);
            o.studies = studies;
        });
        ModelVersion champion = loop.seedChampion();

        RetrainOutcome outcome = loop.pipeline.run(DurableStudyTest.job(loop, "job-1", 1));

        assertThat(outcome.promoted()).isFalse();
        assertThat(loop.registry.versions(MODEL)).hasSize(2);
        assertThat(loop.champion()).contains(champion);
        assertThat(loop.registry.alias(MODEL, Promotions.PREVIOUS)).isEmpty();
        GateDecision stored = studies.decision("job-1").orElseThrow();
        assertThat(stored.promote()).isFalse();
        assertThat(stored.rule()).isEqualTo("improvement");
        assertThat(stored.candidateVersion()).isEqualTo(2);
        assertThat(stored.championVersion()).isEqualTo(1);
        assertThat(stored.minImprovement()).isEqualTo(1.0);
        assertThat(stored.reason()).isEqualTo(outcome.decision().reason()).contains("does not beat");
        assertThat(stored.candidateMetrics().get("f1")).isEqualTo(outcome.candidateHoldout().f1());
        assertThat(stored.championMetrics().get("f1")).isEqualTo(outcome.championHoldout().f1());
        assertThat(stored.studyId()).isEqualTo(studies.studyOfJob("job-1").orElseThrow().id());
        assertThat(loop.events.single(MonitorEvent.PromotionRejected.class).reason()).isEqualTo(stored.reason());
    }

    @Test
    void aPromotionByTheGateIsStoredAndSetsPrevious() {
        StudyStore studies = StudyStore.inMemory(clock);
        LoopFixture loop = LoopFixture.create(o -> {
            o.gate = new PromotionGate("f1", 0.0, Map.of("precision", 1.0));
            o.studies = studies;
        });
        loop.seedChampion();

        RetrainOutcome outcome = loop.pipeline.run(DurableStudyTest.job(loop, "job-1", 1));

        assertThat(outcome.promoted()).isTrue();
        assertThat(loop.registry.alias(MODEL, Promotions.PREVIOUS)).get().extracting(ModelVersion::version)
                .isEqualTo(1);
        GateDecision stored = studies.decision("job-1").orElseThrow();
        assertThat(stored.promote()).isTrue();
        assertThat(stored.guards()).isEqualTo(Map.of("precision", 1.0));
        assertThat(stored.reason()).contains("guards");
    }

    @Test
    void aPromotionThatDiedBeforeSettingPreviousIsFinishedByTheRetriedJob() {
        StudyStore studies = StudyStore.inMemory(clock);
        boolean[] dead = {true};
        LoopFixture loop = LoopFixture.create(o -> {
            o.studies = studies;
            o.registry = r -> onSetAlias(r, (alias, args) -> {
                if (alias.equals(Promotions.PREVIOUS) && dead[0]) {
                    throw new IllegalStateException("process died");
                }
            });
        });
        loop.seedChampion();
        assertThatThrownBy(() -> loop.pipeline.run(DurableStudyTest.job(loop, "job-1", 1)))
                .hasMessageContaining("process died");
        assertThat(loop.champion()).get().extracting(ModelVersion::version).isEqualTo(2);
        dead[0] = false;

        RetrainOutcome retried = loop.pipeline.run(DurableStudyTest.job(loop, "job-1", 2));

        assertThat(retried.promoted()).isTrue();
        assertThat(loop.registry.alias(MODEL, Promotions.PREVIOUS)).get().extracting(ModelVersion::version)
                .isEqualTo(1);
        assertThat(loop.registry.aliasHistory(MODEL, ModelRegistry.CHAMPION)).hasSize(2);
    }

    /** A registry that runs {@code hook(alias, args)} before every setAlias. */
    static ModelRegistry onSetAlias(ModelRegistry registry, BiConsumer<String, Object[]> hook) {
        return (ModelRegistry) Proxy.newProxyInstance(ModelRegistry.class.getClassLoader(),
                new Class<?>[] {ModelRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setAlias") && args.length == 6) {
                        hook.accept((String) args[1], args);
                    }
                    try {
                        return method.invoke(registry, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
