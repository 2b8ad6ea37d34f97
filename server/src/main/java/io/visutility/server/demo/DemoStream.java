package io.visutility.server.demo;

import io.visutility.drift.stream.RowStream;
import io.visutility.drift.stream.RowStreams;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The synthetic streams the closed-loop demo can play: each has a concept the first champion learns and
 * a concept the stream switches to. The same seed gives the same rows, so a second stream made with
 * {@link #after} and the same seed repeats the served rows of the new concept exactly.
 */
enum DemoStream {
    /** SEA (Street and Kim, 2001): concept 1 (f1 + f2 <= 8) switches to concept 4 (<= 9.5), 10% label noise. */
    SEA("SEA concept 1", "SEA concept 4") {
        @Override
        RowStream before(long seed) {
            return RowStreams.sea(1, 0.1, seed);
        }

        @Override
        RowStream after(long seed) {
            return RowStreams.sea(4, 0.1, seed + 1);
        }
    },
    /** Agrawal's loan applicants: classification function 1 (by age) switches to function 2 (age and salary). */
    AGRAWAL("Agrawal function 1", "Agrawal function 2") {
        @Override
        RowStream before(long seed) {
            return RowStreams.agrawal(1, 0.05, seed);
        }

        @Override
        RowStream after(long seed) {
            return RowStreams.agrawal(2, 0.05, seed + 1);
        }
    },
    /**
     * A hyperplane in 10 dimensions (Hulten et al.), 5% label noise, that turns: two of its ten weights change
     * sign, which moves the boundary by about 50 degrees while the features keep their distribution.
     */
    HYPERPLANE("hyperplane A", "hyperplane A turned") {
        @Override
        RowStream before(long seed) {
            return RowStreams.rotatingHyperplane(10, 0, 0, 0, 0.05, seed);
        }

        @Override
        RowStream after(long seed) {
            return new Mirrored(RowStreams.rotatingHyperplane(10, 0, 0, 0, 0.05, seed), 2);
        }
    };

    /**
     * A stream whose first {@code columns} features, uniform in [0, 1], are reported as 1 - x: the labels
     * then follow a hyperplane with those weights negated.
     */
    private record Mirrored(RowStream inner, int columns) implements RowStream {
        @Override
        public List<String> featureNames() {
            return inner.featureNames();
        }

        @Override
        public int next(float[] row) {
            int label = inner.next(row);
            for (int c = 0; c < columns; c++) {
                row[c] = 1 - row[c];
            }
            return label;
        }
    }

    private final String first;
    private final String second;

    DemoStream(String first, String second) {
        this.first = first;
        this.second = second;
    }

    /** The concept the first champion is trained on and the stream starts with. */
    abstract RowStream before(long seed);

    /** The concept the stream switches to. */
    abstract RowStream after(long seed);

    /** The first concept's name, for the summary. */
    String firstConcept() {
        return first;
    }

    /** The second concept's name, for the summary. */
    String secondConcept() {
        return second;
    }

    /** The name on the command line, e.g. {@code sea}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stream named {@code name}; null when there is none. */
    static DemoStream parse(String name) {
        return Arrays.stream(values()).filter(s -> s.label().equals(name)).findFirst().orElse(null);
    }

    /** The names {@link #parse} accepts, comma-separated. */
    static String names() {
        return Arrays.stream(values()).map(DemoStream::label).collect(Collectors.joining(", "));
    }
}
