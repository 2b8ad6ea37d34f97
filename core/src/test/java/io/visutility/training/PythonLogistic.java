package io.visutility.training;

import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import io.visutility.tuning.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example trainer of {@code examples/python-logistic}, found from the module's folder, with its declared space. */
final class PythonLogistic {
    /** The space its README declares. */
    static final SearchSpace SPACE = SearchSpace.of(
            new FloatParam("learning_rate", "Step size of gradient descent.", 0.001, 1.0, true, 0.1),
            new FloatParam("l2", "Strength of the L2 penalty on the weights.", 1e-6, 1.0, true, 1e-4),
            new IntParam("epochs", "Passes over the training rows.", 1, 30, 1, 10L),
            new IntParam("batch_size", "Rows per gradient step.", 8, 256, 1, 32L));

    private PythonLogistic() {
    }

    /** The script, as an absolute path. */
    static Path script() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path script = base.resolve("../examples/python-logistic/train.py").normalize();
        if (!Files.isRegularFile(script)) {
            throw new AssertionError("the example trainer is missing: " + script);
        }
        return script;
    }

    /** A trainer running the example with {@code python3}, its working folders under {@code workRoot}. */
    static ProcessTrainer.Builder trainer(Path workRoot) {
        return ProcessTrainer.builder().name("python-logistic").command("python3", script().toString())
                .searchSpace(SPACE).workRoot(workRoot);
    }
}
