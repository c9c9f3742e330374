package org.reprise.util;

import java.util.Arrays;

/** A growable long array for hot loops: reused, never boxed. Not thread-safe. */
public final class LongBuffer {
    private long[] data;
    private int size;

    public LongBuffer() {
        this(16);
    }

    public LongBuffer(int capacity) {
        data = new long[Math.max(1, capacity)];
    }

    public void clear() {
        size = 0;
    }

    public void add(long v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    public long get(int i) {
        return data[i];
    }

    public int size() {
        return size;
    }

    /** The backing array; valid entries are [0, size). */
    public long[] array() {
        return data;
    }

    /** Makes room for n entries; returns the backing array (its first {@code size()} entries kept). */
    public long[] ensureCapacity(int n) {
        if (data.length < n) {
            data = Arrays.copyOf(data, Math.max(n, data.length * 2));
        }
        return data;
    }

    /** Sets the number of valid entries, {@code 0 <= n <= capacity}. */
    public void setSize(int n) {
        size = n;
    }

    /** Replaces the content with a copy of {@code values}. */
    public void copyFrom(long[] values) {
        System.arraycopy(values, 0, ensureCapacity(values.length), 0, values.length);
        size = values.length;
    }

    public long[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
