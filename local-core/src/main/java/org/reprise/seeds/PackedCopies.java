package org.reprise.seeds;

import org.reprise.util.LongBuffer;

import java.util.Arrays;

/**
 * Many k-mers' copy lists in one array: each entry its forward copies, then its reverse ones,
 * with one start and one length per entry, so that tens of millions of seeds with a few copies
 * each cost 12 bytes plus 8 per copy instead of two arrays and their headers (about 100 bytes).
 * A palindrome's two lists are one list, stored once and given for both strands. Entries are
 * appended by one thread, then read by any number.
 */
public final class PackedCopies {
    private long[] copies;
    private long size;
    private long[] start;
    /** Forward copies of the entry, or {@code -1 - n} for a palindrome of n copies. */
    private int[] forwardLength;
    private int entries;

    public PackedCopies() {
        this(256, 1024);
    }

    /**
     * Room for {@code entries} entries of {@code copies} copies in all, allocated at once: a table
     * whose size is known beforehand grows without the copies growing arrays make.
     */
    public PackedCopies(int entries, long copies) {
        if (copies > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("more than 2^31 copies in one table: " + copies);
        }
        this.copies = new long[(int) copies];
        this.start = new long[entries];
        this.forwardLength = new int[entries];
    }

    /**
     * Appends an entry: {@code fwd[0..nf)} and {@code rev[0..nr)} (copied); a palindrome passes
     * {@code rev == fwd} with {@code nr == nf}.
     *
     * @return the entry's index (entries are numbered in the order they are appended)
     */
    public int add(long[] fwd, int nf, long[] rev, int nr) {
        boolean palindrome = rev == fwd && nr == nf;
        int n = palindrome ? nf : nf + nr;
        if (entries == start.length) {
            int grown = entries + (entries >> 1) + 16;
            start = Arrays.copyOf(start, grown);
            forwardLength = Arrays.copyOf(forwardLength, grown);
        }
        if (size + n > copies.length) {
            long grown = Math.max(size + n, copies.length + (copies.length >> 1) + 1024L);
            if (grown > Integer.MAX_VALUE - 16) {
                grown = Math.max(size + n, Integer.MAX_VALUE - 16);
                if (grown > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("more than 2^31 copies in one table");
                }
            }
            copies = Arrays.copyOf(copies, (int) grown);
        }
        System.arraycopy(fwd, 0, copies, (int) size, nf);
        if (!palindrome) {
            System.arraycopy(rev, 0, copies, (int) size + nf, nr);
        }
        start[entries] = size;
        forwardLength[entries] = palindrome ? -1 - nf : nf;
        size += n;
        return entries++;
    }

    /** Entries appended. */
    public int entries() {
        return entries;
    }

    /** Copies stored (a palindrome's once). */
    public long copyCount() {
        return size;
    }

    /** Forward copies of entry {@code e}. */
    public int forwardCount(int e) {
        int f = forwardLength[e];
        return f < 0 ? -1 - f : f;
    }

    /** Reverse copies of entry {@code e} (a palindrome's are its forward ones). */
    public int reverseCount(int e) {
        int f = forwardLength[e];
        return f < 0 ? -1 - f : (int) (end(e) - start[e]) - f;
    }

    /** Whether entry {@code e} is a palindrome (one list for both strands). */
    public boolean palindrome(int e) {
        return forwardLength[e] < 0;
    }

    /** The entry's forward copies, a new array. */
    public long[] forward(int e) {
        int from = (int) start[e];
        return Arrays.copyOfRange(copies, from, from + forwardCount(e));
    }

    /** The entry's reverse copies, a new array (a palindrome's forward ones). */
    public long[] reverse(int e) {
        int from = (int) start[e] + (palindrome(e) ? 0 : forwardCount(e));
        return Arrays.copyOfRange(copies, from, from + reverseCount(e));
    }

    /** Puts entry {@code e}'s copies into the buffers (their old contents dropped). */
    public void copies(int e, LongBuffer fwd, LongBuffer rev) {
        int from = (int) start[e];
        int nf = forwardCount(e);
        long[] f = fwd.ensureCapacity(nf);
        System.arraycopy(copies, from, f, 0, nf);
        fwd.setSize(nf);
        int rFrom = palindrome(e) ? from : from + nf;
        int nr = reverseCount(e);
        long[] r = rev.ensureCapacity(nr);
        System.arraycopy(copies, rFrom, r, 0, nr);
        rev.setSize(nr);
    }

    /** Drops the room kept for growth. */
    public void trim() {
        copies = Arrays.copyOf(copies, (int) size);
        start = Arrays.copyOf(start, entries);
        forwardLength = Arrays.copyOf(forwardLength, entries);
    }

    /** Heap bytes the entries take (without the room allocated beyond them). */
    public long memoryBytes() {
        return 8L * size + 12L * entries;
    }

    private long end(int e) {
        return e + 1 < entries ? start[e + 1] : size;
    }
}
