package org.reprise.spark.rounds;

import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.Arrays;
import java.util.List;

/**
 * What a drafting round broadcasts: every requested copy by genome position (so each partition
 * finds the copies it owns by binary search), and per request its seed code and copy counts.
 */
public final class RoundPlan {
    final long[] positions;
    final int[] request;
    final int[] copy;
    final long[] codes;
    final int[] forwardCounts;
    final int[] copyCounts;
    /** Every request's copies in request order, request r's from {@code firstCopy[r]}. */
    final long[] inRequestOrder;
    final int[] firstCopy;

    RoundPlan(long[] positions, int[] request, int[] copy, long[] codes, int[] forwardCounts, int[] copyCounts,
              long[] inRequestOrder, int[] firstCopy) {
        this.positions = positions;
        this.request = request;
        this.copy = copy;
        this.codes = codes;
        this.forwardCounts = forwardCounts;
        this.copyCounts = copyCounts;
        this.inRequestOrder = inRequestOrder;
        this.firstCopy = firstCopy;
    }

    static RoundPlan of(List<DraftRequest> requests) {
        int total = 0;
        for (DraftRequest r : requests) {
            total += r.copies();
        }
        long[] pos = new long[total];
        long[] who = new long[total];
        long[] codes = new long[requests.size()];
        int[] fwd = new int[requests.size()];
        int[] n = new int[requests.size()];
        int[] first = new int[requests.size()];
        int at = 0;
        for (int r = 0; r < requests.size(); r++) {
            DraftRequest q = requests.get(r);
            first[r] = at;
            codes[r] = q.code;
            fwd[r] = q.forward.length;
            n[r] = q.copies();
            for (int i = 0; i < q.copies(); i++) {
                pos[at] = q.position(i);
                who[at++] = ((long) r << 32) | i;
            }
        }
        long[] inOrder = pos.clone();
        LongArrays.radixSort(pos, who);
        int[] request = new int[total];
        int[] copy = new int[total];
        for (int i = 0; i < total; i++) {
            request[i] = (int) (who[i] >>> 32);
            copy[i] = (int) who[i];
        }
        return new RoundPlan(pos, request, copy, codes, fwd, n, inOrder, first);
    }

    /** Request r's copies' genome positions in copy order (forward ones first), as requested. */
    long[] copies(int r) {
        return Arrays.copyOfRange(inRequestOrder, firstCopy[r], firstCopy[r] + copyCounts[r]);
    }

    /** Index of the first copy at or after {@code position}. */
    int lowerBound(long position) {
        int i = Arrays.binarySearch(positions, position);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && positions[i - 1] == position) {
            i--;
        }
        return i;
    }
}
