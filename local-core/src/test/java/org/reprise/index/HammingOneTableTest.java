package org.reprise.index;

import org.junit.jupiter.api.Test;
import org.reprise.genome.Genome;
import org.reprise.seeds.CopyFinder;
import org.reprise.util.LongBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.reprise.testing.Sequences.random;
import static org.reprise.testing.Sequences.revcomp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bulk one-mismatch table against the per-k-mer neighbour enumeration it replaces. */
class HammingOneTableTest {

    @Test
    void boundsAndCopiesEqualPerKmerEnumeration() {
        Random rnd = new Random(7);
        for (int k : new int[] {5, 8, 11}) {
            Genome g = genome(rnd);
            KmerIndex index = KmerIndex.build(g, k);
            HammingOneTable table = HammingOneTable.build(index, 3);
            CopyFinder untandem = new CopyFinder(index, 1, 0);
            LongBuffer fwd = new LongBuffer(), rev = new LongBuffer(), expected = new LongBuffer();
            int checked = 0;
            for (int x = 0; x < index.distinctKmers(); x++) {
                long code = index.kmer(x);
                long rc = index.codec().reverseComplement(code);
                int bound = untandem.upperBound(code) + untandem.upperBound(rc);
                assertEquals(bound, table.bound(x), "bound of k-mer " + x + ", k=" + k);
                assertEquals(index.indexOf(rc), table.reverseComplementIndex(x));
                if (bound >= 3) {
                    table.positions(x, fwd, rev);
                    untandem.copies(code, expected);
                    assertArrayEquals(expected.toArray(), sorted(fwd), "forward copies, k=" + k);
                    untandem.copies(rc, expected);
                    assertArrayEquals(expected.toArray(), sorted(rev), "reverse copies, k=" + k);
                    checked++;
                }
            }
            assertTrue(checked > 50, "too few k-mers with copies to be a test: " + checked);
        }
    }

    private static long[] sorted(LongBuffer b) {
        long[] a = b.toArray();
        Arrays.sort(a);
        return a;
    }

    /** Three contigs of random bases with mutated copies of a few segments on both strands, and N runs. */
    private static Genome genome(Random rnd) {
        List<String> seqs = new ArrayList<>();
        String[] segments = {random(rnd, 60), random(rnd, 40), "ACGTTGCAACGTTGCA"};
        for (int c = 0; c < 3; c++) {
            StringBuilder s = new StringBuilder();
            for (int r = 0; r < 12; r++) {
                s.append(random(rnd, 30 + rnd.nextInt(200)));
                String seg = segments[rnd.nextInt(segments.length)];
                StringBuilder m = new StringBuilder(seg);
                for (int i = 0; i < 2; i++) {
                    m.setCharAt(rnd.nextInt(m.length()), "ACGT".charAt(rnd.nextInt(4)));
                }
                s.append(rnd.nextBoolean() ? m : revcomp(m.toString()));
                if (rnd.nextInt(5) == 0) {
                    s.append("NNNN");
                }
            }
            seqs.add(s.toString());
        }
        return Genome.ofLetters("t", List.of("c1", "c2", "c3"), seqs);
    }

}
