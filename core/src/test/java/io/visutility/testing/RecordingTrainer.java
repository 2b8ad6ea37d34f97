package io.visutility.testing;

import io.visutility.training.Predictor;
import io.visutility.training.Trainer;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/** Wraps a trainer and keeps a copy of every artifact it produced, in call order. Thread-safe. */
public final class RecordingTrainer implements Trainer {
    private final Trainer delegate;
    private final List<byte[]> artifacts = new ArrayList<>();

    /** Records what {@code delegate} produces. */
    public RecordingTrainer(Trainer delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public SearchSpace searchSpace() {
        return delegate.searchSpace();
    }

    @Override
    public TrainingResult train(TrainingRequest request) {
        TrainingResult result = delegate.train(request);
        synchronized (this) {
            artifacts.add(result.artifact().clone());
        }
        return result;
    }

    @Override
    public Predictor load(byte[] artifact) {
        return delegate.load(artifact);
    }

    /** Copies of the artifacts of every successful call to train, in order. */
    public synchronized List<byte[]> artifacts() {
        return artifacts.stream().map(byte[]::clone).toList();
    }
}
