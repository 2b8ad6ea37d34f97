package io.visutility.bench;

import java.util.function.LongSupplier;

/**
 * Splits running totals of dropped and delivered events into per-iteration amounts. Every producer
 * thread claims once per iteration; the first claim takes what happened since the last one, later
 * claims take only the rest, so the amounts summed over threads equal the totals and nothing is
 * counted twice.
 */
final class Tally {
    private final LongSupplier dropped;
    private final LongSupplier delivered;
    private long claimedDropped;
    private long claimedDelivered;

    Tally(LongSupplier dropped, LongSupplier delivered) {
        this.dropped = dropped;
        this.delivered = delivered;
    }

    /** What was dropped and delivered since the previous claim. */
    synchronized Claim claim() {
        long droppedNow = dropped.getAsLong();
        long deliveredNow = delivered.getAsLong();
        Claim claim = new Claim(droppedNow - claimedDropped, deliveredNow - claimedDelivered);
        claimedDropped = droppedNow;
        claimedDelivered = deliveredNow;
        return claim;
    }

    /** Whether at least {@code expected} deliveries happened since the previous claim; claims nothing. */
    synchronized boolean unclaimedDeliveriesReach(long expected) {
        return delivered.getAsLong() - claimedDelivered >= expected;
    }

    /** Amounts since the previous claim. */
    record Claim(long dropped, long delivered) {
    }
}
