package io.visutility.training;

import io.visutility.training.internal.ProcessRuns;
import io.visutility.training.internal.RunSettings;
import io.visutility.training.internal.SearchSpaceJson;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.SearchSpace;
import io.visutility.tuning.TunerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the user's own training program, in any language, under the trainer contract of
 * {@code docs/trainer-contract.md}: each call gets a fresh working folder with {@code request.json} and
 * the data as CSV; the program writes {@code model.bin} and its metrics. The command is an argument list
 * started directly, never through a shell. Validation metrics are computed by the orchestrator, which
 * runs the program in predict mode on the validation rows; loaded models predict the same way. Any
 * failure (cannot start, non-zero exit, timeout, missing, oversized or malformed output) is a
 * {@link TrainingException} saying which, and working folders are deleted unless kept for inspection.
 * Instances are immutable and safe for parallel trials.
 */
public final class ProcessTrainer implements Trainer {
    private static final long MAX_SPACE_BYTES = 1 << 20;
    private final RunSettings settings;
    private final SearchSpace searchSpace;

    private ProcessTrainer(RunSettings settings, SearchSpace searchSpace) {
        this.settings = settings;
        this.searchSpace = searchSpace;
    }

    /** Starts configuring a process trainer. */
    public static Builder builder() {
        return new Builder();
    }

    /** The name given to the builder, recorded in each version's lineage. */
    @Override
    public String name() {
        return settings.name();
    }

    /** The parameters the program accepts, as declared to the builder. */
    @Override
    public SearchSpace searchSpace() {
        return searchSpace;
    }

    /** The command the program is started with. */
    public List<String> command() {
        return settings.command();
    }

    /**
     * Validates the parameters, runs the program in train mode, then scores its model on the validation
     * rows in predict mode.
     *
     * @throws TrainingException naming the bad parameter before anything runs, or saying how the run failed
     */
    @Override
    public TrainingResult train(TrainingRequest request) {
        HyperParams params;
        try {
            params = searchSpace.validate(request.params());
        } catch (TunerException e) {
            throw new TrainingException(name() + " cannot train model " + request.model() + " with "
                    + request.params() + ": " + e.getMessage(), e);
        }
        return ProcessRuns.train(settings, request, params);
    }

    /**
     * A predictor that runs the program in predict mode on each call, with {@code artifact} as its
     * {@code model.bin}.
     *
     * @throws TrainingException when the artifact is empty or larger than the artifact limit
     */
    @Override
    public Predictor load(byte[] artifact) {
        Objects.requireNonNull(artifact, "artifact");
        if (artifact.length == 0 || artifact.length > settings.maxArtifactBytes()) {
            throw new TrainingException(name() + " cannot load a model of " + artifact.length
                    + " bytes; it must have 1 to " + settings.maxArtifactBytes() + " bytes");
        }
        byte[] model = artifact.clone();
        return data -> ProcessRuns.predict(settings, model, data);
    }

    /** Names the trainer and its command, for logs. */
    @Override
    public String toString() {
        return "ProcessTrainer[" + settings.name() + ", " + settings.command() + "]";
    }

    /** Configures a {@link ProcessTrainer}; each setter checks its value at once. */
    public static final class Builder {
        private String name = "process";
        private List<String> command;
        private SearchSpace searchSpace;
        private Path workRoot = Path.of(System.getProperty("java.io.tmpdir"), "visutility-process-trainer");
        private Duration timeout = Duration.ofMinutes(10);
        private long maxArtifactBytes = 512L << 20;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean keepFailedRuns;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The trainer's name in lineage and messages, 1 to 64 printable characters; default {@code process}. */
        public Builder name(String name) {
            if (name == null || name.isBlank() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
                throw new TrainingException("name must be 1 to 64 printable characters, was '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /**
         * The program and its arguments, started as given (no shell, so no quoting or globbing); it runs
         * in the working folder, so paths in it should be absolute. Required.
         */
        public Builder command(List<String> command) {
            if (command == null || command.isEmpty()) {
                throw new TrainingException("command must name a program, was " + command);
            }
            for (int i = 0; i < command.size(); i++) {
                String part = command.get(i);
                if (part == null || (i == 0 && part.isBlank()) || part.indexOf('\0') >= 0) {
                    throw new TrainingException("command part " + i + " must be a non-blank string without NUL,"
                            + " was " + (part == null ? "null" : "'" + part + "'") + " in " + command);
                }
            }
            this.command = List.copyOf(command);
            return this;
        }

        /** The program and its arguments; see {@link #command(List)}. */
        public Builder command(String program, String... arguments) {
            List<String> parts = new java.util.ArrayList<>();
            parts.add(program);
            parts.addAll(List.of(arguments));
            return command(parts);
        }

        /** The parameters the program accepts; they are validated before every run. Required. */
        public Builder searchSpace(SearchSpace searchSpace) {
            this.searchSpace = Objects.requireNonNull(searchSpace, "searchSpace");
            return this;
        }

        /**
         * Reads the parameters the program accepts from a JSON file of the form
         * {@code {"epochs": {"type": "int", "low": 1, "high": 30, "default": 10}}} (see the trainer contract).
         *
         * @throws TrainingException naming the file, or the parameter and field that are wrong
         */
        public Builder searchSpace(Path jsonFile) {
            Objects.requireNonNull(jsonFile, "jsonFile");
            try {
                if (Files.size(jsonFile) > MAX_SPACE_BYTES) {
                    throw new TrainingException("it is larger than " + MAX_SPACE_BYTES + " bytes");
                }
                this.searchSpace = SearchSpaceJson.parse(Files.readString(jsonFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new TrainingException("cannot read search space file " + jsonFile + ": " + e, e);
            } catch (TrainingException e) {
                throw new TrainingException("search space file " + jsonFile + ": " + e.getMessage(), e);
            }
            return this;
        }

        /** Where working folders are made; default {@code visutility-process-trainer} in the temporary folder. */
        public Builder workRoot(Path workRoot) {
            this.workRoot = Objects.requireNonNull(workRoot, "workRoot");
            return this;
        }

        /** Longest one run of the program may take before it is killed, positive; default 10 minutes. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new TrainingException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Largest {@code model.bin} accepted, >= 1; default 512 MiB. */
        public Builder maxArtifactBytes(long maxArtifactBytes) {
            if (maxArtifactBytes < 1 || maxArtifactBytes > Integer.MAX_VALUE - 8) {
                throw new TrainingException("maxArtifactBytes must be within [1, " + (Integer.MAX_VALUE - 8)
                        + "], was " + maxArtifactBytes);
            }
            this.maxArtifactBytes = maxArtifactBytes;
            return this;
        }

        /** Adds a variable to the program's environment (which otherwise is the orchestrator's). */
        public Builder environment(String variable, String value) {
            if (variable == null || variable.isEmpty() || variable.indexOf('=') >= 0 || variable.indexOf('\0') >= 0) {
                throw new TrainingException("environment variable name must be non-empty without '=' or NUL, was '"
                        + variable + "'");
            }
            if (value == null || value.indexOf('\0') >= 0) {
                throw new TrainingException("environment variable " + variable + " must have a value without NUL,"
                        + " was " + value);
            }
            environment.put(variable, value);
            return this;
        }

        /** Keep the working folder of a failed run and name it in the error; default false (always deleted). */
        public Builder keepFailedRuns(boolean keep) {
            this.keepFailedRuns = keep;
            return this;
        }

        /** Clock measuring how long training took; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the trainer; the command and the search space must have been given. */
        public ProcessTrainer build() {
            if (command == null) {
                throw new TrainingException("command is required");
            }
            if (searchSpace == null) {
                throw new TrainingException("searchSpace is required: the program's parameters are its own");
            }
            return new ProcessTrainer(new RunSettings(name, command, environment, workRoot, timeout, maxArtifactBytes,
                    keepFailedRuns, clock), searchSpace);
        }
    }
}
