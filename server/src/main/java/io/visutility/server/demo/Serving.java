package io.visutility.server.demo;

import io.visutility.registry.ArtifactStore;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.training.Dataset;
import io.visutility.training.Predictor;
import io.visutility.training.Trainer;

/** Scores traffic with whatever version is champion now, loading it from its verified artifact on change. */
final class Serving implements AutoCloseable {
    private final ModelRegistry registry;
    private final ArtifactStore artifacts;
    private final Trainer trainer;
    private int version;
    private Predictor predictor;

    Serving(ModelRegistry registry, ArtifactStore artifacts, Trainer trainer) {
        this.registry = registry;
        this.artifacts = artifacts;
        this.trainer = trainer;
    }

    double[] predict(Dataset batch) {
        ModelVersion champion = registry.alias(DemoRun.MODEL, ModelRegistry.CHAMPION).orElseThrow();
        if (predictor == null || champion.version() != version) {
            close();
            predictor = trainer.load(artifacts.get(champion.sha256()));
            version = champion.version();
        }
        return predictor.predict(batch);
    }

    @Override
    public void close() {
        if (predictor != null) {
            predictor.close();
            predictor = null;
        }
    }
}
