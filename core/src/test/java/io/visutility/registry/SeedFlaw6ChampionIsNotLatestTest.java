package io.visutility.registry;

import static io.visutility.registry.ModelRegistry.CHAMPION;
import static io.visutility.testing.LoopFixture.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.event.MonitorEvent;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.MutableClock;
import io.visutility.training.SeaGenerator;
import io.visutility.tuning.HyperParams;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins seed flaw 6: "latest" meant "last registered" and was what served, with no promotion and no
 * rollback; now the serving version is the {@code champion} alias, moved only by compare-and-set, with history.
 */
class SeedFlaw6ChampionIsNotLatestTest {
    private final MutableClock clock = MutableClock.atEpochOfTests();
    private final ModelRegistry registry = ModelRegistry.inMemory(clock);

    @Test
    void afterARejectedCandidateLatestIsNotTheChampion() {
        LoopFixture loop = LoopFixture.create(o -> {
            o.tuner = (base, history) -> base.with("candidates", 2);
            o.recentData = SeaGenerator.seeded(5).next(1, 2000);
        });
        loop.seedChampion();

        loop.degrade();

        assertThat(loop.events.of(MonitorEvent.PromotionRejected.class)).hasSize(1);
        assertThat(loop.registry.latest(MODEL).version()).isEqualTo(2);
        assertThat(loop.registry.alias(MODEL, CHAMPION)).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
    }

    @Test
    void aCompareAndSetWithAWrongExpectationThrowsAndChangesNothing() {
        registerVersions(3);
        registry.setAlias("m", CHAMPION, 1, null, "first");

        assertThatThrownBy(() -> registry.setAlias("m", CHAMPION, 3, 2, "thinks 2 serves"))
                .isInstanceOfSatisfying(AliasConflictException.class, e -> assertThat(e.actual()).isEqualTo(1))
                .hasMessageContaining("version 1").hasMessageContaining("version 2");
        assertThatThrownBy(() -> registry.setAlias("m", CHAMPION, 3, null, "thinks nothing serves"))
                .isInstanceOf(AliasConflictException.class);

        assertThat(registry.alias("m", CHAMPION).orElseThrow().version()).isEqualTo(1);
        assertThat(registry.aliasHistory("m", CHAMPION)).hasSize(1);
        assertThat(registry.latest("m").version()).isEqualTo(3);
    }

    @Test
    void aChampionIsRolledBackByCompareAndSetAndEveryChangeIsRecorded() {
        registerVersions(2);
        Instant t0 = clock.instant();
        registry.setAlias("m", CHAMPION, 1, null, "first model");
        clock.advance(Duration.ofHours(1));
        registry.setAlias("m", CHAMPION, 2, 1, "beat v1 on f1");
        clock.advance(Duration.ofHours(1));

        AliasChange rollback = registry.setAlias("m", CHAMPION, 1, 2, "rollback: v2 misbehaves in production");

        assertThat(rollback).isEqualTo(new AliasChange("m", CHAMPION, 2, 1, t0.plus(Duration.ofHours(2)),
                "rollback: v2 misbehaves in production"));
        assertThat(registry.alias("m", CHAMPION).orElseThrow().version()).isEqualTo(1);
        assertThat(registry.aliasHistory("m", CHAMPION)).containsExactly(
                new AliasChange("m", CHAMPION, null, 1, t0, "first model"),
                new AliasChange("m", CHAMPION, 1, 2, t0.plus(Duration.ofHours(1)), "beat v1 on f1"),
                rollback);
        assertThat(registry.latest("m").version()).isEqualTo(2);
    }

    @Test
    void anAliasCannotPointAtAVersionThatDoesNotExist() {
        registerVersions(1);

        assertThatThrownBy(() -> registry.setAlias("m", CHAMPION, 2, null, "typo"))
                .isInstanceOf(ModelNotFoundException.class);

        assertThat(registry.alias("m", CHAMPION)).isEmpty();
        assertThat(registry.aliasHistory("m", CHAMPION)).isEmpty();
    }

    private void registerVersions(int count) {
        for (int i = 1; i <= count; i++) {
            registry.register(new NewModelVersion("m", "%064x".formatted(i), HyperParams.empty(), Map.of("f1", 0.8),
                    Lineage.manual("test", Map.of()), null));
        }
    }
}
