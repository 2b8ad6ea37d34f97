package io.visutility.contract;

import static io.visutility.contract.ModelRegistryContract.newVersion;
import static io.visutility.contract.ModelRegistryContract.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import io.visutility.registry.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keyset pagination of a model's versions: every version once, in order, with opaque tokens. */
public interface ModelRegistryPagesContract extends RegistryUnderTest {

    @Test
    default void pagesOfEveryLimitVisitEachVersionExactlyOnceInOrder() {
        List<NewModelVersion> requests = IntStream.rangeClosed(1, 2500)
                .mapToObj(i -> newVersion("long", sha("long-" + i), null)
                        .withTags(i % 100 == 0 ? Map.of("hundred", Integer.toString(i)) : Map.of()))
                .toList();
        register("before");
        requests.forEach(registry()::register);
        register("zz-after");

        for (int limit : new int[] {1, 7, 1000}) {
            List<Page<ModelVersion>> pages = readAll("long", limit);

            int expectedPages = (2500 + limit - 1) / limit;
            assertThat(pages).as("pages of %d", limit).hasSize(expectedPages);
            for (int p = 0; p < pages.size() - 1; p++) {
                assertThat(pages.get(p).items()).as("page %d of %d", p, limit).hasSize(limit);
                assertThat(pages.get(p).nextPageToken()).isNotNull();
            }
            assertThat(pages.get(pages.size() - 1).nextPageToken()).isNull();
            List<ModelVersion> seen = pages.stream().flatMap(page -> page.items().stream()).toList();
            assertThat(seen).extracting(ModelVersion::version)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 2500).boxed().toList());
            assertThat(seen).allSatisfy(v -> assertThat(v.name()).isEqualTo("long"));
            assertThat(seen.get(299).tags()).isEqualTo(Map.of("hundred", "300"));
            assertThat(seen.get(300).tags()).isEmpty();
        }
        assertThat(readAll("long", 1000).stream().flatMap(page -> page.items().stream()).toList())
                .isEqualTo(registry().versions("long"));
    }

    @Test
    default void aFullLastPageCarriesNoTokenAndAnUnknownModelHasOneEmptyPage() {
        for (int i = 0; i < 10; i++) {
            register("churn");
        }
        Page<ModelVersion> first = registry().versions("churn", null, 5);
        Page<ModelVersion> second = registry().versions("churn", first.nextPageToken(), 5);

        assertThat(first.items()).extracting(ModelVersion::version).containsExactly(1, 2, 3, 4, 5);
        assertThat(second.items()).extracting(ModelVersion::version).containsExactly(6, 7, 8, 9, 10);
        assertThat(second.nextPageToken()).isNull();
        assertThat(second.hasNext()).isFalse();
        assertThat(registry().versions("churn", null, 10).nextPageToken()).isNull();

        Page<ModelVersion> unknown = registry().versions("fraud", null, 10);
        assertThat(unknown.items()).isEmpty();
        assertThat(unknown.nextPageToken()).isNull();
    }

    @Test
    default void aTokenStaysValidWhileVersionsAreAdded() {
        for (int i = 0; i < 3; i++) {
            register("churn");
        }
        Page<ModelVersion> first = registry().versions("churn", null, 2);
        register("churn");
        register("churn");

        Page<ModelVersion> rest = registry().versions("churn", first.nextPageToken(), 10);

        assertThat(rest.items()).extracting(ModelVersion::version).containsExactly(3, 4, 5);
        assertThat(rest.nextPageToken()).isNull();
    }

    @Test
    default void aTokenOfOneModelIsRefusedForAnother() {
        register("churn");
        register("churn");
        register("fraud");
        register("fraud");
        String churnToken = registry().versions("churn", null, 1).nextPageToken();

        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry().versions("fraud", churnToken, 1))
                .satisfies(e -> assertThat(e.field()).isEqualTo("pageToken"))
                .withMessageContaining(churnToken).withMessageContaining("churn").withMessageContaining("fraud");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "!!!not base64!!!", "djE6", "v1:1:churn", "djE6eDpjaHVybg",
            "djE6MDpjaHVybg", "djE6LTM6Y2h1cm4", "djI6MTpjaHVybg", "djE6OTk5OTk5OTk5OTk6Y2h1cm4"})
    default void aMalformedTokenIsRefusedNamingIt(String token) {
        register("churn");
        register("churn");

        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry().versions("churn", token, 1))
                .satisfies(e -> assertThat(e.field()).isEqualTo("pageToken"))
                .withMessageStartingWith("pageToken \"" + token + "\"");
    }

    @Test
    default void theMalformedTokensAboveSayWhatTheyClaim() {
        // Pins the encoded cases of aMalformedTokenIsRefusedNamingIt: a wrong version number, a wrong prefix.
        assertThat(decode("djE6eDpjaHVybg")).isEqualTo("v1:x:churn");
        assertThat(decode("djE6MDpjaHVybg")).isEqualTo("v1:0:churn");
        assertThat(decode("djE6LTM6Y2h1cm4")).isEqualTo("v1:-3:churn");
        assertThat(decode("djI6MTpjaHVybg")).isEqualTo("v2:1:churn");
        assertThat(decode("djE6OTk5OTk5OTk5OTk6Y2h1cm4")).isEqualTo("v1:99999999999:churn");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    default void aLimitOutsideOneToAThousandIsRefused(int limit) {
        register("churn");
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> registry().versions("churn", null, limit))
                .satisfies(e -> assertThat(e.field()).isEqualTo("limit"))
                .withMessageContaining(String.valueOf(limit));
    }

    private List<Page<ModelVersion>> readAll(String model, int limit) {
        List<Page<ModelVersion>> pages = new ArrayList<>();
        String token = null;
        do {
            Page<ModelVersion> page = registry().versions(model, token, limit);
            pages.add(page);
            token = page.nextPageToken();
        } while (token != null && pages.size() <= 2500);
        return pages;
    }

    private static String decode(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    }
}
