package org.reprise.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.reprise.genome.Genome;

import java.util.List;

/** REPrise's default k, with REPrise's buffer length (bases + 11,000 x (contigs + 2)). */
class KmerLengthTest {
    private static long buffer(long bases, int contigs) {
        return bases + 11_000L * (contigs + 2);
    }

    @Test
    void yeastChrIAndChrII() {
        long g = buffer(1_043_386, 2);
        assertEquals(1_087_386, g);
        assertEquals(12, KmerLength.defaultK(g, 0));
        assertEquals(14, KmerLength.defaultK(g, 1));
    }

    @Test
    void withoutTheSeparatorsYeastWouldGet11() {
        assertEquals(11, KmerLength.defaultK(1_043_386, 0));
    }

    @Test
    void flyChr2R() {
        assertEquals(14, KmerLength.defaultK(buffer(21_146_708, 1), 0));
    }

    @Test
    void genomeBufferLengthFeedsTheSameFormula() {
        Genome g = Genome.ofLetters("t", List.of("a", "b"), List.of("ACGT", "AC"));
        assertEquals(6 + 11_000L * 4, g.repriseBufferLength());
    }

    /** Brute force of the formula in the test: smallest l >= 2 with G sum C(l,d) 3^d / 4^l < 1, plus one. */
    @Test
    void matchesTheFormulaAroundPowersOfFour() {
        for (int dist = 0; dist <= 3; dist++) {
            for (int e = 2; e <= 20; e++) {  // G exact in a double
                for (long g : new long[] {(1L << (2 * e)) - 1, 1L << (2 * e), (1L << (2 * e)) + 1, 3L << (2 * e)}) {
                    assertEquals(oracle(g, dist), KmerLength.defaultK(g, dist), "G=" + g + " dist=" + dist);
                }
            }
        }
        // exactly at a power of four, G / 4^l = 1 is not < 1: k grows by one
        assertEquals(12, KmerLength.defaultK(1L << 20, 0));
        assertEquals(11, KmerLength.defaultK((1L << 20) - 1, 0));
        assertEquals(11, KmerLength.defaultK((1L << 18) + 1, 0));
    }

    private static int oracle(long g, int dist) {
        for (int l = 2; ; l++) {
            java.math.BigInteger sum = java.math.BigInteger.ZERO;
            for (int d = 0; d <= dist; d++) {
                java.math.BigInteger c = java.math.BigInteger.ONE;
                for (int i = 0; i < d; i++) {
                    c = c.multiply(java.math.BigInteger.valueOf(l - i)).divide(java.math.BigInteger.valueOf(i + 1));
                }
                sum = sum.add(c.multiply(java.math.BigInteger.valueOf(3).pow(d)));
            }
            // G * sum < 4^l, exactly
            if (java.math.BigInteger.valueOf(g).multiply(sum).compareTo(java.math.BigInteger.valueOf(4).pow(l)) < 0) {
                return l + 1;
            }
        }
    }
}
