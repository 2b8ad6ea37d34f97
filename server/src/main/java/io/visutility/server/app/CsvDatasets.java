package io.visutility.server.app;

import io.visutility.registry.InvalidArgumentException;
import io.visutility.training.Dataset;
import io.visutility.training.DatasetSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Training data from a CSV file read at each retrain: a header row naming the model's features and a
 * {@code label} column (0 or 1), then one row per example. Columns may come in any order; other columns
 * are ignored. A bad cell fails the retrain with its line and column.
 */
final class CsvDatasets implements DatasetSource {
    private final Path file;
    private final List<String> features;

    CsvDatasets(Path file, List<String> features) {
        this.file = file;
        this.features = List.copyOf(features);
    }

    @Override
    public Dataset recent(String model) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new InvalidArgumentException("dataset", file + " is empty");
            }
            List<String> names = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
            int[] columns = new int[features.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = column(names, features.get(i));
            }
            int labelColumn = column(names, "label");
            List<float[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                float[] row = new float[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    row[i] = (float) number(cells, columns[i], lineNumber, features.get(i));
                }
                double label = number(cells, labelColumn, lineNumber, "label");
                if (label != 0 && label != 1) {
                    throw new InvalidArgumentException("dataset", file + " line " + lineNumber
                            + ": label must be 0 or 1, was " + cells[labelColumn].trim());
                }
                rows.add(row);
                labels.add((int) label);
            }
            float[] flat = new float[rows.size() * columns.length];
            for (int r = 0; r < rows.size(); r++) {
                System.arraycopy(rows.get(r), 0, flat, r * columns.length, columns.length);
            }
            return Dataset.of(features, flat, labels.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException e) {
            throw new InvalidArgumentException("dataset", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private int column(List<String> names, String name) {
        int at = names.indexOf(name);
        if (at < 0) {
            throw new InvalidArgumentException("dataset", file + " has no column " + name);
        }
        return at;
    }

    private double number(String[] cells, int column, int line, String name) {
        String cell = column < cells.length ? cells[column].trim() : "";
        try {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidArgumentException("dataset", file + " line " + line + ", column " + name
                + ": must be a finite number, was \"" + cell + "\"");
    }
}
