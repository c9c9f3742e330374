package org.reprise.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** K-mer codes: order, reverse complement, Hamming distance, and REPrise's entropy filter. */
class KmerCodecTest {
    private static final String ACGT = "ACGT";

    private static String randomKmer(Random rnd, int k) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < k; i++) {
            s.append(ACGT.charAt(rnd.nextInt(4)));
        }
        return s.toString();
    }

    private static String revcomp(String s) {
        StringBuilder r = new StringBuilder();
        for (int i = s.length() - 1; i >= 0; i--) {
            r.append(ACGT.charAt(3 - ACGT.indexOf(s.charAt(i))));
        }
        return r.toString();
    }

    @Test
    void encodeDecodeRoundTripAndOrder() {
        Random rnd = new Random(5);
        for (int k = 1; k <= 31; k++) {
            KmerCodec codec = new KmerCodec(k);
            for (int t = 0; t < 200; t++) {
                String a = randomKmer(rnd, k), b = randomKmer(rnd, k);
                long ca = codec.encode(a), cb = codec.encode(b);
                assertEquals(a, codec.decode(ca));
                assertEquals(a, codec.decode(codec.encode(a.toLowerCase())));
                assertTrue(ca >= 0 && ca <= codec.mask());
                // numeric order is lexicographic order A < C < G < T
                assertEquals(Integer.signum(a.compareTo(b)), Long.signum(ca - cb), a + " vs " + b);
            }
        }
        KmerCodec c4 = new KmerCodec(4);
        assertEquals(0, c4.encode("AAAA"));
        assertEquals(0b00_01_10_11, c4.encode("ACGT"));
        assertEquals(255, c4.encode("TTTT"));
    }

    @Test
    void encodeFromCodes() {
        KmerCodec codec = new KmerCodec(3);
        byte[] codes = {0, 1, 2, 4, 3, 3, 0};
        assertEquals(codec.encode("ACG"), codec.encode(codes, 0));
        assertEquals(-1, codec.encode(codes, 1));   // C G N
        assertEquals(-1, codec.encode(codes, 3));   // N T T
        assertEquals(codec.encode("TTA"), codec.encode(codes, 4));
        assertEquals(-1, codec.encode(codes, 5));   // past the end
        assertEquals(-1, codec.encode(codes, -1));
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> new KmerCodec(0));
        assertThrows(IllegalArgumentException.class, () -> new KmerCodec(32));
        KmerCodec codec = new KmerCodec(4);
        assertThrows(IllegalArgumentException.class, () -> codec.encode("ACG"));
        assertThrows(IllegalArgumentException.class, () -> codec.encode("ACGN"));
    }

    @Test
    void reverseComplementIsAnInvolutionAndMatchesLetters() {
        Random rnd = new Random(6);
        for (int k = 1; k <= 31; k++) {
            KmerCodec codec = new KmerCodec(k);
            for (int t = 0; t < 200; t++) {
                String s = randomKmer(rnd, k);
                long c = codec.encode(s);
                long rc = codec.reverseComplement(c);
                assertEquals(revcomp(s), codec.decode(rc), s);
                assertEquals(c, codec.reverseComplement(rc), s);
            }
        }
        KmerCodec c6 = new KmerCodec(6);
        assertEquals(c6.encode("ACGCGT"), c6.reverseComplement(c6.encode("ACGCGT")));  // palindrome
        assertEquals(c6.encode("TTTTTT"), c6.reverseComplement(c6.encode("AAAAAA")));
    }

    @Test
    void hammingCountsDifferingBases() {
        Random rnd = new Random(8);
        for (int k : new int[] {1, 5, 12, 31}) {
            KmerCodec codec = new KmerCodec(k);
            for (int t = 0; t < 500; t++) {
                String a = randomKmer(rnd, k);
                char[] b = a.toCharArray();
                int changes = rnd.nextInt(k + 1);
                for (int i = 0; i < changes; i++) {
                    b[rnd.nextInt(k)] = ACGT.charAt(rnd.nextInt(4));
                }
                int expected = 0;
                for (int i = 0; i < k; i++) {
                    expected += a.charAt(i) != b[i] ? 1 : 0;
                }
                assertEquals(expected, KmerCodec.hamming(codec.encode(a), codec.encode(new String(b))), a + " " + new String(b));
            }
        }
        // every kind of substitution (01, 10, 11 bit patterns) counts once
        KmerCodec c4 = new KmerCodec(4);
        assertEquals(4, KmerCodec.hamming(c4.encode("AAAA"), c4.encode("CGTC")));
        assertEquals(4, KmerCodec.hamming(c4.encode("ACGT"), c4.encode("TGCA")));
        assertEquals(0, KmerCodec.hamming(c4.encode("ACGT"), c4.encode("ACGT")));
    }

    @Test
    void entropyFilterOnHandComputedCompositions() {
        KmerCodec codec = new KmerCodec(12);
        // one base: sum p ln p = 0 > -0.7
        assertFalse(codec.complexEnough(codec.encode("AAAAAAAAAAAA")));
        assertFalse(codec.complexEnough(codec.encode("TTTTTTTTTTTT")));
        // four equal shares: -ln 4 = -1.386
        assertTrue(codec.complexEnough(codec.encode("ACGTACGTACGT")));
        // two bases 6/6: -ln 2 = -0.6931 > -0.7: any two-letter 12-mer is rejected
        assertFalse(codec.complexEnough(codec.encode("AAAAAACCCCCC")));
        assertFalse(codec.complexEnough(codec.encode("ACACACACACAC")));
        assertFalse(codec.complexEnough(codec.encode("GTGTGTGTGTGT")));
        // 10/1/1: (5/6)ln(5/6) + 2 (1/12)ln(1/12) = -0.15193 - 0.41415 = -0.5661: rejected
        assertFalse(codec.complexEnough(codec.encode("AAAAAAAAAACG")));
        // 9/2/1: 0.75 ln 0.75 + (1/6)ln(1/6) + (1/12)ln(1/12) = -0.21576 - 0.29863 - 0.20708 = -0.72147: accepted
        assertTrue(codec.complexEnough(codec.encode("AAAAAAAAACCG")));
        assertTrue(codec.complexEnough(codec.encode("CAGAAAAAAAAC")));   // same composition, other order
        assertTrue(codec.complexEnough(codec.encode("TTTGTTTTTTGA")));   // 9 T, 2 G, 1 A
        // 10/1/1 with the odd bases elsewhere: still rejected
        assertFalse(codec.complexEnough(codec.encode("GTTTTTTTTTTC")));
        // 9/1/1/1: -0.21576 - 3 x 0.20708 = -0.83699: accepted
        assertTrue(codec.complexEnough(codec.encode("AAAAAAAAACGT")));
    }

    @Test
    void entropyFilterOnEveryCompositionAgainstTheFormula() {
        for (int k : new int[] {5, 8, 12, 20}) {
            KmerCodec codec = new KmerCodec(k);
            int accepted = 0, rejected = 0;
            for (int a = 0; a <= k; a++) {
                for (int c = 0; a + c <= k; c++) {
                    for (int g = 0; a + c + g <= k; g++) {
                        int t = k - a - c - g;
                        double h = 0;
                        for (int n : new int[] {a, c, g, t}) {
                            if (n > 0) {
                                h += (double) n / k * Math.log((double) n / k);
                            }
                        }
                        if (Math.abs(h + 0.7) < 1e-9) {
                            continue;  // too close to call by another summation order
                        }
                        String kmer = "T".repeat(t) + "A".repeat(a) + "G".repeat(g) + "C".repeat(c);
                        boolean expected = h <= -0.7;
                        assertEquals(expected, codec.complexEnough(codec.encode(kmer)), kmer + " entropy " + h);
                        if (expected) {
                            accepted++;
                        } else {
                            rejected++;
                        }
                    }
                }
            }
            assertTrue(accepted > 0 && rejected > 0);
        }
    }
}
