package io.visutility.bench;

/**
 * The trivial work every benchmark consumer does per event: keep a reference and count. Each sink is
 * written by one consumer at a time, so plain fields suffice.
 */
final class Sink {
    private Object last;
    private long count;

    void consume(Object value) {
        last = value;
        count++;
    }

    long count() {
        return count;
    }

    Object last() {
        return last;
    }
}
