package io.visutility.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * When a crash test kills its child: at a given moment, after the child has reported {@code registered}
 * versions in this run (the first being the retry of the last index, whose artifact is already stored).
 *
 * @param moment     where to kill
 * @param registered how many versions the child must have reported first (ignored for opening and ready)
 */
record KillPlan(Moment moment, int registered) {
    /** Where a kill aims to land. */
    enum Moment {
        /** Before the store is open: in class loading, the connection pool, migrations or recovery. */
        OPENING,
        /** The store is open, before the first registration. */
        READY,
        /** An artifact is about to be made and written. */
        BEGIN,
        /** An artifact's temporary file exists: its bytes are being written and forced to disk. */
        WRITING,
        /** The artifact is in place, the registration transaction about to run. */
        STORED,
        /** A version was just registered and reported. */
        REGISTERED
    }

    static KillPlan random(SplittableRandom random) {
        int roll = random.nextInt(10);
        Moment moment = roll == 0 ? Moment.OPENING : roll == 1 ? Moment.READY
                : Moment.values()[2 + (roll - 2) / 2];
        return new KillPlan(moment, moment == Moment.REGISTERED ? random.nextInt(4) : random.nextInt(1, 4));
    }

    /**
     * Waits (bounded by {@code timeout} per step) until the child reaches the planned moment; the child
     * writes artifacts to {@code artifacts}, where {@code strayTempFiles} are left from earlier kills.
     */
    void await(ChildRun child, Path artifacts, Set<Path> strayTempFiles, Duration timeout) {
        switch (moment) {
            case OPENING -> child.await("opening"::equals, timeout);
            case READY -> child.await(line -> line.startsWith("ready "), timeout);
            default -> {
                int wanted = moment == Moment.REGISTERED ? registered + 1 : registered;
                for (int i = 0; i < wanted; i++) {
                    child.await(line -> line.startsWith("registered "), timeout);
                }
                if (moment != Moment.REGISTERED) {
                    String prefix = moment == Moment.STORED ? "stored " : "begin ";
                    child.await(line -> line.startsWith(prefix), timeout);
                }
                if (moment == Moment.WRITING) {
                    child.spinUntilWriting(artifacts, strayTempFiles, timeout);
                }
            }
        }
    }
}
