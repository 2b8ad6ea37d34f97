package io.visutility.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.contract.ArtifactStoreContract;
import io.visutility.registry.ArtifactRef;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the artifact store contract on the directory store, plus what only files can show. */
class DirectoryArtifactStoreTest extends ArtifactStoreContract {
    @TempDir
    Path folder;

    @Override
    protected ArtifactStore newStore() {
        return ArtifactStore.directory(folder.resolve("artifacts"));
    }

    @Override
    protected void corrupt(ArtifactStore store, String sha256) throws IOException {
        Path file = folder.resolve("artifacts").resolve(sha256);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
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

        ArtifactStore reopened = ArtifactStore.directory(folder.resolve("artifacts"));

        assertThat(reopened.contains(ref.sha256())).isTrue();
        assertThat(reopened.get(ref.sha256())).isEqualTo(bytes);
        assertThat(reopened.put(bytes)).isEqualTo(ref);
    }

    @Test
    void missingFoldersAreCreatedAndAFileInTheWayIsAnError() throws IOException {
        Path nested = folder.resolve("a/b/c");
        DirectoryArtifactStore created = new DirectoryArtifactStore(nested);
        assertThat(nested).isDirectory();
        assertThat(created.directory()).isEqualTo(nested.toAbsolutePath().normalize());

        Path file = Files.writeString(folder.resolve("plain-file"), "not a folder");
        assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> ArtifactStore.directory(file))
                .withMessageContaining("plain-file");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(folder.resolve("artifacts"))) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
