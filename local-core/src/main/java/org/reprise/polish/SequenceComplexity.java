package org.reprise.polish;

/**
 * Two tests of a consensus that is no interspersed repeat: a tandem repeat (the sequence repeats
 * itself at a fixed period) and low complexity (a biased composition such as AT-rich stretches).
 * Base codes 0..3 are A, C, G, T; anything else is invalid and breaks k-mers.
 *
 * <p>Period detection: for every 8-mer, the distance back to its previous occurrence in the
 * consensus; the most frequent distance d (counting d-1..d+1 together, for small indels between
 * units) is the period, and the share of 8-mers whose previous occurrence lies at that distance
 * or at 2, 3 or 4 times it (within one base per unit, where a changed 8-mer in one unit sends the
 * next back to the unit before) is the periodicity. The consensus of a tandem array is built from many units at once, so its
 * units are near identical and a consensus of n units scores about (n - 1) / n. An LTR element
 * repeats itself once, over its LTRs only: its periodicity is the LTR's share of its length, under
 * a third for any real element.
 */
public final class SequenceComplexity {
    /** Periodicity from which a consensus is a tandem repeat: two units or more. */
    public static final double TANDEM_PERIODICITY = 0.5;
    /**
     * Dinucleotide entropy (bits, of 4) under which a consensus is low-complexity: a random
     * sequence of 41% G+C has 3.95, 90% A+T 2.9, (CA)n 1.0.
     */
    public static final double LOW_COMPLEXITY_BITS = 3.0;
    private static final int K = 8;
    /** Multiples of the period counted as periodic. */
    private static final int MULTIPLES = 4;

    private SequenceComplexity() {
    }

    /**
     * @param codes a consensus
     * @return the share of its 8-mers whose previous occurrence lies one period back (0 when it
     *         has no 8-mer); the period is {@link #period}
     */
    public static double periodicity(byte[] codes) {
        return periodOf(codes)[1] / 1e6;
    }

    /** @return the most frequent distance back to a k-mer's previous occurrence, 0 when none repeats */
    public static int period(byte[] codes) {
        return (int) periodOf(codes)[0];
    }

    /** @return whether the consensus is a tandem repeat ({@link #TANDEM_PERIODICITY}) */
    public static boolean isTandem(byte[] codes) {
        return periodicity(codes) >= TANDEM_PERIODICITY;
    }

    /** {period, periodicity x 1e6}. */
    private static long[] periodOf(byte[] codes) {
        int n = codes.length;
        if (n < K + 1) {
            return new long[] {0, 0};
        }
        int[] last = new int[1 << (2 * K)];
        java.util.Arrays.fill(last, -1);
        int[] distances = new int[n + 2];
        int kmers = 0;
        int code = 0;
        int valid = 0;
        int mask = (1 << (2 * K)) - 1;
        for (int i = 0; i < n; i++) {
            int b = codes[i];
            if (b < 0 || b > 3) {
                valid = 0;
                continue;
            }
            code = ((code << 2) | b) & mask;
            if (++valid < K) {
                continue;
            }
            int start = i - K + 1;
            kmers++;
            int prev = last[code];
            if (prev >= 0) {
                distances[start - prev]++;
            }
            last[code] = start;
        }
        if (kmers == 0) {
            return new long[] {0, 0};
        }
        int best = 0;
        long bestCount = 0;
        for (int d = 1; d < n; d++) {
            long c = distances[d] + distances[d + 1] + (d > 1 ? distances[d - 1] : 0);
            if (c > bestCount) {
                bestCount = c;
                best = d;
            }
        }
        if (best == 0) {
            return new long[] {0, 0};
        }
        // A k-mer changed in one unit sends the next unit's back to the unit before: multiples count too.
        long periodic = 0;
        for (int x = 1; x < n && x <= MULTIPLES * best + MULTIPLES; x++) {
            long m = Math.max(1, Math.round((double) x / best)); // the nearest multiple, one base of slack per unit
            if (m <= MULTIPLES && Math.abs(x - m * best) <= m) {
                periodic += distances[x];
            }
        }
        return new long[] {best, Math.round(1e6 * periodic / kmers)};
    }

    /**
     * @param codes a consensus
     * @return the Shannon entropy, in bits, of its overlapping dinucleotides of valid bases (0 when none)
     */
    public static double dinucleotideEntropy(byte[] codes) {
        long[] counts = new long[16];
        long total = 0;
        for (int i = 1; i < codes.length; i++) {
            int a = codes[i - 1];
            int b = codes[i];
            if (a >= 0 && a <= 3 && b >= 0 && b <= 3) {
                counts[a * 4 + b]++;
                total++;
            }
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / total;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    /** @return whether the consensus is low-complexity ({@link #LOW_COMPLEXITY_BITS}) */
    public static boolean isLowComplexity(byte[] codes) {
        return dinucleotideEntropy(codes) < LOW_COMPLEXITY_BITS;
    }
}
