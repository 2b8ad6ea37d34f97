package io.visutility.training.internal;

import io.visutility.training.Dataset;
import io.visutility.training.TrainingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** A fresh folder for one run of the program, and the files the orchestrator writes into it. */
public final class WorkFolder {
    /** The column that holds the 0/1 label in training and validation files. */
    public static final String LABEL = "label";

    private WorkFolder() {
    }

    /** Creates a new, uniquely named folder under {@code root} (created too if needed). */
    public static Path create(Path root, String prefix) {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new TrainingException("cannot create a working folder under " + root + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code data} as CSV: a header of the feature names (plus {@code label} when asked), one row per line. */
    public static void writeCsv(Path file, Dataset data, boolean withLabel) {
        List<String> header = new ArrayList<>();
        for (String name : data.featureNames()) {
            if (name.equals(LABEL)) {
                throw new TrainingException("feature name '" + LABEL + "' clashes with the label column of the"
                        + " trainer contract; rename the feature");
            }
            header.add(quote(name));
        }
        if (withLabel) {
            header.add(LABEL);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", header));
            out.write('\n');
            for (int r = 0; r < data.rows(); r++) {
                for (int c = 0; c < data.columns(); c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.write(Float.toString(data.feature(r, c)));
                }
                if (withLabel) {
                    out.write(',');
                    out.write(data.label(r) == 1 ? '1' : '0');
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new TrainingException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to {@code file} as UTF-8. */
    public static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrainingException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code bytes} to {@code file}. */
    public static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new TrainingException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code folder} and everything in it, never following links out of it; best effort. */
    public static void delete(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Left-overs in a temporary folder are harmless; the run's outcome matters more.
        }
    }

    private static String quote(String name) {
        if (name.indexOf(',') < 0 && name.indexOf('"') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
