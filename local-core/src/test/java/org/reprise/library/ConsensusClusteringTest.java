package org.reprise.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reprise.align.Alignment;
import org.reprise.align.Dna;
import org.reprise.align.PairwiseAligner;
import org.reprise.align.Strand;
import org.reprise.parallel.Workers;
import org.reprise.testing.Sequences;

/** Greedy clustering on constructed sets whose clusters are known. */
class ConsensusClusteringTest {
    private static final ConsensusClustering DEFAULT = new ConsensusClustering();

    /** A copy with substitutions, insertions and deletions at the given per-base rates. */
    static String mutate(Random rnd, String s, double sub, double indel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            double x = rnd.nextDouble();
            if (x < indel / 2) {
                continue;
            }
            if (x < indel) {
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

    private static ClusteringResult cluster(ConsensusClustering c, List<String> seqs, long[] support, int threads) {
        List<byte[]> codes = new ArrayList<>();
        for (String s : seqs) {
            codes.add(Dna.encode(s));
        }
        try (Workers w = new Workers(threads)) {
            return c.cluster(codes, support, w);
        }
    }

    @Test
    void twoFamiliesInFragmentsAndReverseComplements() {
        Random rnd = new Random(42);
        String f1 = Sequences.random(rnd, 1000), f2 = Sequences.random(rnd, 600);
        List<String> seqs = new ArrayList<>();
        List<Integer> family = new ArrayList<>();
        List<long[]> origin = new ArrayList<>(); // start, end on the consensus, reverse? (1/0)
        List<Long> support = new ArrayList<>();
        // the consensi themselves, with the most support: they become the representatives
        seqs.add(f1);
        family.add(1);
        origin.add(new long[] {0, 1000, 0});
        support.add(100L);
        seqs.add(f2);
        family.add(2);
        origin.add(new long[] {0, 600, 0});
        support.add(90L);
        for (int i = 0; i < 12; i++) {
            int fam = i % 2 == 0 ? 1 : 2;
            String cons = fam == 1 ? f1 : f2;
            int len = 300 + rnd.nextInt(cons.length() - 300 + 1);
            int start = rnd.nextInt(cons.length() - len + 1);
            String frag = mutate(rnd, cons.substring(start, start + len), 0.04, 0.004);
            boolean reverse = i % 3 == 0;
            seqs.add(reverse ? Sequences.revcomp(frag) : frag);
            family.add(fam);
            origin.add(new long[] {start, start + len, reverse ? 1 : 0});
            support.add((long) rnd.nextInt(50));
        }
        for (int i = 0; i < 3; i++) {
            seqs.add(Sequences.random(rnd, 500));
            family.add(0);
            origin.add(null);
            support.add(1000L); // unrelated, and first in order: they must stay alone
        }
        long[] sup = support.stream().mapToLong(Long::longValue).toArray();
        ClusteringResult r = cluster(DEFAULT, seqs, sup, 2);
        assertEquals(5, r.clusterCount());
        for (int s = 0; s < seqs.size(); s++) {
            if (family.get(s) == 0) {
                assertTrue(r.isRepresentative(s));
                assertEquals(1, r.members(r.clusterOf(s)).length);
                continue;
            }
            int rep = family.get(s) == 1 ? 0 : 1;
            assertEquals(rep, r.representativeOf(s), "sequence " + s);
            if (s == rep) {
                assertTrue(r.isRepresentative(s));
                assertNull(r.alignment(s));
                continue;
            }
            Alignment a = r.alignment(s);
            long[] o = origin.get(s);
            assertEquals(o[2] == 1 ? Strand.MINUS : Strand.PLUS, a.strand(), "sequence " + s);
            assertTrue(Math.abs(a.startA() - o[0]) <= 10 && Math.abs(a.endA() - o[1]) <= 10,
                    "sequence " + s + " from [" + o[0] + ", " + o[1] + "): " + a);
            assertTrue(a.coverageB() >= 0.95, a.toString());
            assertTrue(a.identity() >= 0.9, a.toString());
        }
        // members: the representative first, then the processing order (support descending)
        int[] members = r.members(r.clusterOf(0));
        assertEquals(0, members[0]);
        assertEquals(7, members.length);
        for (int i = 2; i < members.length; i++) {
            assertTrue(sup[members[i - 1]] >= sup[members[i]]);
        }
        // clusters are numbered in the order their representatives were made: the unrelated three first
        assertEquals(3, r.clusterOf(0));
        assertEquals(4, r.clusterOf(1));
        assertEquals(0, r.representative(0) - seqs.size() + 3);
    }

    /** X, and X with d substitutions at every fourth base from base 50 (a 1,000-base full-length alignment). */
    private static String[] substituted(int d) {
        Random rnd = new Random(9);
        String x = Sequences.random(rnd, 1000);
        char[] y = x.toCharArray();
        for (int i = 0; i < d; i++) {
            int p = 50 + 4 * i;
            y[p] = "ACGT".charAt(("ACGT".indexOf(y[p]) + 1) % 4);
        }
        return new String[] {x, new String(y)};
    }

    @Test
    void identityJustAboveAndBelowTheThreshold() {
        for (int d : new int[] {199, 200, 201}) {
            String[] xy = substituted(d);
            Alignment a = new PairwiseAligner().align(Dna.encode(xy[0]), Dna.encode(xy[1]));
            // three matches (+6) then a mismatch (-3): the whole length is the best local alignment
            assertEquals(1000, a.columns());
            assertEquals(1000 - d, a.matches());
            ClusteringResult r = cluster(DEFAULT, List.of(xy[0], xy[1]), new long[] {2, 1}, 1);
            assertEquals(d <= 200 ? 1 : 2, r.clusterCount(), "identity " + a.identity());
        }
    }

    @Test
    void coverageJustAboveAndBelowTheThreshold() {
        Random rnd = new Random(4);
        String x = Sequences.random(rnd, 1000);
        for (int kept : new int[] {799, 800, 801}) {
            // the first `kept` bases of x, then bases that differ from x's at every offset near the diagonal
            StringBuilder y = new StringBuilder(x.substring(0, kept));
            for (int i = kept; i < 1000; i++) {
                int avoid = 0;
                for (int off = -3; off <= 3; off++) {
                    if (i + off >= 0 && i + off < 1000) {
                        avoid |= 1 << "ACGT".indexOf(x.charAt(i + off));
                    }
                }
                int b = 0;
                while ((avoid >> b & 1) == 1 && b < 3) {
                    b++;
                }
                y.append("ACGT".charAt(b));
            }
            Alignment a = new PairwiseAligner().align(Dna.encode(x), Dna.encode(y.toString()));
            assertEquals(kept, a.endA() - a.startA(), a.toString());
            assertEquals(kept / 1000.0, a.coverageOfShorter());
            ClusteringResult r = cluster(DEFAULT, List.of(x, y.toString()), new long[] {2, 1}, 1);
            assertEquals(kept >= 800 ? 1 : 2, r.clusterCount(), "coverage " + a.coverageOfShorter());
        }
    }

    /**
     * Families of fragments, and chains of four (each link 13% substitutions from the previous
     * one: about 87% identity to its neighbours, 76% two links apart), the chains first in order.
     */
    private static List<String> mixedSet(Random rnd, List<Long> support) {
        List<String> seqs = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            String cons = Sequences.random(rnd, 80 + rnd.nextInt(1200));
            int n = 1 + rnd.nextInt(10);
            for (int i = 0; i < n; i++) {
                String s = mutate(rnd, cons, 0.08 * rnd.nextDouble(), 0.01);
                if (rnd.nextInt(3) == 0 && s.length() > 120) {
                    int len = 60 + rnd.nextInt(s.length() - 60);
                    int start = rnd.nextInt(s.length() - len + 1);
                    s = s.substring(start, start + len);
                }
                seqs.add(rnd.nextBoolean() ? Sequences.revcomp(s) : s);
                support.add((long) rnd.nextInt(4));
            }
        }
        for (int c = 0; c < 8; c++) {
            String s = Sequences.random(rnd, 300 + rnd.nextInt(700));
            for (int link = 0; link < 4; link++) {
                seqs.add(s);
                support.add(10L - link); // the chains first, in order, within the first block
                s = mutate(rnd, s, 0.13, 0.0);
            }
        }
        return seqs;
    }

    @Test
    void sameResultWithOneAndThreeThreadsAnyBlockSizeAndAsTheAllPairsGreedy() {
        Random rnd = new Random(2024);
        List<Long> supportList = new ArrayList<>();
        List<String> seqs = mixedSet(rnd, supportList);
        long[] support = supportList.stream().mapToLong(Long::longValue).toArray();
        ClusteringResult one = cluster(DEFAULT, seqs, support, 1);
        assertEquals(one, cluster(DEFAULT, seqs, support, 3));
        assertEquals(one, cluster(DEFAULT.withBlockSize(13), seqs, support, 3));
        assertEquals(one, cluster(DEFAULT.withBlockSize(1), seqs, support, 1));

        // the greedy rule applied literally: every sequence against every representative, in order
        List<byte[]> codes = new ArrayList<>();
        for (String s : seqs) {
            codes.add(Dna.encode(s));
        }
        int[] order = ConsensusClustering.processingOrder(codes, support);
        PairwiseAligner aligner = new PairwiseAligner();
        List<int[]> kmers = new ArrayList<>(), reverseKmers = new ArrayList<>();
        for (byte[] c : codes) {
            kmers.add(kmers(c));
            reverseKmers.add(kmers(Dna.reverseComplement(c)));
        }
        List<Integer> reps = new ArrayList<>();
        int[] expected = new int[seqs.size()];
        for (int s : order) {
            int joined = -1;
            for (int c = 0; c < reps.size() && joined < 0; c++) {
                int r = reps.get(c);
                // align() finds nothing without a shared k-mer on either strand: skip those pairs
                if (disjoint(kmers.get(r), kmers.get(s)) && disjoint(kmers.get(r), reverseKmers.get(s))) {
                    continue;
                }
                if (DEFAULT.accepts(aligner.align(codes.get(r), codes.get(s)))) {
                    joined = c;
                }
            }
            if (joined < 0) {
                joined = reps.size();
                reps.add(s);
            }
            expected[s] = joined;
        }
        int[] got = new int[seqs.size()];
        for (int s = 0; s < got.length; s++) {
            got[s] = one.clusterOf(s);
        }
        assertArrayEquals(expected, got);
        // the chains: link 1 joins link 0; link 2 matches link 1 only, which is no representative,
        // so it looks further and becomes one (step 3 of a block); link 3 joins link 2
        int chains = seqs.size() - 32;
        for (int c = 0; c < 8; c++) {
            int first = chains + 4 * c;
            assertTrue(one.isRepresentative(first), "chain " + c);
            assertEquals(first, one.representativeOf(first + 1), "chain " + c);
            assertTrue(one.isRepresentative(first + 2), "chain " + c);
            assertEquals(first + 2, one.representativeOf(first + 3), "chain " + c);
        }
        assertTrue(one.clusterCount() < seqs.size() / 2, one.clusterCount() + " clusters");
    }

    /** The 11-mers of a sequence (as codes), sorted, for the reference's shortcut. */
    private static int[] kmers(byte[] c) {
        java.util.stream.IntStream.Builder set = java.util.stream.IntStream.builder();
        for (int i = 0; i + 11 <= c.length; i++) {
            int code = 0;
            boolean valid = true;
            for (int j = i; j < i + 11; j++) {
                valid &= c[j] < 4;
                code = code << 2 | (c[j] & 3);
            }
            if (valid) {
                set.add(code);
            }
        }
        return set.build().sorted().toArray();
    }

    private static boolean disjoint(int[] x, int[] y) {
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                return false;
            }
            if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return true;
    }

    @Test
    void processingOrderIsSupportThenLengthThenInput() {
        List<byte[]> s = List.of(new byte[5], new byte[9], new byte[5], new byte[9], new byte[7]);
        long[] support = {1, 1, 2, 1, 1};
        assertArrayEquals(new int[] {2, 1, 3, 4, 0}, ConsensusClustering.processingOrder(s, support));
    }

    @Test
    void emptyAndDegenerateInputs() {
        try (Workers w = new Workers(2)) {
            ClusteringResult none = DEFAULT.cluster(List.of(), new long[0], w);
            assertEquals(0, none.clusterCount());
            // empty sequences and all-N sequences match nothing: each its own cluster
            ClusteringResult odd = DEFAULT.cluster(List.of(new byte[0], Dna.encode("NNNNNNNNNNNNNNNNNNNN"), new byte[0]),
                    new long[3], w);
            assertEquals(3, odd.clusterCount());
            assertFalse(Arrays.equals(odd.members(0), odd.members(1)));
            assertThrows(IllegalArgumentException.class, () -> DEFAULT.cluster(List.of(new byte[3]), new long[2], w));
            assertThrows(IllegalArgumentException.class, () -> DEFAULT.cluster(null, new long[0], w));
            List<byte[]> withNull = new ArrayList<>();
            withNull.add(null);
            assertThrows(IllegalArgumentException.class, () -> DEFAULT.cluster(withNull, new long[1], w));
        }
        assertThrows(IllegalArgumentException.class,
                () -> new ConsensusClustering(0, 0.8, org.reprise.align.Scoring.BLASTN, org.reprise.align.Seeding.DEFAULT));
        assertThrows(IllegalArgumentException.class,
                () -> new ConsensusClustering(0.8, 1.2, org.reprise.align.Scoring.BLASTN, org.reprise.align.Seeding.DEFAULT));
    }
}
