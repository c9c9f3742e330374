package org.reprise.seeds;

import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.Arrays;

/**
 * Seed candidates in primitive columns (code, count, position) with their copies packed
 * ({@link PackedCopies}): a genome-wide pass over billions of bases holds tens of millions of
 * candidates of a few copies each, about 32 bytes plus 8 per copy here against some 130 as
 * {@link Candidate} objects. Appended by one thread at a time, in any order; taken in rank order.
 */
public final class CandidateColumns {
    private long[] code;
    private int[] count;
    private long[] position;
    private final PackedCopies copies;
    private int size;

    public CandidateColumns() {
        this(256, 1024);
    }

    /** Room for {@code candidates} candidates of {@code copies} copies in all, allocated at once. */
    public CandidateColumns(int candidates, long copies) {
        code = new long[candidates];
        count = new int[candidates];
        position = new long[candidates];
        this.copies = new PackedCopies(candidates, copies);
    }

    /** Appends a candidate: copies {@code fwd[0..nf)}, {@code rev[0..nr)} (copied; a palindrome passes one array twice). */
    public void add(long kmer, int n, long pos, long[] fwd, int nf, long[] rev, int nr) {
        if (size == code.length) {
            int grown = size + (size >> 1) + 16;
            code = Arrays.copyOf(code, grown);
            count = Arrays.copyOf(count, grown);
            position = Arrays.copyOf(position, grown);
        }
        code[size] = kmer;
        count[size] = n;
        position[size] = pos;
        copies.add(fwd, nf, rev, nr);
        size++;
    }

    /** Appends a whole candidate. */
    public void add(Candidate c) {
        add(c.code(), c.count(), c.position(), c.forward(), c.forward().length, c.reverse(), c.reverse().length);
    }

    /** Appends every candidate of {@code other} (which is left as it was). */
    public void addAll(CandidateColumns other) {
        for (int i = 0; i < other.size; i++) {
            long[] f = other.copies.forward(i);
            long[] r = other.copies.palindrome(i) ? f : other.copies.reverse(i);
            add(other.code[i], other.count[i], other.position[i], f, f.length, r, r.length);
        }
    }

    public int size() {
        return size;
    }

    /** The i-th candidate appended, as an object. */
    public Candidate get(int i) {
        long[] f = copies.forward(i);
        long[] r = copies.palindrome(i) ? f : copies.reverse(i);
        return new Candidate(code[i], count[i], position[i], f, r);
    }

    /**
     * The candidates' indexes in rank order: count descending, then position ascending (positions
     * of distinct candidates differ: each is its representative's first occurrence).
     */
    public int[] rankOrder() {
        // keys as long as the (presized) position column, so that it is sorted by in place: a copy
        // of it was what a 3.1 Gbp genome's pass (about 120 million candidates) ran out of heap on
        long[] countKey = new long[position.length];
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            countKey[i] = Integer.MAX_VALUE - (long) count[i];
            order[i] = i;
        }
        LongArrays.radixSortIndirect(order, countKey, position, 0, size, false);
        return order;
    }

    /**
     * The pre-masking pass over these candidates in rank order: the seed table, which keeps its
     * seeds' copies by referring to these columns' (no second copy of them; the columns must not
     * change afterwards).
     *
     * @param genomeLength bases of the genome the positions lie in
     */
    public SeedTable preMask(long genomeLength, int k, int minFreq) {
        PreMasking premasking = new PreMasking(genomeLength, k, minFreq, copies);
        int[] order = rankOrder();
        for (int i : order) {
            long[] f = copies.forward(i);
            long[] r = copies.palindrome(i) ? f : copies.reverse(i);
            premasking.takeStored(code[i], count[i], position[i], f, f.length, r, r.length, i);
        }
        return premasking.seeds();
    }

    /** Drops the room kept for growth. */
    public void trim() {
        code = Arrays.copyOf(code, size);
        count = Arrays.copyOf(count, size);
        position = Arrays.copyOf(position, size);
        copies.trim();
    }

    /** Heap bytes the candidates take (without the room allocated beyond them). */
    public long memoryBytes() {
        return 20L * size + copies.memoryBytes();
    }
}
