package io.visutility.store;

import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.jobs.Job;
import io.visutility.retrain.RetrainOutcome;
import io.visutility.retrain.RetrainPipeline;
import io.visutility.testing.CountingTrainer;
import io.visutility.testing.ThresholdTrainer;
import io.visutility.training.SeaGenerator;
import io.visutility.tuning.RandomSearchTuner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A child JVM that claims the one retrain job of a SQLite store and runs it, one trial at a time, printing
 * {@code start N} when trial N begins training and {@code completed N} once it is stored. Holding, it waits
 * for a line on stdin after each, so the parent can kill it at an exact point.
 * Arguments: data folder, trials, seed, clock offset in minutes, hold (true/false).
 */
public final class StudyChild {
    static final String MODEL = "resumable";

    private StudyChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int trials = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(Long.parseLong(args[3])));
        boolean hold = Boolean.parseBoolean(args[4]);
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        CountingTrainer trainer = new CountingTrainer(new ThresholdTrainer()).before(request -> {
            say("start " + (request.seed() - seed), hold, parent);
        });
        try (Store store = Store.sqlite(dir, clock); EventBus bus = EventBus.builder().executor(Runnable::run).build()) {
            bus.subscribe("progress", event -> {
                if (event instanceof MonitorEvent.TrialCompleted t) {
                    say("completed " + t.trial(), hold, parent);
                }
            });
            Job job = store.jobs().claim("child-" + ProcessHandle.current().pid(), Duration.ofMinutes(10))
                    .orElseThrow(() -> new IllegalStateException("no job to claim"));
            say("claimed " + job.id() + " attempt " + job.attempts(), false, parent);
            RetrainPipeline pipeline = RetrainPipeline.builder().registry(store.registry())
                    .artifacts(store.artifacts()).studies(store.studies()).trainer(trainer)
                    .tuner(RandomSearchTuner.seeded(trainer.searchSpace(), seed)).trials(trials).parallelism(1)
                    .datasets(model -> SeaGenerator.seeded(4).next(4, 2000)).bus(bus).clock(clock).seed(seed)
                    .build();
            RetrainOutcome outcome = pipeline.run(job);
            store.jobs().succeed(job);
            say("registered " + outcome.version().version(), false, parent);
        }
    }

    private static void say(String line, boolean hold, BufferedReader parent) {
        System.out.println(line);
        System.out.flush();
        if (hold) {
            try {
                if (parent.readLine() == null) {
                    throw new IllegalStateException("the parent closed stdin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
