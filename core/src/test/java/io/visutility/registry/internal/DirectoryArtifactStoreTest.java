package io.visutility.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.contract.ArtifactStoreContract;
import io.visutility.registry.ArtifactRef;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.RegistryException;
import io.visutility.registry.StoredArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the artifact store contract on the directory store, plus what only files can show. */
class DirectoryArtifactStoreTest extends ArtifactStoreContract {
    @TempDir
    Path folder;

    @Override
    protected ArtifactStore newStore(Clock clock) {
        return ArtifactStore.directory(folder.resolve("artifacts"), clock);
    }

    @Override
    protected void corrupt(ArtifactStore store, String sha256) throws IOException {
        Path file = folder.resolve("artifacts").resolve(sha256);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        FileTime modified = Files.getLastModifiedTime(file);
        Files.write(file, bytes);
        // Bit rot leaves the time alone.
        Files.setLastModifiedTime(file, modified);
    }

    @Test
    void eachArtifactIsOneFileNamedByItsChecksumHoldingExactlyItsBytes() throws IOException {
        byte[] first = randomBytes(20, 3000);
        byte[] second = randomBytes(21, 10);
        ArtifactRef a = store.put(first);
        ArtifactRef b = store.put(second);
        store.put(first);

        assertThat(files()).containsExactlyInAnyOrder(a.sha256(), b.sha256());
        assertThat(folder.resolve("artifacts").resolve(a.sha256())).hasBinaryContent(first);
        assertThat(folder.resolve("artifacts").resolve(b.sha256())).hasBinaryContent(second);
    }

    @Test
    void puttingTheSameBytesAgainRepairsACorruptedFile() throws IOException {
        byte[] bytes = randomBytes(30, 777);
        ArtifactRef ref = store.put(bytes);
        corrupt(store, ref.sha256());
        assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> store.get(ref.sha256()));

        store.put(bytes);

        assertThat(store.get(ref.sha256())).isEqualTo(bytes);
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws IOException {
        for (int i = 0; i < 20; i++) {
            store.put(randomBytes(100 + i, 512));
        }
        store.put(randomBytes(100, 512));

        assertThat(files()).hasSize(20).allMatch(name -> name.matches("[0-9a-f]{64}"));
    }

    @Test
    void artifactsSurviveANewStoreOnTheSameFolder() {
        byte[] bytes = randomBytes(30, 777);
        ArtifactRef ref = store.put(bytes);

        ArtifactStore reopened = ArtifactStore.directory(folder.resolve("artifacts"), clock);

        assertThat(reopened.contains(ref.sha256())).isTrue();
        assertThat(reopened.get(ref.sha256())).isEqualTo(bytes);
        assertThat(reopened.put(bytes)).isEqualTo(ref);
    }

    @Test
    void missingFoldersAreCreatedAndAFileInTheWayIsAnError() throws IOException {
        Path nested = folder.resolve("a/b/c");
        DirectoryArtifactStore created = new DirectoryArtifactStore(nested, clock);
        assertThat(nested).isDirectory();
        assertThat(created.directory()).isEqualTo(nested.toAbsolutePath().normalize());

        Path file = Files.writeString(folder.resolve("plain-file"), "not a folder");
        assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> ArtifactStore.directory(file))
                .withMessageContaining("plain-file");
    }

    @Test
    void aFilesLastModifiedTimeIsTheClocksTimeOfItsLastPut() throws IOException {
        byte[] bytes = randomBytes(40, 50);
        ArtifactRef ref = store.put(bytes);
        clock.advance(Duration.ofHours(7));
        store.put(bytes);

        assertThat(Files.getLastModifiedTime(artifacts().resolve(ref.sha256())).toInstant())
                .isEqualTo(clock.instant());
    }

    @Test
    void theListingAndDeletesLeaveTemporaryAndForeignFilesAlone() throws IOException {
        ArtifactRef ref = store.put(randomBytes(41, 50));
        Path incoming = stale(".incoming-123.tmp");
        Files.writeString(artifacts().resolve("README.txt"), "notes");
        Files.writeString(artifacts().resolve(ref.sha256().toUpperCase(Locale.ROOT)), "not ours");
        Files.createDirectory(artifacts().resolve("e".repeat(64)));
        clock.advance(Duration.ofDays(1));

        assertThat(store.list()).extracting(StoredArtifact::sha256).containsExactly(ref.sha256());
        assertThat(store.delete("e".repeat(64), clock.instant())).as("a folder is not an artifact").isFalse();
        assertThat(files()).hasSize(5).contains(incoming.getFileName().toString(), "README.txt");
    }

    @Test
    void leftoversOfInterruptedPutsAreDeletedOnlyWhenStartedBeforeTheGivenTime() throws IOException {
        ArtifactRef ref = store.put(randomBytes(42, 50));
        Path stale = stale(".incoming-1.tmp");
        clock.advance(Duration.ofHours(2));
        Path fresh = Files.writeString(artifacts().resolve(".incoming-2.tmp"), "being written");
        Files.setLastModifiedTime(fresh, FileTime.from(clock.instant()));
        Path foreign = stale(".other.tmp");

        assertThat(store.deleteLeftovers(clock.instant().minus(Duration.ofHours(1)))).isEqualTo(1);

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(foreign).exists();
        assertThat(store.get(ref.sha256())).isEqualTo(randomBytes(42, 50));
    }

    /** A file in the artifact folder last modified at the clock's current time. */
    private Path stale(String name) throws IOException {
        Path file = Files.writeString(artifacts().resolve(name), "half a model");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        return file;
    }

    private Path artifacts() {
        return folder.resolve("artifacts");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(folder.resolve("artifacts"))) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
