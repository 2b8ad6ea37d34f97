package io.visutility.training.internal;

import io.visutility.metrics.ClassificationMetrics;
import io.visutility.training.Budget;
import io.visutility.training.Dataset;
import io.visutility.training.TrainingException;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.HyperParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One training run and the prediction runs of the trainer contract (see {@code docs/trainer-contract.md}):
 * lay out a fresh working folder, write the request, run the program, read back and check what it wrote.
 */
public final class ProcessRuns {
    /** The version of the contract written into every request. */
    public static final int CONTRACT = 1;
    /** Scores at or above this count as positive predictions in the validation metrics. */
    private static final double THRESHOLD = 0.5;

    private ProcessRuns() {
    }

    /**
     * Trains with {@code params} (already validated), then scores the model on the validation rows by
     * running the program in predict mode: the metrics the tuner and the registry see are the
     * orchestrator's own; what the program reported is kept beside them.
     */
    public static TrainingResult train(RunSettings settings, TrainingRequest request, HyperParams params) {
        Instant start = settings.clock().instant();
        Path folder = WorkFolder.create(settings.workRoot(), "train-");
        boolean succeeded = false;
        try {
            Path output = folder.resolve("output");
            createFolder(output);
            WorkFolder.writeCsv(folder.resolve("train.csv"), request.train(), true);
            WorkFolder.writeCsv(folder.resolve("validation.csv"), request.validation(), true);
            Path requestFile = folder.resolve("request.json");
            WorkFolder.writeText(requestFile, JsonWriter.write(trainRequest(request, params, folder, output)));

            settings.runner().run(folder, requestFile, "train model " + request.model());
            Path modelFile = output.resolve("model.bin");
            byte[] model = ProgramOutputs.model(modelFile, settings.maxArtifactBytes());
            Map<String, Double> reported = ProgramOutputs.reportedMetrics(output.resolve("result.json"),
                    folder.resolve(ProgramRunner.STDOUT));
            Path scoring = folder.resolve("validation");
            createFolder(scoring);
            double[] scores = predict(settings, scoring, modelFile, request.validation());
            ClassificationMetrics validation = ClassificationMetrics.evaluate(scores, request.validation().labels(),
                    THRESHOLD);
            succeeded = true;
            return new TrainingResult(model, params, validation, Duration.between(start, settings.clock().instant()),
                    reported);
        } catch (TrainingException e) {
            throw new TrainingException(settings.name() + " failed to train model " + request.model() + " with "
                    + params + ": " + e.getMessage() + kept(settings, folder), e);
        } finally {
            if (succeeded || !settings.keepFailedRuns()) {
                WorkFolder.delete(folder);
            }
        }
    }

    /** Scores {@code data} with the model in {@code artifact}, in a working folder of its own. */
    public static double[] predict(RunSettings settings, byte[] artifact, Dataset data) {
        if (data.rows() == 0) {
            return new double[0];
        }
        Path folder = WorkFolder.create(settings.workRoot(), "predict-");
        boolean succeeded = false;
        try {
            Path modelFile = folder.resolve("model.bin");
            WorkFolder.writeBytes(modelFile, artifact);
            double[] scores = predict(settings, folder, modelFile, data);
            succeeded = true;
            return scores;
        } catch (TrainingException e) {
            throw new TrainingException(settings.name() + " failed to predict " + data.rows() + " rows: "
                    + e.getMessage() + kept(settings, folder), e);
        } finally {
            if (succeeded || !settings.keepFailedRuns()) {
                WorkFolder.delete(folder);
            }
        }
    }

    private static double[] predict(RunSettings settings, Path folder, Path modelFile, Dataset data) {
        if (data.rows() == 0) {
            return new double[0];
        }
        Path input = folder.resolve("input.csv");
        WorkFolder.writeCsv(input, data, false);
        Path predictions = folder.resolve("predictions.txt");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("contract", CONTRACT);
        request.put("mode", "predict");
        request.put("model_path", modelFile.toAbsolutePath().toString());
        request.put("features", data.featureNames());
        request.put("input", input.toAbsolutePath().toString());
        request.put("predictions", predictions.toAbsolutePath().toString());
        Path requestFile = folder.resolve("request.json");
        WorkFolder.writeText(requestFile, JsonWriter.write(request));
        settings.runner().run(folder, requestFile, "predict " + data.rows() + " rows");
        return ProgramOutputs.predictions(predictions, data.rows());
    }

    private static Map<String, Object> trainRequest(TrainingRequest request, HyperParams params, Path folder,
                                                    Path output) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("contract", CONTRACT);
        json.put("mode", "train");
        json.put("model", request.model());
        json.put("params", params.asMap());
        json.put("budget", budget(request.budget()));
        json.put("seed", request.seed());
        json.put("features", request.train().featureNames());
        json.put("train", folder.resolve("train.csv").toAbsolutePath().toString());
        json.put("validation", folder.resolve("validation.csv").toAbsolutePath().toString());
        json.put("output", output.toAbsolutePath().toString());
        return json;
    }

    private static Map<String, Object> budget(Budget budget) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unit", budget.unit().name().toLowerCase(Locale.ROOT));
        json.put("amount", budget.unit() == Budget.Unit.FRACTION ? (Object) budget.amount() : (Object) (long) budget.amount());
        return json;
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectory(folder);
        } catch (IOException e) {
            throw new TrainingException("cannot create " + folder.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String kept(RunSettings settings, Path folder) {
        return settings.keepFailedRuns() ? " (working folder kept at " + folder.toAbsolutePath() + ")" : "";
    }
}
