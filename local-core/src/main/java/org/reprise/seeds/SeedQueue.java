package org.reprise.seeds;

import java.util.Arrays;

/**
 * REPrise's seed queue: a max-heap of (copy count, k-mer code), the highest count first and, among
 * equal counts, the lexicographically greatest k-mer (code order A &lt; C &lt; G &lt; T). Primitive
 * arrays, no boxing. Not thread-safe.
 */
public final class SeedQueue {
    private int[] freq;
    private long[] code;
    private int size;

    public SeedQueue(int capacity) {
        freq = new int[Math.max(1, capacity)];
        code = new long[Math.max(1, capacity)];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void push(int f, long c) {
        if (size == freq.length) {
            freq = Arrays.copyOf(freq, size * 2);
            code = Arrays.copyOf(code, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!greater(f, c, freq[parent], code[parent])) {
                break;
            }
            freq[i] = freq[parent];
            code[i] = code[parent];
            i = parent;
        }
        freq[i] = f;
        code[i] = c;
    }

    public int topFreq() {
        return freq[0];
    }

    public long topCode() {
        return code[0];
    }

    /** Removes the top; read it first with {@link #topFreq()} and {@link #topCode()}. */
    public void pop() {
        if (size == 0) {
            throw new IllegalStateException("empty seed queue");
        }
        size--;
        if (size == 0) {
            return;
        }
        int f = freq[size];
        long c = code[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && greater(freq[child + 1], code[child + 1], freq[child], code[child])) {
                child++;
            }
            if (!greater(freq[child], code[child], f, c)) {
                break;
            }
            freq[i] = freq[child];
            code[i] = code[child];
            i = child;
        }
        freq[i] = f;
        code[i] = c;
    }

    /**
     * The codes of the (up to) n best entries, best first, and their counts into {@code counts} when
     * it is not null, without removing them: a walk down the heap that keeps a small frontier of
     * candidate slots (n is small).
     */
    public int peekTop(int n, long[] out, int[] counts) {
        int[] frontier = new int[2 * n + 2];
        int size = 0;
        int found = 0;
        if (this.size > 0) {
            frontier[size++] = 0;
        }
        while (found < n && size > 0) {
            int best = 0;
            for (int i = 1; i < size; i++) {
                if (greater(freq[frontier[i]], code[frontier[i]], freq[frontier[best]], code[frontier[best]])) {
                    best = i;
                }
            }
            int slot = frontier[best];
            frontier[best] = frontier[--size];
            if (counts != null) {
                counts[found] = freq[slot];
            }
            out[found++] = code[slot];
            for (int child = 2 * slot + 1; child <= 2 * slot + 2 && child < this.size; child++) {
                frontier[size++] = child;
            }
        }
        return found;
    }

    private static boolean greater(int f1, long c1, int f2, long c2) {
        return f1 != f2 ? f1 > f2 : c1 > c2;
    }
}
