package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Reads a snapshot written by {@link SnapshotWriter}, refusing one of another detector or format. Every
 * read that runs past the end, or a parameter that differs, is a {@link DriftException}; callers read the
 * whole snapshot into locals before changing any field, so a refused snapshot leaves the detector as it was.
 */
public final class SnapshotReader {
    private final DataInputStream in;
    private final String kind;

    /** Opens {@code snapshot}, which must be of the detector named {@code kind} in format {@code version}. */
    public SnapshotReader(byte[] snapshot, String kind, int version) {
        if (snapshot == null) {
            throw new DriftException("snapshot of " + kind + " must not be null");
        }
        this.kind = kind;
        this.in = new DataInputStream(new ByteArrayInputStream(snapshot));
        try {
            if (in.readInt() != SnapshotWriter.MAGIC) {
                throw new DriftException("not a detector snapshot (bad magic number), expected one of " + kind);
            }
            String found = in.readUTF();
            if (!found.equals(kind)) {
                throw new DriftException("snapshot is of detector " + found + ", not of " + kind);
            }
            int v = in.readInt();
            if (v != version) {
                throw new DriftException("snapshot of " + kind + " has format " + v + ", expected " + version);
            }
        } catch (IOException e) {
            throw truncated(e);
        }
    }

    /** Reads a double. */
    public double readDouble() {
        try {
            return in.readDouble();
        } catch (IOException e) {
            throw truncated(e);
        }
    }

    /** Reads a long. */
    public long readLong() {
        try {
            return in.readLong();
        } catch (IOException e) {
            throw truncated(e);
        }
    }

    /** Reads an int. */
    public int readInt() {
        try {
            return in.readInt();
        } catch (IOException e) {
            throw truncated(e);
        }
    }

    /** Reads a boolean. */
    public boolean readBoolean() {
        try {
            return in.readBoolean();
        } catch (IOException e) {
            throw truncated(e);
        }
    }

    /** Reads a byte array written by {@link SnapshotWriter#writeBytes(byte[])}. */
    public byte[] readBytes() {
        try {
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new DriftException("snapshot of " + kind + " holds a part of " + length
                        + " bytes, more than the " + in.available() + " left");
            }
            byte[] v = new byte[length];
            in.readFully(v);
            return v;
        } catch (IOException e) {
            throw truncated(e);
        }
    }

    /** Reads a parameter and refuses the snapshot if it differs from this detector's. */
    public void expectParameter(String name, double expected) {
        double found = readDouble();
        if (Double.compare(found, expected) != 0) {
            throw new DriftException("snapshot of " + kind + " was taken with " + name + " = " + found
                    + ", this detector has " + expected);
        }
    }

    /** Checks that nothing is left over. */
    public void end() {
        try {
            if (in.available() > 0) {
                throw new DriftException("snapshot of " + kind + " has " + in.available() + " unexpected trailing bytes");
            }
        } catch (IOException e) {
            throw truncated(e);
        }
    }

    private DriftException truncated(IOException e) {
        return new DriftException("snapshot of " + kind + " is truncated or damaged", e);
    }
}
