package io.visutility.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the identifier rules that keep every name safe in a path, a URL and a metric label. */
class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "churn", "Fraud-Model_v2.1", "1model", "_x", "-x", "a..b", "x."})
    void validNamesAreReturnedUnchanged(String name) {
        assertThat(Names.model(name)).isSameAs(name);
        assertThat(Names.alias(name)).isSameAs(name);
    }

    @Test
    void aNameMayHave128CharactersButNotMore() {
        assertThat(Names.model("a".repeat(128))).hasSize(128);
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Names.model("a".repeat(129)))
                .withMessage("model must be at most 128 characters, was 129 characters")
                .satisfies(e -> assertThat(e.field()).isEqualTo("model"));
    }

    @Test
    void emptyAndMissingNamesAreRefused() {
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Names.model(""))
                .withMessage("model must not be empty");
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Names.alias(null))
                .withMessage("alias must not be empty")
                .satisfies(e -> assertThat(e.field()).isEqualTo("alias"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "a\\b", ".hidden", ".", "..", "with space", "a:b", "é", "a?b=c", "x%2F"})
    void namesWithCharactersUnsafeInPathsOrUrlsAreRefused(String name) {
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Names.model(name))
                .withMessage("model may hold only letters, digits, '.', '_' and '-' and must not start with '.', was \""
                        + name + "\"");
    }

    @Test
    void controlCharactersAreShownEscapedAndLongValuesShortened() {
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Names.model("a\u0000b\nc"))
                .withMessageEndingWith("was \"a\\u0000b\\u000ac\"");
        String longBad = "/".repeat(100);
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Names.model(longBad))
                .satisfies(e -> assertThat(e.getMessage()).endsWith("was \"" + "/".repeat(80) + "...\""));
    }

    @Test
    void checksumsAreSixtyFourLowerCaseHexDigits() {
        String sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertThat(Names.sha256(sha)).isSameAs(sha);
        for (String bad : new String[] {sha.toUpperCase(), sha.substring(1), sha + "0", "z" + sha.substring(1), ""}) {
            assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Names.sha256(bad))
                    .withMessageStartingWith("sha256 must be 64 lower-case hex digits, was ")
                    .satisfies(e -> assertThat(e.field()).isEqualTo("sha256"));
        }
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Names.sha256(null))
                .withMessageEndingWith("was null");
    }

    @Test
    void versionsStartAtOne() {
        assertThat(Names.version(1)).isEqualTo(1);
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Names.version(0))
                .withMessage("version must be >= 1, was 0")
                .satisfies(e -> assertThat(e.field()).isEqualTo("version"));
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Names.version(-1))
                .withMessage("version must be >= 1, was -1");
    }
}
