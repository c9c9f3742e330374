package org.reprise.index;

/**
 * REPrise's default k: the smallest l >= 2 for which a random genome of G bases is expected to
 * hold less than one k-mer within {@code dist} mismatches of a given one,
 * {@code G * sum_{d=0..dist} C(l,d) 3^d / 4^l < 1}, plus one. G is REPrise's buffer length (all
 * bases plus 11,000 separator bases per contig and two more), so yeast chrI+chrII gets 12, not 11.
 */
public final class KmerLength {
    private KmerLength() {
    }

    public static int defaultK(long bufferLength, int dist) {
        // Same arithmetic as REPrise: doubles, binomials from Pascal's triangle, l up to 40.
        long[][] binom = new long[41][41];
        for (int i = 0; i <= 40; i++) {
            binom[i][0] = 1;
            binom[i][i] = 1;
            for (int j = 1; j < i; j++) {
                binom[i][j] = binom[i - 1][j - 1] + binom[i - 1][j];
            }
        }
        int l = 2;
        for (; l <= 40; l++) {
            double comb = 0;
            for (int d = 0; d <= dist; d++) {
                comb += binom[l][d] * Math.pow(3, d);
            }
            double expected = bufferLength * comb / Math.pow(4, l);
            if (expected < 1) {
                break;
            }
        }
        return l + 1;
    }
}
