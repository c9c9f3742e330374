package org.reprise.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reprise.testing.Sequences;

/** The candidate search: which indexed sequences a query is aligned to, and with which band. */
class SequenceIndexTest {
    private static final SequenceIndex.SeedThreshold ANY = (t, q, span) -> 1;

    private static SequenceIndex index(String... seqs) {
        SequenceIndex idx = new SequenceIndex(Seeding.DEFAULT, Scoring.BLASTN);
        for (String s : seqs) {
            idx.add(Dna.encode(s));
        }
        return idx;
    }

    @Test
    void findsRelatedSequencesOnEitherStrand() {
        Random rnd = new Random(1);
        String x = Sequences.random(rnd, 800), y = Sequences.random(rnd, 800), z = Sequences.random(rnd, 300);
        SequenceIndex idx = index(x, y, z);
        String query = Sequences.revcomp(PairwiseAlignerTest.mutate(rnd, x.substring(100, 700), 0.05, 0.01, 0.01))
                + z.substring(0, 200);
        List<SequenceIndex.Candidate> c = idx.searcher().candidates(Dna.encode(query), 0, 3, ANY);
        assertEquals(2, c.size(), c.toString());
        assertEquals(0, c.get(0).id());
        assertEquals(Strand.MINUS, c.get(0).band().strand());
        assertEquals(2, c.get(1).id());
        assertEquals(Strand.PLUS, c.get(1).band().strand());
        // the band holds the alignment the full matrix finds
        PairwiseAligner aligner = new PairwiseAligner();
        byte[] q = Dna.encode(query);
        assertEquals(aligner.align(Dna.encode(x), q, Band.full(Strand.MINUS, 800, q.length)),
                aligner.align(Dna.encode(x), q, c.get(0).band()));
        // id ranges
        assertEquals(1, idx.searcher().candidates(q, 1, 3, ANY).size());
        assertEquals(1, idx.searcher().candidates(q, 0, 1, ANY).size());
        assertEquals(0, idx.searcher().candidates(q, 1, 2, ANY).size());
        assertThrows(IllegalArgumentException.class, () -> idx.searcher().candidates(q, 2, 4, ANY));
        // a threshold above the seeds there are
        assertEquals(0, idx.searcher().candidates(q, 0, 3, (t, l, span) -> 100_000).size());
    }

    @Test
    void clearForgetsEverything() {
        Random rnd = new Random(2);
        String x = Sequences.random(rnd, 500), y = Sequences.random(rnd, 500);
        SequenceIndex idx = index(x);
        SequenceIndex.Searcher s = idx.searcher();
        assertEquals(1, s.candidates(Dna.encode(x), 0, 1, ANY).size());
        idx.clear();
        assertEquals(0, idx.size());
        assertEquals(0, idx.add(Dna.encode(y)));
        assertEquals(0, s.candidates(Dna.encode(x), 0, 1, ANY).size());
        assertEquals(1, s.candidates(Dna.encode(y), 0, 1, ANY).size());
    }

    @Test
    void oneChanceSeedIsNoCandidateButAShortHomologIs() {
        Random rnd = new Random(3);
        String target = Sequences.random(rnd, 3000);
        String query = Sequences.random(rnd, 200);
        // plant one 11-mer of the target into the query, flanked by bases that differ from the target's
        char[] q = query.toCharArray();
        int at = 90, from = 1500;
        for (int i = -3; i < 14; i++) {
            char t = target.charAt(from + i);
            q[at + i] = i >= 0 && i < 11 ? t : "ACGT".charAt(("ACGT".indexOf(t) + 1) % 4);
        }
        SequenceIndex idx = index(target);
        assertEquals(0, idx.searcher().candidates(Dna.encode(new String(q)), 0, 1, ANY).size());
        // 60 bases of the target at 95%: a real homolog with few seeds, which extends
        String homolog = Sequences.mutate(rnd, target.substring(2000, 2060), 3);
        List<SequenceIndex.Candidate> c = idx.searcher().candidates(Dna.encode(homolog), 0, 1, ANY);
        assertEquals(1, c.size());
        assertTrue(c.get(0).band().minDiagonal() <= -2000 && c.get(0).band().maxDiagonal() >= -2000, c.toString());
    }

    @Test
    void spanBoundsAreExact() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 500; trial++) {
            int la = 1 + rnd.nextInt(40), lb = 1 + rnd.nextInt(40);
            int lo = rnd.nextInt(100) - 60, hi = lo + rnd.nextInt(30);
            Band band = Band.of(Strand.PLUS, lo, hi);
            boolean[] inA = new boolean[la], inB = new boolean[lb];
            for (int i = 0; i < la; i++) {
                for (int d = lo; d <= hi; d++) {
                    if (i + d >= 0 && i + d < lb) {
                        inA[i] = true;
                        inB[i + d] = true;
                    }
                }
            }
            int spanA = 0, spanB = 0;
            for (boolean b : inA) {
                spanA += b ? 1 : 0;
            }
            for (boolean b : inB) {
                spanB += b ? 1 : 0;
            }
            assertEquals(spanA, band.maxSpanA(la, lb), band + " " + la + "x" + lb);
            assertEquals(spanB, band.maxSpanB(la, lb), band + " " + la + "x" + lb);
        }
    }

    @Test
    void seedThresholdIsMonotoneAndKeepsPairsAtTheThreshold() {
        Seeding s = Seeding.DEFAULT;
        for (int c = 0, last = 0; c < 20_000; c += 7) {
            int m = s.minimumSeeds(c, 0.8);
            assertTrue(m >= last && m >= 1, "columns " + c);
            last = m;
        }
        // pairs at about 81% identity (5% of the differences insertions, 5% deletions), full length:
        // almost all must reach the clustering threshold (over 0.8 x the shorter, or the seed span)
        Random rnd = new Random(5);
        PairwiseAligner aligner = new PairwiseAligner();
        int acceptable = 0, lost = 0, low = 0, lowPassed = 0;
        for (int len : new int[] {300, 1000, 3000}) {
            for (int t = 0; t < 60; t++) {
                String x = Sequences.random(rnd, len);
                double div = 0.19;
                String y = PairwiseAlignerTest.mutate(rnd, x, div * 0.9, div * 0.05, div * 0.05);
                byte[] a = Dna.encode(x), b = Dna.encode(y);
                Alignment full = aligner.align(a, b, Band.full(Strand.PLUS, a.length, b.length));
                Band band = aligner.band(a, b, Strand.PLUS);
                int need = s.minimumSeeds(Math.max(band == null ? 0 : band.seedSpan(),
                        (int) Math.ceil(0.8 * Math.min(a.length, b.length))), 0.8);
                boolean passes = band != null && band.support() >= need;
                if (full.identity() >= 0.8 && full.coverageOfShorter() >= 0.8) {
                    acceptable++;
                    lost += passes ? 0 : 1;
                }
                // and pairs at about 70% over 3,000 bases are mostly not aligned at all
                if (len == 3000) {
                    String z = PairwiseAlignerTest.mutate(rnd, x, 0.27, 0.015, 0.015);
                    Band zb = aligner.band(a, Dna.encode(z), Strand.PLUS);
                    low++;
                    lowPassed += zb != null && zb.support() >= s.minimumSeeds(Math.max(zb.seedSpan(), 2400), 0.8) ? 1 : 0;
                }
            }
        }
        assertTrue(acceptable >= 100, acceptable + " acceptable pairs");
        assertTrue(lost <= acceptable / 50, lost + " of " + acceptable + " acceptable pairs below the seed threshold");
        assertTrue(lowPassed <= low / 5, lowPassed + " of " + low + " pairs at 70% identity pass");
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> new SequenceIndex(null, Scoring.BLASTN));
        assertThrows(IllegalArgumentException.class, () -> index().add(null));
        assertThrows(IllegalArgumentException.class, () -> index().searcher().candidates(null, 0, 0, ANY));
        assertNotNull(index().searcher().candidates(new byte[0], 0, 0, ANY));
    }
}
