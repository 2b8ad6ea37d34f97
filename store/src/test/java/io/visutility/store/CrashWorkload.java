package io.visutility.store;

import io.visutility.registry.Lineage;
import io.visutility.registry.NewModelVersion;
import io.visutility.tuning.HyperParams;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The registrations a crash test makes, fixed by a seed: index {@code i} stores its own pseudo-random
 * artifact and registers it under the idempotency key {@code crash-i}, so whoever knows the seed knows
 * exactly which bytes and which row version {@code i} must have.
 */
record CrashWorkload(long seed) {
    static final String MODEL = "crash";
    /** Large enough that a kill often lands while an artifact is being written. */
    static final int MAX_ARTIFACT_BYTES = 400_000;

    /** The artifact of index {@code index}: its size and bytes both follow from the seed. */
    byte[] artifact(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        byte[] bytes = new byte[random.nextInt(1, MAX_ARTIFACT_BYTES + 1)];
        for (int i = 0; i < bytes.length; i += 8) {
            long word = random.nextLong();
            for (int b = i; b < Math.min(i + 8, bytes.length); b++) {
                bytes[b] = (byte) (word >>> (8 * (b - i)));
            }
        }
        return bytes;
    }

    /** The lower-case hex SHA-256 of the artifact of {@code index}. */
    String sha256(int index) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact(index)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The registration of index {@code index}, whose artifact hashes to {@code sha256}. */
    NewModelVersion request(int index, String sha256) {
        return new NewModelVersion(MODEL, sha256, HyperParams.of("index", index), Map.of("f1", 1.0 / index),
                new Lineage(index > 1 ? index - 1 : null, "event-" + index, "job-" + index, "crash-test",
                        Map.of("index", Integer.toString(index), "seed", Long.toString(seed))),
                idempotencyKey(index));
    }

    static String idempotencyKey(int index) {
        return "crash-" + index;
    }
}
