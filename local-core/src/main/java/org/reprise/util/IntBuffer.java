package org.reprise.util;

import java.util.Arrays;

/** A growable int array for hot loops: reused, never boxed. Not thread-safe. */
public final class IntBuffer {
    private int[] data;
    private int size;

    public IntBuffer() {
        this(16);
    }

    public IntBuffer(int capacity) {
        data = new int[Math.max(1, capacity)];
    }

    public void clear() {
        size = 0;
    }

    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    public int get(int i) {
        return data[i];
    }

    public int size() {
        return size;
    }

    /** The backing array; valid entries are [0, size). */
    public int[] array() {
        return data;
    }

    /** Makes room for n entries; returns the backing array. */
    public int[] ensureCapacity(int n) {
        if (data.length < n) {
            data = Arrays.copyOf(data, Math.max(n, data.length * 2));
        }
        return data;
    }

    public void setSize(int n) {
        size = n;
    }

    /** Replaces the content with a copy of {@code values}. */
    public void copyFrom(int[] values) {
        System.arraycopy(values, 0, ensureCapacity(values.length), 0, values.length);
        size = values.length;
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
