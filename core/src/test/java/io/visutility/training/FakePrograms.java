package io.visutility.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tiny training programs written for one test each: a Python prelude reads the request, then the
 * test's own lines decide what the program does in train and in predict mode.
 */
final class FakePrograms {
    /** Predict mode that scores every row 0.5. */
    static final String PREDICT_HALF = "open(r['predictions'], 'w').write('0.5\\n' * rows(r['input']))";
    /** Train mode that writes a small model and a good result. */
    static final String TRAIN_OK = String.join("\n",
            "open(out('model.bin'), 'w').write('half')",
            "json.dump({'metrics': {'f1': 0.5}}, open(out('result.json'), 'w'))");

    private static final String PRELUDE = String.join("\n",
            "import json, os, sys",
            "r = json.load(open(os.environ['VISUTILITY_REQUEST']))",
            "def rows(path):",
            "    return sum(1 for _ in open(path)) - 1",
            "def out(name):",
            "    return os.path.join(r['output'], name)",
            "");

    private final Path folder;
    private int count;

    FakePrograms(Path folder) {
        this.folder = folder;
    }

    /** A trainer whose program runs {@code train} in train mode and {@code predict} in predict mode. */
    ProcessTrainer.Builder trainer(String train, String predict) {
        Path script = folder.resolve("program-" + (count++) + ".py");
        String source = PRELUDE + "if r['mode'] == 'train':\n" + indent(train) + "\nelse:\n" + indent(predict) + "\n";
        write(script, source);
        return ProcessTrainer.builder().name("fake").command("python3", script.toString())
                .searchSpace(PythonLogistic.SPACE).workRoot(folder.resolve("work"));
    }

    /** A trainer whose program is the shell script {@code body}, run by {@code /bin/sh}. */
    ProcessTrainer.Builder shell(String body) {
        Path script = folder.resolve("program-" + (count++) + ".sh");
        write(script, body + "\n");
        return ProcessTrainer.builder().name("fake").command(List.of("/bin/sh", script.toString()))
                .searchSpace(PythonLogistic.SPACE).workRoot(folder.resolve("work"));
    }

    /** The working root the trainers of this instance use. */
    Path workRoot() {
        return folder.resolve("work");
    }

    private static String indent(String code) {
        return ("    " + code.replace("\n", "\n    "));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
