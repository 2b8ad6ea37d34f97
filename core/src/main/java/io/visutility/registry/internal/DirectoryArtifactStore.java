package io.visutility.registry.internal;

import io.visutility.registry.ArtifactCorruptedException;
import io.visutility.registry.ArtifactRef;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.Names;
import io.visutility.registry.RegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Artifacts as files named by their SHA-256. A write goes to a temporary file in the same folder, is
 * forced to disk, then atomically renamed into place, so a crash never leaves a partial file under a
 * real name. Every read re-hashes the bytes.
 */
public final class DirectoryArtifactStore implements ArtifactStore {
    private final Path directory;

    /** Opens (and creates if needed) the store in {@code directory}. */
    public DirectoryArtifactStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
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
        if (intact(target, sha)) {
            return new ArtifactRef(sha, bytes.length);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, ".incoming-", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, target);
            temp = null;
            return new ArtifactRef(sha, bytes.length);
        } catch (IOException e) {
            throw new RegistryException("cannot store artifact " + sha + " in " + directory + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A stray temporary file is harmless: it never carries a real name.
                }
            }
        }
    }

    /** Whether {@code target} exists and still hashes to {@code sha}; a damaged file is rewritten by put. */
    private static boolean intact(Path target, String sha) {
        try {
            return Files.exists(target) && Sha256.hex(Files.readAllBytes(target)).equals(sha);
        } catch (IOException e) {
            return false;
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            // Replacing is safe: whatever holds this name must have these very bytes.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system does not support atomic renames", e);
        }
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
}
