package org.reprise.spark.seeds;

import org.reprise.mask.Bitmask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * local-core's pre-masking pass on the driver: candidates in rank order (streamed from the sorted
 * RDD, one partition at a time); copies touching the k-mer mask are dropped, the rest are added
 * to it (both strands checked before either is marked, as in REPrise), and the k-mer is a seed if
 * it keeps minfreq copies. Sequential by definition; the driver holds one bit per base for the
 * k-mer mask and the seeds' copy lists.
 */
public final class PreMasking {
    private PreMasking() {
    }

    public static SeedList run(Iterator<Candidate> ranked, long genomeLength, int k, int minFreq) {
        Bitmask kmerMask = new Bitmask(genomeLength);
        List<Candidate> kept = new ArrayList<>();
        List<Integer> newCounts = new ArrayList<>();
        long[] free = new long[64];
        while (ranked.hasNext()) {
            Candidate c = ranked.next();
            int nf = 0, nr = 0;
            if (free.length < c.forward.length + c.reverse.length) {
                free = new long[2 * (c.forward.length + c.reverse.length)];
            }
            for (long p : c.forward) {
                if (kmerMask.isRangeFree(p, p + k)) {
                    free[nf++] = p;
                }
            }
            for (long p : c.reverse) {
                if (kmerMask.isRangeFree(p, p + k)) {
                    free[nf + nr++] = p;
                }
            }
            for (int i = 0; i < nf + nr; i++) {
                kmerMask.markRange(free[i], free[i] + k);
            }
            if (nf + nr >= minFreq) {
                kept.add(c);
                newCounts.add(nf + nr);
            }
        }
        Integer[] order = new Integer[kept.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // The seed table's order: new count descending, then position.
        Arrays.sort(order, (a, b) -> {
            int ca = newCounts.get(a), cb = newCounts.get(b);
            return ca != cb ? Integer.compare(cb, ca) : Long.compare(kept.get(a).position, kept.get(b).position);
        });
        int n = order.length;
        int[] freq = new int[n];
        long[] position = new long[n];
        long[] code = new long[n];
        long[][] forward = new long[n][];
        long[][] reverse = new long[n][];
        for (int i = 0; i < n; i++) {
            Candidate c = kept.get(order[i]);
            freq[i] = newCounts.get(order[i]);
            position[i] = c.position;
            code[i] = c.code;
            forward[i] = c.forward;
            reverse[i] = c.reverse;
        }
        return new SeedList(freq, position, code, forward, reverse);
    }
}
