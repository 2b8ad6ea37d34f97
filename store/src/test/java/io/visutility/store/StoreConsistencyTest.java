package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash test's checker finds each way a store can be broken, and passes a sound one. */
class StoreConsistencyTest {
    private final CrashWorkload workload = new CrashWorkload(7);
    private final Map<Integer, String> reported = new TreeMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void registerThreeVersions() {
        try (Store store = Store.sqlite(dir)) {
            for (int index = 1; index <= 3; index++) {
                register(store, index, workload.artifact(index));
                reported.put(index, workload.sha256(index));
            }
        }
    }

    @Test
    void aSoundStorePassesWithTheInFlightVersionCommittedOrOnlyItsArtifactStored() {
        assertThat(check()).isEqualTo(new StoreConsistency.Snapshot(3, false, false, 0));

        reported.remove(3);
        assertThat(check()).isEqualTo(new StoreConsistency.Snapshot(3, true, false, 0));

        reported.put(3, workload.sha256(3));
        try (Store store = Store.sqlite(dir)) {
            store.artifacts().put(workload.artifact(4));
        }
        assertThat(check()).isEqualTo(new StoreConsistency.Snapshot(3, false, true, 0));
    }

    @Test
    void aVersionWhoseArtifactIsMissingFails() throws IOException {
        Files.delete(artifact(2));

        assertThatThrownBy(this::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("version 2: no artifact with sha256 " + workload.sha256(2));
    }

    @Test
    void aVersionWhoseArtifactIsCorruptedFails() throws IOException {
        byte[] bytes = Files.readAllBytes(artifact(2));
        bytes[bytes.length / 2] ^= 1;
        Files.write(artifact(2), bytes);

        assertThatThrownBy(this::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("version 2: artifact " + workload.sha256(2) + " is corrupted");
    }

    @Test
    void aReportedVersionThatIsGoneFails() {
        reported.put(4, workload.sha256(4));

        assertThatThrownBy(this::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("reported version 4 (" + workload.sha256(4) + ") was lost");
    }

    @Test
    void moreThanTheOneInFlightVersionUnreportedFails() {
        reported.remove(2);
        reported.remove(3);

        assertThatThrownBy(this::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("version 3 was never reported and is not the one in flight (after 1)");
    }

    @Test
    void aGapInTheVersionsFails() throws SQLException {
        sql("DELETE FROM versions WHERE version = 2");

        assertThatThrownBy(this::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("version 3 is at position 2: a gap or a duplicate");
    }

    @Test
    void aRowWithUnreadableJsonFails() throws SQLException {
        sql("UPDATE versions SET params = '{\"index\":' WHERE version = 2");

        assertThatThrownBy(this::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the versions cannot be read back");
    }

    @Test
    void aVersionNamingAnotherIndexsArtifactFails() {
        try (Store store = Store.sqlite(dir)) {
            register(store, 4, workload.artifact(5));
        }
        reported.put(4, workload.sha256(5));

        assertThatThrownBy(this::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("version 4 names artifact " + workload.sha256(5) + ", not " + workload.sha256(4));
    }

    @Test
    void anArtifactOfNoVersionOtherThanTheOneInFlightFails() {
        try (Store store = Store.sqlite(dir)) {
            store.artifacts().put(workload.artifact(9));
        }

        assertThatThrownBy(this::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("artifact file " + workload.sha256(9) + " belongs to no version");
    }

    @Test
    void aHalfWrittenTemporaryFileIsCountedNotBlamed() throws IOException {
        Files.write(dir.resolve("artifacts/.incoming-1.tmp"), new byte[] {1, 2, 3});

        assertThat(check().strayTempFiles()).isEqualTo(1);
    }

    private StoreConsistency.Snapshot check() {
        try (Store store = Store.sqlite(dir)) {
            return StoreConsistency.check(store, dir.resolve("artifacts"), workload, reported);
        }
    }

    private void register(Store store, int index, byte[] artifact) {
        store.registry().register(workload.request(index, store.artifacts().put(artifact).sha256()));
    }

    private Path artifact(int index) {
        return dir.resolve("artifacts").resolve(workload.sha256(index));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("visutility.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }
}
