package io.visutility.server.demo;

/** The demo's scenarios. */
enum DemoScenario {
    /** The original design's test: healthy metrics, then degraded ones, one retrain. */
    SEED,
    /** 10,000 degraded samples within about a second for one model: still one retrain. */
    STORM;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
