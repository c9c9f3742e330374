package org.reprise.seeds;

import org.reprise.mask.Bitmask;
import org.reprise.mask.RangeMask;
import org.reprise.util.LongBuffer;

/**
 * The copies of a seed that a mask leaves free: a copy counts only if none of its k bases is
 * masked. The rule of both masking steps (pre-masking against the k-mer mask, the family loop's
 * recount against the repeat mask), for both drivers.
 */
public final class UnmaskedCopies {
    private UnmaskedCopies() {
    }

    /** Keeps, in order, the copies of {@code copies[0..n)} whose k bases are all free; returns how many. */
    public static int keep(long[] copies, int n, RangeMask mask, int k) {
        int w = 0;
        for (int i = 0; i < n; i++) {
            long p = copies[i];
            if (mask.isRangeFree(p, p + k)) {
                copies[w++] = p;
            }
        }
        return w;
    }

    /** {@link #keep(long[], int, RangeMask, int)} on a buffer, whose size becomes the count kept. */
    public static int keep(LongBuffer copies, Bitmask mask, int k) {
        copies.setSize(keep(copies.array(), copies.size(), mask, k));
        return copies.size();
    }

    /** The free copies of {@code copies} into {@code out} (replacing its content); {@code copies} is not changed. */
    public static int copyFree(long[] copies, Bitmask mask, int k, LongBuffer out) {
        out.copyFrom(copies);
        return keep(out, mask, k);
    }
}
