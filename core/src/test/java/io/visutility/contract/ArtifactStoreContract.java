package io.visutility.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.registry.ArtifactCorruptedException;
import io.visutility.registry.ArtifactRef;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.StoredArtifact;
import io.visutility.testing.MutableClock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ArtifactStore} adapter must show: content addressed by the real SHA-256,
 * idempotent puts, verified reads, a listing and deletion by age for garbage collection; each adapter's
 * test subclasses this.
 */
public abstract class ArtifactStoreContract {
    private static final String UNKNOWN = "0".repeat(64);
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    /** Starts on a whole second: file systems keep last-modified times to the second at worst. */
    protected final MutableClock clock = new MutableClock(START);
    protected ArtifactStore store;

    /** A new, empty store that stamps its puts with {@code clock}. */
    protected abstract ArtifactStore newStore(Clock clock);

    /**
     * Changes the stored bytes of {@code sha256} behind the store's back, as a disk error or a careless
     * operator would.
     */
    protected abstract void corrupt(ArtifactStore store, String sha256) throws Exception;

    @BeforeEach
    void createStore() {
        store = newStore(clock);
    }

    @Test
    void putReturnsTheRealSha256AndSize() {
        byte[] bytes = randomBytes(1, 10_000);

        ArtifactRef ref = store.put(bytes);

        assertThat(ref.sha256()).isEqualTo(sha256(bytes));
        assertThat(ref.size()).isEqualTo(10_000);
        assertThat(store.contains(ref.sha256())).isTrue();
        assertThat(store.get(ref.sha256())).isEqualTo(bytes);
    }

    @Test
    void anEmptyArtifactIsStoredUnderTheHashOfNothing() {
        ArtifactRef ref = store.put(new byte[0]);

        assertThat(ref).isEqualTo(new ArtifactRef(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0));
        assertThat(store.get(ref.sha256())).isEmpty();
    }

    @Test
    void puttingTheSameBytesAgainGivesTheSameReference() {
        byte[] bytes = randomBytes(2, 4096);

        ArtifactRef first = store.put(bytes);
        ArtifactRef second = store.put(bytes.clone());

        assertThat(second).isEqualTo(first);
        assertThat(store.get(first.sha256())).isEqualTo(bytes);
    }

    @Test
    void differentContentsAreStoredSideBySide() {
        List<byte[]> contents = List.of(randomBytes(3, 100), randomBytes(4, 100), randomBytes(5, 1));

        List<ArtifactRef> refs = contents.stream().map(store::put).toList();

        assertThat(refs).extracting(ArtifactRef::sha256).doesNotHaveDuplicates();
        for (int i = 0; i < contents.size(); i++) {
            assertThat(store.get(refs.get(i).sha256())).isEqualTo(contents.get(i));
        }
    }

    @Test
    void theStoreKeepsTheBytesAsTheyWereWhenPut() {
        byte[] bytes = randomBytes(6, 256);
        byte[] original = bytes.clone();
        ArtifactRef ref = store.put(bytes);

        bytes[0] ^= 0x55;
        byte[] read = store.get(ref.sha256());
        read[1] ^= 0x55;

        assertThat(store.get(ref.sha256())).isEqualTo(original);
    }

    @Test
    void anUnknownChecksumIsNotFound() {
        store.put(randomBytes(7, 10));

        assertThat(store.contains(UNKNOWN)).isFalse();
        assertThatExceptionOfType(ModelNotFoundException.class).isThrownBy(() -> store.get(UNKNOWN))
                .withMessageContaining(UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc/passwd", "abc",
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85"})
    void malformedChecksumsAreRejectedNamingTheField(String sha256) {
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> store.get(sha256))
                .satisfies(e -> assertThat(e.field()).isEqualTo("sha256"));
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> store.contains(sha256))
                .satisfies(e -> assertThat(e.field()).isEqualTo("sha256"));
    }

    @Test
    void aCorruptedArtifactIsDetectedOnReadNamingItsChecksum() throws Exception {
        ArtifactRef damaged = store.put(randomBytes(8, 2048));
        ArtifactRef intact = store.put(randomBytes(9, 2048));

        corrupt(store, damaged.sha256());

        assertThatExceptionOfType(ArtifactCorruptedException.class).isThrownBy(() -> store.get(damaged.sha256()))
                .withMessageContaining(damaged.sha256());
        assertThat(store.get(intact.sha256())).isEqualTo(randomBytes(9, 2048));
    }

    @Test
    void concurrentPutsOfTheSameBytesAllSucceed() {
        byte[] bytes = randomBytes(10, 64 * 1024);

        List<ArtifactRef> refs = Concurrently.run(4, thread -> store.put(bytes));

        assertThat(refs).containsOnly(new ArtifactRef(sha256(bytes), bytes.length));
        assertThat(store.get(sha256(bytes))).isEqualTo(bytes);
    }

    @Test
    void theListingHasEveryArtifactOnceWithItsSizeAndTheTimeOfItsPut() {
        ArtifactRef first = store.put(randomBytes(11, 300));
        clock.advance(Duration.ofMinutes(5));
        ArtifactRef second = store.put(randomBytes(12, 0));

        assertThat(store.list()).containsExactlyInAnyOrder(
                new StoredArtifact(first.sha256(), 300, START),
                new StoredArtifact(second.sha256(), 0, START.plus(Duration.ofMinutes(5))));
    }

    @Test
    void puttingStoredBytesAgainStampsThemAsStoredNow() {
        byte[] bytes = randomBytes(13, 64);
        store.put(bytes);
        clock.advance(Duration.ofDays(3));

        store.put(bytes);

        assertThat(store.list()).containsExactly(new StoredArtifact(sha256(bytes), 64, START.plus(Duration.ofDays(3))));
        assertThat(store.delete(sha256(bytes), START.plus(Duration.ofDays(3)))).isFalse();
        assertThat(store.contains(sha256(bytes))).isTrue();
    }

    @Test
    void deleteRemovesOnlyAnArtifactPutBeforeTheGivenTime() {
        ArtifactRef old = store.put(randomBytes(14, 100));
        clock.advance(Duration.ofHours(2));
        ArtifactRef young = store.put(randomBytes(15, 100));
        Instant cutoff = START.plus(Duration.ofHours(1));

        assertThat(store.delete(old.sha256(), cutoff)).isTrue();
        assertThat(store.delete(young.sha256(), cutoff)).isFalse();
        assertThat(store.delete(old.sha256(), cutoff)).as("already gone").isFalse();
        assertThat(store.delete(UNKNOWN, cutoff)).isFalse();

        assertThat(store.contains(old.sha256())).isFalse();
        assertThatExceptionOfType(ModelNotFoundException.class).isThrownBy(() -> store.get(old.sha256()));
        assertThat(store.list()).extracting(StoredArtifact::sha256).containsExactly(young.sha256());
        assertThat(store.get(young.sha256())).isEqualTo(randomBytes(15, 100));
        assertThat(store.put(randomBytes(14, 100))).as("stored again after its deletion").isEqualTo(old);
        assertThat(store.get(old.sha256())).isEqualTo(randomBytes(14, 100));
    }

    @Test
    void aCorruptedArtifactIsListedAndCanBeDeleted() throws Exception {
        ArtifactRef ref = store.put(randomBytes(16, 512));
        corrupt(store, ref.sha256());
        clock.advance(Duration.ofHours(1));

        assertThat(store.list()).extracting(StoredArtifact::sha256).containsExactly(ref.sha256());
        assertThat(store.delete(ref.sha256(), clock.instant())).isTrue();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aFreshStoreHasNoLeftovers() {
        store.put(randomBytes(17, 10));
        clock.advance(Duration.ofDays(30));

        assertThat(store.deleteLeftovers(clock.instant())).isZero();
        assertThat(store.list()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc/passwd", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"})
    void deletingAMalformedChecksumIsRejectedNamingTheField(String sha256) {
        store.put(randomBytes(18, 10));

        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> store.delete(sha256, clock.instant().plusSeconds(1)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("sha256"));
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void putsRacingDeletesNeverFailAndNeverLeaveDamagedBytes() {
        byte[] bytes = randomBytes(19, 32 * 1024);
        String sha = sha256(bytes);

        // Deleting "everything put before tomorrow" races puts of the same bytes on four threads.
        List<Integer> failures = Concurrently.run(4, thread -> {
            int failed = 0;
            for (int i = 0; i < 300; i++) {
                if (thread % 2 == 0) {
                    failed += store.put(bytes).sha256().equals(sha) ? 0 : 1;
                } else {
                    store.delete(sha, START.plus(Duration.ofDays(1)));
                }
            }
            return failed;
        });

        assertThat(failures).containsOnly(0);
        if (store.contains(sha)) {
            assertThat(store.get(sha)).isEqualTo(bytes);
        }
        store.put(bytes);
        assertThat(store.get(sha)).isEqualTo(bytes);
        assertThat(store.list()).extracting(StoredArtifact::sha256).containsExactly(sha);
    }

    /** {@code size} bytes drawn from a generator seeded with {@code seed}. */
    protected static byte[] randomBytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The lower-case hex SHA-256 of {@code bytes}, computed independently of the store. */
    protected static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
