package io.visutility.registry.internal;

import io.visutility.registry.ArtifactCorruptedException;
import io.visutility.registry.ArtifactRef;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.Names;
import io.visutility.registry.RegistryException;
import io.visutility.registry.StoredArtifact;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Artifacts as files named by their SHA-256. A write goes to a temporary file in the same folder, is
 * forced to disk, then atomically renamed into place, so a crash never leaves a partial file under a
 * real name. Every read re-hashes the bytes. A file's last-modified time is the injected clock's time of
 * its last put, which is what {@link #delete} and {@link #list} go by.
 */
public final class DirectoryArtifactStore implements ArtifactStore {
    static final String TEMP_PREFIX = ".incoming-";
    static final String TEMP_SUFFIX = ".tmp";

    private final Path directory;
    private final Clock clock;
    // A put that finds its bytes stored, and a delete, each check and act under the artifact's lock.
    private final ReentrantLock[] locks = new ReentrantLock[64];

    /** Opens (and creates if needed) the store in {@code directory}, stamping puts with {@code clock}. */
    public DirectoryArtifactStore(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new RegistryException("cannot create artifact folder " + this.directory + ": " + e.getMessage(), e);
        }
    }

    /** The folder holding the artifacts. */
    public Path directory() {
        return directory;
    }

    @Override
    public ArtifactRef put(byte[] bytes) {
        String sha = Sha256.hex(bytes);
        Path target = directory.resolve(sha);
        ArtifactRef ref = new ArtifactRef(sha, bytes.length);
        try {
            if (locked(sha, () -> touchIfIntact(target, sha))) {
                return ref;
            }
            Path temp = Files.createTempFile(directory, TEMP_PREFIX, TEMP_SUFFIX);
            try {
                write(temp, bytes);
                locked(sha, () -> moveIntoPlace(temp, target));
            } finally {
                deleteQuietly(temp);
            }
            return ref;
        } catch (IOException e) {
            throw new RegistryException("cannot store artifact " + sha + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void write(Path temp, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        stamp(temp);
    }

    /** Whether {@code target} exists and still hashes to {@code sha}, stamped anew if so; a damaged file is rewritten. */
    private boolean touchIfIntact(Path target, String sha) throws IOException {
        try {
            if (!Sha256.hex(Files.readAllBytes(target)).equals(sha)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        stamp(target);
        return true;
    }

    /** Removes the temporary file a failed write or move left; after a move there is none. */
    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // A stray temporary file never carries a real name, and deleteLeftovers removes it later.
        }
    }

    private boolean moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            // Replacing is safe: whatever holds this name must have these very bytes.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system does not support atomic renames", e);
        }
    }

    private void stamp(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
    }

    @Override
    public byte[] get(String sha256) {
        Names.sha256(sha256);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(directory.resolve(sha256));
        } catch (NoSuchFileException e) {
            throw new ModelNotFoundException("no artifact with sha256 " + sha256 + " in " + directory);
        } catch (IOException e) {
            throw new RegistryException("cannot read artifact " + sha256 + ": " + e.getMessage(), e);
        }
        String actual = Sha256.hex(bytes);
        if (!actual.equals(sha256)) {
            throw new ArtifactCorruptedException("artifact " + sha256 + " is corrupted: its file hashes to " + actual);
        }
        return bytes;
    }

    @Override
    public boolean contains(String sha256) {
        return Files.exists(directory.resolve(Names.sha256(sha256)));
    }

    @Override
    public List<StoredArtifact> list() {
        return new DirectoryListing(directory).artifacts();
    }

    @Override
    public boolean delete(String sha256, Instant storedBefore) {
        Names.sha256(sha256);
        Objects.requireNonNull(storedBefore, "storedBefore");
        Path file = directory.resolve(sha256);
        try {
            return locked(sha256, () -> {
                try {
                    if (!Files.getLastModifiedTime(file).toInstant().isBefore(storedBefore)) {
                        return false;
                    }
                    return Files.deleteIfExists(file);
                } catch (NoSuchFileException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new RegistryException("cannot delete artifact " + sha256 + " from " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public int deleteLeftovers(Instant startedBefore) {
        Objects.requireNonNull(startedBefore, "startedBefore");
        return new DirectoryListing(directory).deleteTemporaryFiles(startedBefore);
    }

    /** Work on the file system that may throw {@link IOException}. */
    private interface FileWork {
        boolean run() throws IOException;
    }

    private boolean locked(String sha, FileWork work) throws IOException {
        ReentrantLock lock = locks[Math.floorMod(sha.hashCode(), locks.length)];
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
