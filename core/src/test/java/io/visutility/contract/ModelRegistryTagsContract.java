package io.visutility.contract;

import static io.visutility.contract.ModelRegistryContract.newVersion;
import static io.visutility.contract.ModelRegistryContract.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tags: key/value metadata given at registration and changed later, read back with every version. */
public interface ModelRegistryTagsContract extends RegistryUnderTest {

    @Test
    default void tagsGivenAtRegistrationComeBackFromEveryRead() {
        Map<String, String> tags = Map.of("stage", "candidate", "data.window", "2026-02", "note", "");
        ModelVersion created = registry().register(newVersion("churn", sha("tagged"), "job-1").withTags(tags));
        register("churn");
        registry().setAlias("churn", ModelRegistry.CHAMPION, 1, null, "first");

        assertThat(created.tags()).isEqualTo(tags);
        assertThat(registry().get("churn", 1)).isEqualTo(created);
        assertThat(registry().alias("churn", ModelRegistry.CHAMPION)).contains(created);
        assertThat(registry().versions("churn")).extracting(ModelVersion::tags).containsExactly(tags, Map.of());
        assertThat(registry().versions("churn", null, 10).items()).extracting(ModelVersion::tags)
                .containsExactly(tags, Map.of());
        assertThat(registry().latest("churn").tags()).isEmpty();
    }

    @Test
    default void tagsAreSetOverwrittenAndRemovedWithoutTouchingTheVersionOrItsNeighbours() {
        ModelVersion v1 = register("churn");
        ModelVersion v2 = registry().register(newVersion("churn", sha("v2"), null).withTags(Map.of("owner", "risk")));
        register("fraud");

        ModelVersion set = registry().setTag("churn", 1, "stage", "shadow");
        assertThat(set).isEqualTo(v1.withTags(Map.of("stage", "shadow")));
        ModelVersion overwritten = registry().setTag("churn", 1, "stage", "production");
        registry().setTag("churn", 1, "reviewed-by", "alice");
        assertThat(overwritten.tags()).isEqualTo(Map.of("stage", "production"));
        assertThat(registry().get("churn", 1)).isEqualTo(v1.withTags(Map.of("stage", "production",
                "reviewed-by", "alice")));

        ModelVersion removed = registry().removeTag("churn", 1, "stage");
        assertThat(removed.tags()).isEqualTo(Map.of("reviewed-by", "alice"));
        assertThat(registry().removeTag("churn", 1, "never-set")).isEqualTo(removed);
        assertThat(registry().get("churn", 1)).isEqualTo(removed);
        assertThat(registry().get("churn", 2)).isEqualTo(v2);
        assertThat(registry().get("fraud", 1).tags()).isEmpty();
    }

    @Test
    default void aRetriedRegistrationReturnsTheFirstVersionWithItsTagsAsTheyAreNow() {
        registry().register(newVersion("churn", sha("one"), "job-1").withTags(Map.of("stage", "candidate")));
        registry().setTag("churn", 1, "stage", "rejected");

        ModelVersion again = registry().register(newVersion("churn", sha("one"), "job-1")
                .withTags(Map.of("stage", "retried")));

        assertThat(again.tags()).isEqualTo(Map.of("stage", "rejected"));
        assertThat(registry().get("churn", 1)).isEqualTo(again);
    }

    @Test
    default void taggingAnUnknownVersionOrModelIsNotFoundAndStoresNothing() {
        register("churn");

        assertThatExceptionOfType(ModelNotFoundException.class)
                .isThrownBy(() -> registry().setTag("churn", 2, "stage", "x"))
                .withMessageContaining("churn").withMessageContaining("2");
        assertThatExceptionOfType(ModelNotFoundException.class)
                .isThrownBy(() -> registry().setTag("fraud", 1, "stage", "x")).withMessageContaining("fraud");
        assertThatExceptionOfType(ModelNotFoundException.class)
                .isThrownBy(() -> registry().removeTag("churn", 2, "stage"));
        assertThatExceptionOfType(ModelNotFoundException.class)
                .isThrownBy(() -> registry().removeTag("fraud", 1, "stage"));

        assertThat(registry().models()).containsExactly("churn");
        assertThat(registry().versions("churn")).singleElement().satisfies(v -> assertThat(v.tags()).isEmpty());
        assertThat(registry().versionsTagged("churn", "stage", "x")).isEmpty();
    }

    /** Bad keys follow the rules of names: the same list as the contract's invalid names. */
    static Stream<String> invalidKeys() {
        return Stream.concat(ModelRegistryContract.invalidNames(), Stream.of((String) null));
    }

    @ParameterizedTest
    @MethodSource("io.visutility.contract.ModelRegistryTagsContract#invalidKeys")
    default void invalidTagKeysAreRejectedNamingTheFieldAndNothingIsStored(String key) {
        register("churn");
        Map<String, String> tags = new HashMap<>();
        tags.put(key, "v");

        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry().setTag("churn", 1, key, "v"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("tag")).withMessageStartingWith("tag ");
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry().removeTag("churn", 1, key))
                .satisfies(e -> assertThat(e.field()).isEqualTo("tag"));
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry().versionsTagged("churn", key, "v"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("tag"));
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> newVersion("churn", sha("x"), null).withTags(tags))
                .satisfies(e -> assertThat(e.field()).isEqualTo("tag"));
        assertThat(registry().get("churn", 1).tags()).isEmpty();
        assertThat(registry().versions("churn")).hasSize(1);
    }

    static Stream<String> invalidValues() {
        return Stream.of(null, "x".repeat(513), "line\nbreak", "nul\u0000", "bell\u0007");
    }

    @ParameterizedTest
    @MethodSource("io.visutility.contract.ModelRegistryTagsContract#invalidValues")
    default void invalidTagValuesAreRejectedNamingTheTagAndNothingIsStored(String value) {
        registry().register(newVersion("churn", sha("one"), null).withTags(Map.of("stage", "candidate")));
        Map<String, String> tags = new HashMap<>();
        tags.put("stage", value);

        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry().setTag("churn", 1, "stage", value))
                .satisfies(e -> assertThat(e.field()).isEqualTo("tags.stage"))
                .withMessageContaining("stage");
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> newVersion("churn", sha("two"), null).withTags(tags))
                .satisfies(e -> assertThat(e.field()).isEqualTo("tags.stage"));
        assertThat(registry().versions("churn")).singleElement()
                .satisfies(v -> assertThat(v.tags()).isEqualTo(Map.of("stage", "candidate")));
    }

    @Test
    default void aValueOfTheLongestLengthIsKept() {
        register("churn");
        String longest = "é".repeat(512);
        assertThat(registry().setTag("churn", 1, "note", longest).tags()).containsEntry("note", longest);
        assertThat(registry().get("churn", 1).tags()).containsEntry("note", longest);
    }

    @Test
    default void versionsTaggedFindsTheVersionsWhoseTagHasTheValueNowOldestFirst() {
        for (int i = 0; i < 6; i++) {
            register("churn");
        }
        registry().register(newVersion("fraud", sha("fraud"), null).withTags(Map.of("stage", "production")));
        registry().setTag("churn", 5, "stage", "production");
        registry().setTag("churn", 2, "stage", "production");
        registry().setTag("churn", 4, "stage", "shadow");
        registry().setTag("churn", 6, "stage", "production");
        registry().setTag("churn", 6, "stage", "retired");
        registry().setTag("churn", 3, "owner", "production");

        List<ModelVersion> tagged = registry().versionsTagged("churn", "stage", "production");

        assertThat(tagged).extracting(ModelVersion::version).containsExactly(2, 5);
        assertThat(tagged).containsExactly(registry().get("churn", 2), registry().get("churn", 5));
        assertThat(registry().versionsTagged("churn", "stage", "retired")).extracting(ModelVersion::version)
                .containsExactly(6);
        assertThat(registry().versionsTagged("churn", "stage", "nothing")).isEmpty();
        assertThat(registry().versionsTagged("unknown", "stage", "production")).isEmpty();
    }

    @Test
    default void concurrentWritersOfDifferentTagsOnOneVersionLoseNone() {
        register("churn");
        Concurrently.run(4, thread -> {
            for (int i = 0; i < 25; i++) {
                registry().setTag("churn", 1, "t" + thread + "-" + i, "v" + i);
                registry().setTag("churn", 1, "shared", "thread " + thread);
            }
            return null;
        });

        Map<String, String> tags = registry().get("churn", 1).tags();
        assertThat(tags).hasSize(101).containsEntry("t3-24", "v24").containsEntry("t0-0", "v0");
        assertThat(tags.get("shared")).isIn("thread 0", "thread 1", "thread 2", "thread 3");
    }

    @Test
    default void aRequestToRegisterCopiesItsTags() {
        Map<String, String> tags = new HashMap<>(Map.of("stage", "candidate"));
        NewModelVersion request = newVersion("churn", sha("one"), null).withTags(tags);
        tags.put("stage", "changed after");

        assertThat(registry().register(request).tags()).isEqualTo(Map.of("stage", "candidate"));
    }
}
