package org.reprise.simulate;

import java.util.Arrays;

/**
 * How one contig is laid out, as the writer walks it from its first base to its last: a list of
 * segments, each background (random bases), a piece of a planted copy, or a target-site
 * duplication. A duplication repeats the bases written just before its copy began, so the plan
 * marks that point ({@link #SNAPSHOT}) and the place where the duplicate goes ({@link #TSD});
 * copies nest properly, so the writer keeps the marked bases on a stack. The segment lengths add
 * up to the contig's length exactly ({@code long}: a contig may pass 2^31 bases).
 */
final class ContigPlan {
    static final byte BACKGROUND = 0;
    static final byte PIECE = 1;
    static final byte SNAPSHOT = 2;
    static final byte TSD = 3;

    private final String name;
    private final long length;
    private byte[] kinds = new byte[16];
    /** Background: its length; piece: index in the plan's pieces; snapshot and TSD: the length. */
    private long[] values = new long[16];
    private int size;

    ContigPlan(String name, long length) {
        this.name = name;
        this.length = length;
    }

    String name() {
        return name;
    }

    long length() {
        return length;
    }

    int segmentCount() {
        return size;
    }

    byte kind(int i) {
        return kinds[i];
    }

    long value(int i) {
        return values[i];
    }

    void add(byte kind, long value) {
        if (size == kinds.length) {
            kinds = Arrays.copyOf(kinds, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        kinds[size] = kind;
        values[size] = value;
        size++;
    }
}
