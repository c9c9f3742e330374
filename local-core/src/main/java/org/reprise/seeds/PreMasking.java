package org.reprise.seeds;

import it.unimi.dsi.fastutil.longs.LongArrays;
import org.reprise.mask.Bitmask;

import java.util.Arrays;

/**
 * The pre-masking pass (docs/ALGORITHM.md, seed candidates), the one implementation both drivers
 * feed: candidates are taken in rank order (count descending, then position ascending); a copy
 * whose k bases touch the k-mer mask is dropped, the k bases of every remaining copy are then
 * masked (both strands filtered before either is masked, as in REPrise), and the candidate becomes
 * a seed with its new count if that is still at least minfreq. Sequential by definition: each
 * candidate's count depends on every candidate before it. One bit per base for the k-mer mask.
 *
 * <p>REPrise drops the last partial block of 1,000 candidates here; we take every candidate.
 */
public final class PreMasking {
    private final Bitmask kmerMask;
    private final int k;
    private final int minFreq;
    private final boolean keepCopies;
    private long[] free = new long[64];
    private long previousCount = Long.MAX_VALUE;
    private long previousPosition = -1;
    private int n;
    private int[] freq = new int[1024];
    private long[] position = new long[1024];
    private long[] code = new long[1024];
    /** The copies of seed j (in take order) are entry j, or entry {@code slots[j]} when shared. */
    private final PackedCopies copies;
    private final boolean shared;
    private int[] slots;

    /**
     * @param genomeLength bases of the genome the positions lie in
     * @param keepCopies   whether the seed table keeps each seed's copies (for a driver without an index)
     */
    public PreMasking(long genomeLength, int k, int minFreq, boolean keepCopies) {
        this(genomeLength, k, minFreq, keepCopies ? new PackedCopies() : null, false);
    }

    /**
     * A pass whose seed table keeps copies that are already stored: each candidate is taken with
     * its entry in {@code copies} ({@link #takeStored}), which the table then refers to instead of
     * a copy of its own (the genome-wide pass's candidates, {@link CandidateColumns#preMask}).
     */
    PreMasking(long genomeLength, int k, int minFreq, PackedCopies copies) {
        this(genomeLength, k, minFreq, copies, true);
    }

    private PreMasking(long genomeLength, int k, int minFreq, PackedCopies copies, boolean shared) {
        this.kmerMask = new Bitmask(genomeLength);
        this.k = k;
        this.minFreq = minFreq;
        this.keepCopies = copies != null;
        this.copies = copies;
        this.shared = shared;
        this.slots = shared ? new int[1024] : null;
    }

    /**
     * Takes the next candidate in rank order. {@code fwd[0..nf)} and {@code rev[0..nr)} are its
     * tandem-filtered copies, ascending; they are not changed (copies kept are copied; a palindrome
     * passes one array twice).
     *
     * @return the candidate's count after pre-masking (it is a seed when that is &gt;= minfreq)
     * @throws IllegalArgumentException if candidates come out of rank order
     */
    public int take(long kmer, long count, long pos, long[] fwd, int nf, long[] rev, int nr) {
        if (shared) {
            throw new IllegalStateException("a pass over stored copies takes candidates with their entry (takeStored)");
        }
        return takeAt(kmer, count, pos, fwd, nf, rev, nr, -1);
    }

    /** {@link #take} of a candidate whose copies are entry {@code entry} of the shared store. */
    int takeStored(long kmer, long count, long pos, long[] fwd, int nf, long[] rev, int nr, int entry) {
        if (!shared) {
            throw new IllegalStateException("this pass keeps copies of its own");
        }
        return takeAt(kmer, count, pos, fwd, nf, rev, nr, entry);
    }

    private int takeAt(long kmer, long count, long pos, long[] fwd, int nf, long[] rev, int nr, int entry) {
        if (count > previousCount || (count == previousCount && pos <= previousPosition)) {
            throw new IllegalArgumentException("candidates out of rank order: count " + count + " at " + pos
                    + " after count " + previousCount + " at " + previousPosition);
        }
        previousCount = count;
        previousPosition = pos;
        if (free.length < nf + nr) {
            free = new long[2 * (nf + nr)];
        }
        int f = 0;
        for (int i = 0; i < nf; i++) {
            if (kmerMask.isRangeFree(fwd[i], fwd[i] + k)) {
                free[f++] = fwd[i];
            }
        }
        int all = f;
        for (int i = 0; i < nr; i++) {
            if (kmerMask.isRangeFree(rev[i], rev[i] + k)) {
                free[all++] = rev[i];
            }
        }
        for (int i = 0; i < all; i++) {
            kmerMask.markRange(free[i], free[i] + k);
        }
        if (all >= minFreq) {
            add(kmer, all, pos, fwd, nf, rev, nr, entry);
        }
        return all;
    }

    /** {@link #take} of a whole candidate. */
    public int take(Candidate c) {
        return take(c.code(), c.count(), c.position(), c.forward(), c.forward().length, c.reverse(), c.reverse().length);
    }

    private void add(long kmer, int count, long pos, long[] fwd, int nf, long[] rev, int nr, int entry) {
        if (n == freq.length) {
            int grown = n + (n >> 1) + 16;
            freq = Arrays.copyOf(freq, grown);
            position = Arrays.copyOf(position, grown);
            code = Arrays.copyOf(code, grown);
            if (shared) {
                slots = Arrays.copyOf(slots, grown);
            }
        }
        freq[n] = count;
        position[n] = pos;
        code[n] = kmer;
        if (shared) {
            slots[n] = entry;
        } else if (keepCopies) {
            copies.add(fwd, nf, rev, nr);
        }
        n++;
    }

    /** The seeds taken so far, in {@code .freq} order: new count descending, then position. */
    public SeedTable seeds() {
        long[] countKey = new long[n];
        long[] index = new long[n];
        for (int i = 0; i < n; i++) {
            countKey[i] = Integer.MAX_VALUE - freq[i];
            index[i] = i;
        }
        // Equal new counts come from different old counts, so the order is made again from
        // (new count, position); positions are distinct.
        long[] pos = Arrays.copyOf(position, n);
        LongArrays.radixSort(new long[][] {countKey, pos, index});
        int[] f = new int[n];
        long[] p = new long[n];
        long[] c = new long[n];
        int[] slot = keepCopies ? new int[n] : null;
        for (int i = 0; i < n; i++) {
            int j = (int) index[i];
            f[i] = freq[j];
            p[i] = position[j];
            c[i] = code[j];
            if (keepCopies) {
                slot[i] = shared ? slots[j] : j;
            }
        }
        if (keepCopies && !shared) {
            copies.trim();
        }
        return new SeedTable(f, p, c, copies, slot);
    }
}
