package org.reprise.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reprise.testing.Sequences;

/** The banded aligner against the full-matrix reference, on both strands, and its edge cases. */
class PairwiseAlignerTest {
    private static final Scoring SC = Scoring.BLASTN;

    /** A copy of s with substitutions, insertions and deletions at the given per-base rates. */
    static String mutate(Random rnd, String s, double sub, double ins, double del) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            double x = rnd.nextDouble();
            if (x < del) {
                continue;
            }
            if (x < del + ins) {
                out.append("ACGT".charAt(rnd.nextInt(4)));
            }
            char c = s.charAt(i);
            if (rnd.nextDouble() < sub) {
                c = "ACGT".charAt(("ACGT".indexOf(c) + 1 + rnd.nextInt(3)) % 4);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The reference on the minus strand: align with b's reverse complement, map B's span back. */
    static Alignment referenceMinus(byte[] a, byte[] b, Integer minD, Integer maxD) {
        Alignment r = ReferenceAligner.align(a, Dna.reverseComplement(b), SC, minD, maxD);
        if (r.isEmpty()) {
            return Alignment.empty(Strand.MINUS, a.length, b.length);
        }
        return new Alignment(Strand.MINUS, r.score(), r.startA(), r.endA(), a.length, b.length - r.endB(),
                b.length - r.startB(), b.length, r.matches(), r.mismatches(), r.gapColumns());
    }

    @Test
    void fullBandEqualsReferenceOnPlantedPairs() {
        Random rnd = new Random(11);
        PairwiseAligner aligner = new PairwiseAligner();
        int seededTrials = 0;
        for (int trial = 0; trial < 60; trial++) {
            String core = Sequences.random(rnd, 50 + rnd.nextInt(400));
            String a = Sequences.random(rnd, rnd.nextInt(80)) + core + Sequences.random(rnd, rnd.nextInt(80));
            String copy = mutate(rnd, core, 0.02 + 0.2 * rnd.nextDouble(), 0.03 * rnd.nextDouble(), 0.03 * rnd.nextDouble());
            boolean minus = trial % 2 == 1;
            String b = Sequences.random(rnd, rnd.nextInt(80)) + copy + Sequences.random(rnd, rnd.nextInt(80));
            if (minus) {
                b = Sequences.revcomp(b);
            }
            byte[] ca = Dna.encode(a), cb = Dna.encode(b);
            Strand strand = minus ? Strand.MINUS : Strand.PLUS;
            Alignment expected = minus ? referenceMinus(ca, cb, null, null) : ReferenceAligner.align(ca, cb, SC, null, null);
            Alignment got = aligner.align(ca, cb, Band.full(strand, ca.length, cb.length));
            assertEquals(expected, got, "trial " + trial);
            // the seed step's band holds the same best alignment, when the pair shares a k-mer at all
            Alignment seeded = aligner.align(ca, cb);
            if (aligner.band(ca, cb, strand) != null) {
                assertEquals(expected, seeded, "seeded, trial " + trial);
                seededTrials++;
            } else if (aligner.band(ca, cb, minus ? Strand.PLUS : Strand.MINUS) == null) {
                assertTrue(seeded.isEmpty(), "no seed, trial " + trial);
            }
        }
        assertTrue(seededTrials >= 50, seededTrials + " trials had seeds");
    }

    @Test
    void narrowBandEqualsBandedReference() {
        Random rnd = new Random(5);
        PairwiseAligner aligner = new PairwiseAligner();
        for (int trial = 0; trial < 80; trial++) {
            byte[] a = Dna.encode(Sequences.random(rnd, 1 + rnd.nextInt(150)));
            byte[] b = Dna.encode(rnd.nextBoolean() ? mutate(rnd, Dna.decode(a), 0.1, 0.05, 0.05)
                    : Sequences.random(rnd, 1 + rnd.nextInt(150)));
            int lo = rnd.nextInt(61) - 40;
            int hi = lo + rnd.nextInt(30);
            boolean minus = rnd.nextBoolean();
            Alignment expected = minus ? referenceMinus(a, b, lo, hi) : ReferenceAligner.align(a, b, SC, lo, hi);
            Alignment got = aligner.align(a, b, Band.of(minus ? Strand.MINUS : Strand.PLUS, lo, hi));
            assertEquals(expected, got, "trial " + trial + " band [" + lo + ", " + hi + "]");
        }
    }

    @Test
    void oneDeletionIsOneGapColumn() {
        Random rnd = new Random(3);
        String x = Sequences.random(rnd, 40);
        String y = x.substring(0, 20) + x.substring(21);
        Alignment al = new PairwiseAligner().align(Dna.encode(x), Dna.encode(y));
        // 39 matches (+78) and one gap (-7) beat either ungapped half (40 or 38)
        assertEquals(Strand.PLUS, al.strand());
        assertEquals(71, al.score());
        assertEquals(39, al.matches());
        assertEquals(0, al.mismatches());
        assertEquals(1, al.gapColumns());
        assertEquals(40, al.columns());
        assertEquals(39.0 / 40, al.identity());
        assertEquals(0, al.startA());
        assertEquals(40, al.endA());
        assertEquals(0, al.startB());
        assertEquals(39, al.endB());
        assertEquals(1.0, al.coverageA());
        assertEquals(1.0, al.coverageB());
    }

    @Test
    void minusStrandCoordinatesAreOnTheForwardStrand() {
        Random rnd = new Random(8);
        String x = Sequences.random(rnd, 200);
        String left = Sequences.random(rnd, 30), right = Sequences.random(rnd, 50);
        // b = left + revcomp(x) + right: x's reverse complement occupies [30, 230) of b
        String b = left + Sequences.revcomp(x) + right;
        Alignment al = new PairwiseAligner().align(Dna.encode(x), Dna.encode(b));
        assertEquals(Strand.MINUS, al.strand());
        assertEquals(200, al.matches());
        assertEquals(0, al.startA());
        assertEquals(200, al.endA());
        assertEquals(30, al.startB());
        assertEquals(230, al.endB());
        assertEquals(1.0, al.identity());
        assertEquals(1.0, al.coverageA());
        assertEquals(200.0 / 280, al.coverageB());
        assertEquals(1.0, al.coverageOfShorter());
    }

    @Test
    void invalidBasesMatchNothing() {
        PairwiseAligner aligner = new PairwiseAligner();
        byte[] n = Dna.encode("NNNNNNNNNNNNNNNNNNNN");
        Alignment none = aligner.align(n, n, Band.full(Strand.PLUS, n.length, n.length));
        assertTrue(none.isEmpty());
        assertEquals(0.0, none.identity());
        assertEquals(0.0, none.coverageA());
        // ACGTACGTAC N ACGTACGTAC against itself: 20 matches and the N as a mismatch (40 - 3 > 20)
        byte[] s = Dna.encode("ACGTACGTACNACGTACGTAC");
        Alignment al = aligner.align(s, s, Band.full(Strand.PLUS, s.length, s.length));
        assertEquals(20, al.matches());
        assertEquals(1, al.mismatches());
        assertEquals(37, al.score());
        assertEquals(20.0 / 21, al.identity());
        assertEquals(1.0, al.coverageA());
        // the seed step skips k-mers holding an N, and still finds the band
        Alignment seeded = new PairwiseAligner(SC, Seeding.DEFAULT.withK(5)).align(s, s);
        assertEquals(al, seeded);
    }

    @Test
    void emptyOverlapGivesEmptyAlignment() {
        PairwiseAligner aligner = new PairwiseAligner();
        byte[] a = Dna.encode("AAAAAAAAAAAAAAAAAAAAAAAAA");
        byte[] c = Dna.encode("CCCCCCCCCCCCCCCCCCCCCCCCC");
        // A's only k-mer is AAAAAAAAAAA; its reverse complement TTTTTTTTTTT is not in C either
        assertNull(aligner.band(a, c, Strand.PLUS));
        assertNull(aligner.band(a, c, Strand.MINUS));
        Alignment al = aligner.align(a, c);
        assertTrue(al.isEmpty());
        assertEquals(0, al.score());
        assertEquals(0.0, al.identity());
        assertEquals(0.0, al.coverageOfShorter());
        // but poly-T is poly-A's reverse complement
        Alignment rc = aligner.align(a, Dna.encode("TTTTTTTTTTTTTTTTTTTTTTTTT"));
        assertEquals(Strand.MINUS, rc.strand());
        assertEquals(25, rc.matches());
        // empty sequences and bands off the matrix
        byte[] empty = new byte[0];
        assertTrue(aligner.align(empty, a).isEmpty());
        assertTrue(aligner.align(a, empty).isEmpty());
        assertTrue(aligner.align(a, c, Band.of(Strand.PLUS, 30, 40)).isEmpty());
        assertTrue(aligner.align(a, c, Band.of(Strand.PLUS, -80, -30)).isEmpty());
    }

    @Test
    void seedBandFollowsIndelDrift() {
        // 2,000 bases with 5% insertions and no deletions: the copy drifts by about 100 diagonals
        Random rnd = new Random(21);
        PairwiseAligner aligner = new PairwiseAligner();
        String x = Sequences.random(rnd, 2000);
        String y = mutate(rnd, x, 0.05, 0.05, 0.0);
        byte[] a = Dna.encode(x), b = Dna.encode(y);
        Band band = aligner.band(a, b, Strand.PLUS);
        assertNotNull(band);
        assertTrue(band.minDiagonal() <= 0 && band.maxDiagonal() >= y.length() - x.length(), band.toString());
        assertTrue(band.width() < 400, band.toString());
        Alignment expected = ReferenceAligner.align(a, b, SC, null, null);
        assertEquals(expected, aligner.align(a, b));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Scoring(0, -3, -5, -2));
        assertThrows(IllegalArgumentException.class, () -> new Scoring(2, 1, -5, -2));
        assertThrows(IllegalArgumentException.class, () -> new Scoring(2, -3, 5, -2));
        assertThrows(IllegalArgumentException.class, () -> new Scoring(2, -3, -5, 0));
        assertThrows(IllegalArgumentException.class, () -> Seeding.DEFAULT.withK(13));
        assertThrows(IllegalArgumentException.class, () -> Band.of(Strand.PLUS, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Dna.encode("ACGU"));
        assertThrows(IllegalArgumentException.class, () -> new PairwiseAligner().align(null, new byte[1]));
        assertThrows(IllegalArgumentException.class,
                () -> new Alignment(Strand.PLUS, 1, 0, 5, 4, 0, 4, 4, 4, 0, 0));
    }
}
