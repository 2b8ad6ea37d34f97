package io.visutility.registry.internal;

import io.visutility.registry.RegistryException;
import io.visutility.registry.StoredArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an artifact folder holds: files named by a sha256 are artifacts, {@code .incoming-*.tmp} files
 * are puts in progress or interrupted, and anything else is someone else's and left alone.
 */
final class DirectoryListing {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;

    DirectoryListing(Path directory) {
        this.directory = directory;
    }

    List<StoredArtifact> artifacts() {
        List<StoredArtifact> found = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (SHA256.matcher(name).matches()) {
                BasicFileAttributes attributes = attributes(file);
                if (attributes != null && attributes.isRegularFile()) {
                    found.add(new StoredArtifact(name, attributes.size(), attributes.lastModifiedTime().toInstant()));
                }
            }
        }
        return List.copyOf(found);
    }

    /** Deletes temporary files last written before {@code before}; a put still writing keeps touching its own. */
    int deleteTemporaryFiles(Instant before) {
        int deleted = 0;
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.startsWith(DirectoryArtifactStore.TEMP_PREFIX) && name.endsWith(DirectoryArtifactStore.TEMP_SUFFIX)) {
                BasicFileAttributes attributes = attributes(file);
                if (attributes != null && attributes.lastModifiedTime().toInstant().isBefore(before)) {
                    try {
                        deleted += Files.deleteIfExists(file) ? 1 : 0;
                    } catch (IOException e) {
                        throw failure("delete " + file.getFileName(), e);
                    }
                }
            }
        }
        return deleted;
    }

    private List<Path> files() {
        try (Stream<Path> list = Files.list(directory)) {
            return list.toList();
        } catch (IOException e) {
            throw failure("list", e);
        }
    }

    /** The file's attributes, or null when it vanished since the listing (a concurrent delete or move). */
    private BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw failure("inspect " + file.getFileName(), e);
        }
    }

    private RegistryException failure(String what, IOException e) {
        return new RegistryException("cannot " + what + " in artifact folder " + directory + ": " + e.getMessage(), e);
    }
}
