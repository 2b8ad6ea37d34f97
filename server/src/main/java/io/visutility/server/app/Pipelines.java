package io.visutility.server.app;

import io.visutility.bus.EventBus;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.ModelVersion;
import io.visutility.retrain.RetrainPipeline;
import io.visutility.server.FeedbackBuffer;
import io.visutility.store.Store;
import io.visutility.training.Dataset;
import io.visutility.training.DatasetSource;
import io.visutility.training.Predictor;
import io.visutility.training.ProcessTrainer;
import io.visutility.training.Trainer;
import io.visutility.tuning.GridSearchTuner;
import io.visutility.tuning.HyperParamTuner;
import io.visutility.tuning.RandomSearchTuner;
import io.visutility.tuning.SearchSpace;
import io.visutility.tuning.TpeTuner;
import io.visutility.xgboost.XGBoostTrainer;

import java.nio.file.Path;
import java.time.Clock;

/**
 * One declared model's retrain machinery: its trainer, tuner and data source, the pipeline made of
 * them, and the champion's loaded predictor for serving (reloaded when the champion changes).
 */
final class Pipelines implements AutoCloseable {
    private final RetrainPipeline pipeline;
    private final FeedbackBuffer feedback;
    private final Trainer trainer;
    private final ModelSpec spec;
    private Loaded loaded;

    private Pipelines(ModelSpec spec, RetrainPipeline pipeline, FeedbackBuffer feedback, Trainer trainer) {
        this.spec = spec;
        this.pipeline = pipeline;
        this.feedback = feedback;
        this.trainer = trainer;
    }

    static Pipelines build(ModelSpec spec, Store store, EventBus bus, Clock clock, long seed, FeedbackBuffer feedback) {
        Trainer trainer = trainer(spec, clock);
        SearchSpace space = spec.space() != null ? spec.space() : trainer.searchSpace();
        DatasetSource data = spec.dataset().equals("feedback") ? feedback
                : new CsvDatasets(Path.of(spec.dataset().substring("csv:".length())), spec.features());
        RetrainPipeline pipeline = RetrainPipeline.builder()
                .registry(store.registry()).artifacts(store.artifacts()).studies(store.studies())
                .trainer(trainer).tuner(tuner(spec.tuner(), space, seed)).trials(spec.trials())
                .datasets(data).gate(spec.gate()).bus(bus).clock(clock).seed(seed)
                .build();
        return new Pipelines(spec, pipeline, feedback, trainer);
    }

    private static Trainer trainer(ModelSpec spec, Clock clock) {
        if (spec.trainer().equals("xgboost")) {
            return new XGBoostTrainer();
        }
        return ProcessTrainer.builder().name(spec.name() + "-trainer").command(spec.command())
                .searchSpace(spec.space()).clock(clock).build();
    }

    private static HyperParamTuner tuner(String name, SearchSpace space, long seed) {
        return switch (name) {
            case "tpe" -> TpeTuner.seeded(space, seed);
            case "grid" -> GridSearchTuner.of(space);
            default -> RandomSearchTuner.seeded(space, seed);
        };
    }

    RetrainPipeline pipeline() {
        return pipeline;
    }

    FeedbackBuffer feedback() {
        return feedback;
    }

    /** Scores one row with {@code champion}, loading its artifact when the champion changed. */
    double score(ModelVersion champion, float[] row, ArtifactStore artifacts) {
        Loaded current;
        synchronized (this) {
            if (loaded == null || loaded.version != champion.version()) {
                Predictor predictor = trainer.load(artifacts.get(champion.sha256()));
                if (loaded != null) {
                    loaded.predictor.close();
                }
                loaded = new Loaded(champion.version(), predictor);
            }
            current = loaded;
            // XGBoost boosters are not documented as safe for concurrent predictions: score under the lock.
            return current.predictor.predict(Dataset.of(spec.features(), row, new int[1]))[0];
        }
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.predictor.close();
            loaded = null;
        }
    }

    private record Loaded(int version, Predictor predictor) {
    }
}
