package io.visutility.drift.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a detector snapshot: a magic number, the detector's name, a format version, then whatever the
 * detector writes (its parameters first, so a restore can refuse a snapshot of other parameters).
 */
public final class SnapshotWriter {
    static final int MAGIC = 0x56445354; // "VDST"

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    private final DataOutputStream out = new DataOutputStream(bytes);

    /** Starts a snapshot of the detector named {@code kind}, in format {@code version}. */
    public SnapshotWriter(String kind, int version) {
        try {
            out.writeInt(MAGIC);
            out.writeUTF(kind);
            out.writeInt(version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends a double. */
    public SnapshotWriter writeDouble(double v) {
        try {
            out.writeDouble(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Appends a long. */
    public SnapshotWriter writeLong(long v) {
        try {
            out.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Appends an int. */
    public SnapshotWriter writeInt(int v) {
        try {
            out.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Appends a boolean. */
    public SnapshotWriter writeBoolean(boolean v) {
        try {
            out.writeBoolean(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Appends a length-prefixed byte array, such as the snapshot of a part of a composite detector. */
    public SnapshotWriter writeBytes(byte[] v) {
        try {
            out.writeInt(v.length);
            out.write(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The snapshot's bytes. */
    public byte[] toByteArray() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
