package io.visutility.testing;

import io.visutility.event.MonitorEvent;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.tuning.HyperParams;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Seeded events of every kind, with awkward values, for round-trip tests of anything that stores them. */
public final class SampleEvents {
    /** Text a careless encoding would damage: quotes, escapes, a NUL, line breaks, accents and an emoji. */
    public static final String AWKWARD = "it's \"odd\" \\ \u0000 tab\tline\nnaïve 数据 \uD83D\uDE80";

    private SampleEvents() {
    }

    /** One event of every {@link MonitorEvent} kind, in declaration order, drawn from {@code r}. */
    public static List<MonitorEvent> everyKind(Random r) {
        String model = "model-" + r.nextInt(1000);
        String jobId = id(r);
        String incident = id(r);
        return List.of(
                new MonitorEvent.Metrics(id(r), model, time(r), PerformanceMetrics.of(r.nextDouble(), r.nextDouble())),
                new MonitorEvent.DriftDetected(id(r), model, time(r), incident, 1 + r.nextInt(5), r.nextDouble(),
                        r.nextDouble(), 1 + r.nextInt(100), "mean F1 " + r.nextDouble() + " < minF1 0.6"),
                new MonitorEvent.DriftWarning(id(r), model, time(r), r.nextBoolean() ? "ddm" : AWKWARD,
                        r.nextInt(1_000_000), "error-stream detector ddm: warning after " + r.nextInt() + " labelled"),
                new MonitorEvent.Recovered(id(r), model, time(r), r.nextBoolean() ? incident : null, r.nextDouble(),
                        r.nextDouble()),
                new MonitorEvent.RetrainRequested(id(r), model, time(r), jobId, r.nextBoolean() ? incident : null),
                new MonitorEvent.RetrainSkipped(id(r), model, time(r), id(r), jobId, "already active"),
                new MonitorEvent.TrialCompleted(id(r), model, time(r), jobId, r.nextInt(20), params(r),
                        r.nextBoolean() ? Map.of() : metrics(r), r.nextBoolean() ? null : "trial failed: " + r.nextInt()),
                new MonitorEvent.ModelRegistered(id(r), model, time(r), 1 + r.nextInt(50), sha256(r), jobId),
                new MonitorEvent.ModelPromoted(id(r), model, time(r), 2 + r.nextInt(50),
                        r.nextBoolean() ? null : 1, "f1 beats champion's", metrics(r), r.nextBoolean() ? Map.of() : metrics(r)),
                new MonitorEvent.PromotionRejected(id(r), model, time(r), 2 + r.nextInt(50), 1, "does not beat",
                        metrics(r), metrics(r)),
                new MonitorEvent.RetrainFailed(id(r), model, time(r), jobId, "all 3 trials failed", r.nextBoolean()));
    }

    /** A plain critical event of {@code model} with the id {@code id}, for tests that need many. */
    public static MonitorEvent failed(String id, String model, int n) {
        return new MonitorEvent.RetrainFailed(id, model, Instant.parse("2026-01-01T00:00:00Z").plusMillis(n),
                "job-" + n, "attempt " + n + " failed", n % 2 == 0);
    }

    /** An id drawn from {@code r} in UUID form. */
    public static String id(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    private static Instant time(Random r) {
        return Instant.ofEpochSecond(1_767_225_600L + r.nextInt(100_000_000), r.nextInt(1_000_000_000));
    }

    private static HyperParams params(Random r) {
        return HyperParams.of("learning_rate", r.nextDouble(), "max_depth", 1 + r.nextInt(16),
                "booster", r.nextBoolean() ? "gbtree" : "dart", "early_stop", r.nextBoolean(),
                "round_lr", (double) r.nextInt(3));
    }

    private static Map<String, Double> metrics(Random r) {
        return Map.of("precision", r.nextDouble(), "recall", r.nextDouble(), "f1", r.nextDouble(),
                "auc", r.nextDouble());
    }

    private static String sha256(Random r) {
        byte[] bytes = new byte[32];
        r.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
