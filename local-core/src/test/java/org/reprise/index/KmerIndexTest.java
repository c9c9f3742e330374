package org.reprise.index;

import static org.reprise.testing.Sequences.mutate;
import static org.reprise.testing.Sequences.random;
import static org.reprise.testing.Sequences.revcomp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprise.genome.Genome;
import org.reprise.seeds.CopyFinder;
import org.reprise.util.IntBuffer;
import org.reprise.util.LongBuffer;

/**
 * KmerIndex and CopyFinder against a brute-force oracle that scans every position of every contig of
 * random genomes with N runs, planted (approximate, both-strand, tandem and contig-end) repeats.
 */
class KmerIndexTest {
    private static final String ACGT = "ACGT";

    /** Test genomes: one with the planted features below, one with many small contigs. */
    private static final List<String[]> GENOMES = new ArrayList<>();  // [names..., sequences...] halves
    private static final List<Genome> BUILT = new ArrayList<>();

    @BeforeAll
    static void makeGenomes() {
        GENOMES.add(plantedGenome(new Random(20240601L)));
        GENOMES.add(manySmallContigs(new Random(99L)));
        for (String[] g : GENOMES) {
            int n = g.length / 2;
            BUILT.add(Genome.ofLetters("test", Arrays.asList(g).subList(0, n), Arrays.asList(g).subList(n, 2 * n)));
        }
    }

    private static void put(StringBuilder target, int at, String s) {
        target.replace(at, at + s.length(), s);
    }

    /**
     * Five contigs: an empty one, one shorter than any k, and three with a 60-bp segment planted
     * exactly, reverse-complemented and with substitutions; two copies 60 bases apart (tandem for
     * tandemdist 500), a microsatellite with period 7 (tandem for 10), copies at the very end of one
     * contig and the very start of the next (close in genome coordinates, but never tandem), N runs,
     * and an N inside one copy.
     */
    private static String[] plantedGenome(Random rnd) {
        String seg = random(rnd, 60);
        StringBuilder c0 = new StringBuilder(random(rnd, 4000));
        StringBuilder c2 = new StringBuilder(random(rnd, 2500));
        StringBuilder c3 = new StringBuilder(random(rnd, 3000));
        put(c0, 100, seg);
        put(c0, 160, seg);                                  // 60 after the previous copy
        put(c0, 700, mutate(rnd, seg, 1));
        put(c0, 1300, revcomp(seg));
        put(c0, 1900, revcomp(mutate(rnd, seg, 2)));
        put(c0, 2500, "NNNNNNNNNNNNNNNNNNNNNNNNN");
        put(c0, 2600, "ACGTTGA".repeat(12));                // period 7
        put(c0, 3200, "CCATG".repeat(20));                  // period 5
        String copyWithN = seg.substring(0, 30) + "N" + seg.substring(31);
        put(c0, 3000, copyWithN);
        put(c0, 4000 - 60, seg);                            // ends the contig
        put(c2, 0, seg);                                    // starts the next non-trivial contig
        put(c2, 61, mutate(rnd, seg, 3));
        put(c2, 800, revcomp(seg));
        put(c2, 1500, "NNNNNNNNNN");
        put(c2, 1510, "ACGTTGA".repeat(6));
        put(c2, 2500 - 60, revcomp(mutate(rnd, seg, 1)));
        put(c3, 5, "N".repeat(200));
        put(c3, 900, seg);
        put(c3, 1000, seg.substring(0, 20));                // partial copy
        put(c3, 1400, "ACGTTGA".repeat(10));
        put(c3, 2000, mutate(rnd, seg, 2));
        put(c3, 2063, mutate(rnd, seg, 2));
        return new String[] {"c0", "empty", "tiny", "c2", "c3", "tail",
            c0.toString(), "", "ACG", c2.toString(), c3.toString(), seg.substring(0, 15)};
    }

    /** Forty small contigs (0..200 bases), each starting with the same 14 bases, some with N. */
    private static String[] manySmallContigs(Random rnd) {
        int n = 40;
        String[] g = new String[2 * n];
        String head = random(rnd, 14);
        for (int c = 0; c < n; c++) {
            g[c] = "s" + c;
            int len = rnd.nextInt(5) == 0 ? rnd.nextInt(6) : 20 + rnd.nextInt(180);
            StringBuilder s = new StringBuilder(random(rnd, len));
            if (len >= 14) {
                put(s, 0, head);
            }
            if (len > 40 && rnd.nextBoolean()) {
                put(s, 20 + rnd.nextInt(len - 40), "N".repeat(1 + rnd.nextInt(5)));
            }
            g[n + c] = s.toString();
        }
        return g;
    }

    // ---------------------------------------------------------------- oracle

    /** Brute force: every k-mer of every contig made of A, C, G, T only, by code, positions ascending. */
    private static TreeMap<Long, List<Integer>> oracleOccurrences(Genome genome, String[] g, int k) {
        int n = g.length / 2;
        TreeMap<Long, List<Integer>> occ = new TreeMap<>();
        long contigStart = 0;
        for (int c = 0; c < n; c++) {
            String seq = g[n + c];
            assertEquals(contigStart, genome.contig(c).start());
            for (int i = 0; i + k <= seq.length(); i++) {
                long code = 0;
                boolean valid = true;
                for (int j = 0; j < k && valid; j++) {
                    int b = ACGT.indexOf(Character.toUpperCase(seq.charAt(i + j)));
                    valid = b >= 0;
                    code = code * 4 + Math.max(b, 0);
                }
                if (valid) {
                    occ.computeIfAbsent(code, x -> new ArrayList<>()).add((int) (contigStart + i));
                }
            }
            contigStart += seq.length();
        }
        return occ;
    }

    private static int mismatches(long a, long b, int k) {
        int d = 0;
        for (int i = 0; i < k; i++) {
            if (((a >>> (2 * i)) & 3) != ((b >>> (2 * i)) & 3)) {
                d++;
            }
        }
        return d;
    }

    private static int contigOf(String[] g, long pos) {
        int n = g.length / 2;
        long start = 0;
        for (int c = 0; c < n; c++) {
            long end = start + g[n + c].length();
            if (pos >= start && pos < end) {
                return c;
            }
            start = end;
        }
        throw new AssertionError("position " + pos + " outside the test genome");
    }

    private static Set<Long> oracleNeighbours(Map<Long, List<Integer>> occ, long q, int k, int dist) {
        Set<Long> out = new HashSet<>();
        long[] keys = occ.keySet().stream().mapToLong(Long::longValue).toArray();
        for (long code : keys) {
            if (mismatches(code, q, k) <= dist) {
                out.add(code);
            }
        }
        return out;
    }

    private static int[] oracleUnfiltered(Map<Long, List<Integer>> occ, Set<Long> neighbours) {
        List<Integer> all = new ArrayList<>();
        for (long code : neighbours) {
            all.addAll(occ.get(code));
        }
        return all.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The tandem filter of docs/ALGORITHM.md on a sorted list, never across two contigs. */
    private static int[] oracleTandemFilter(String[] g, int[] sorted, int tandemDist) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            boolean tandem = i > 0 && sorted[i] - sorted[i - 1] < tandemDist
                    && contigOf(g, sorted[i]) == contigOf(g, sorted[i - 1]);
            if (!tandem) {
                kept.add(sorted[i]);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long rc(long code, int k) {
        long r = 0;
        for (int i = 0; i < k; i++) {
            r = (r << 2) | (3 - (code & 3));
            code >>>= 2;
        }
        return r;
    }

    /** Queries: every k-mer of the planted genome (or a sample), their reverse complements, absent codes. */
    private static List<Long> queries(TreeMap<Long, List<Integer>> occ, int k, Random rnd, int sample) {
        Set<Long> q = new LinkedHashSet<>();
        // the most frequent k-mers first (the planted ones), then a random sample
        occ.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).limit(sample / 2)
                .forEach(e -> q.add(e.getKey()));
        List<Long> keys = new ArrayList<>(occ.keySet());
        while (q.size() < sample && q.size() < keys.size()) {
            q.add(keys.get(rnd.nextInt(keys.size())));
        }
        List<Long> out = new ArrayList<>();
        for (long c : q) {
            out.add(c);
            out.add(rc(c, k));
        }
        long mask = (1L << (2 * k)) - 1;
        for (int i = 0; i < 20; i++) {
            out.add(rnd.nextLong() & mask);
        }
        out.add(0L);       // AAAA...
        out.add(mask);     // TTTT...
        return out;
    }

    static List<Arguments> kAndGenome() {
        List<Arguments> a = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            for (int k : new int[] {5, 8, 12, 22}) {  // 22: a 32-bit suffix beside the 6-base prefix
                a.add(Arguments.of(g, k));
            }
        }
        return a;
    }

    static List<Arguments> kDistGenome() {
        List<Arguments> a = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            for (int k : new int[] {5, 8, 12}) {
                for (int d = 0; d <= 2; d++) {
                    a.add(Arguments.of(g, k, d));
                }
            }
        }
        return a;
    }

    // ---------------------------------------------------------------- tests

    @ParameterizedTest(name = "genome {0}, k={1}")
    @MethodSource("kAndGenome")
    void occurrenceListsEqualBruteForce(int g, int k) {
        Genome genome = BUILT.get(g);
        TreeMap<Long, List<Integer>> occ = oracleOccurrences(genome, GENOMES.get(g), k);
        KmerIndex index = KmerIndex.build(genome, k);
        assertEquals(k, index.k());
        assertEquals(occ.size(), index.distinctKmers());
        assertEquals(occ.values().stream().mapToInt(List::size).sum(), index.positionCount());
        int i = 0;
        for (Map.Entry<Long, List<Integer>> e : occ.entrySet()) {
            assertEquals(e.getKey(), index.kmer(i), "k-mer " + i + " (ascending codes)");
            assertEquals(i, index.indexOf(e.getKey()));
            assertEquals(e.getValue().size(), index.occurrenceCount(i));
            int[] got = new int[index.occurrenceCount(i)];
            for (int s = index.occurrenceStart(i), w = 0; s < index.occurrenceEnd(i); s++) {
                got[w++] = index.position(s);
            }
            assertArrayEquals(e.getValue().stream().mapToInt(Integer::intValue).toArray(), got,
                    "positions of " + index.codec().decode(e.getKey()));
            i++;
        }
        // absent codes
        Random rnd = new Random(k);
        long mask = (1L << (2 * k)) - 1;
        for (int t = 0; t < 500; t++) {
            long code = rnd.nextLong() & mask;
            assertEquals(occ.containsKey(code), index.indexOf(code) >= 0, "indexOf " + code);
        }
    }

    @ParameterizedTest(name = "genome {0}, k={1}, dist={2}")
    @MethodSource("kDistGenome")
    void neighboursAndCopiesEqualBruteForce(int g, int k, int dist) {
        Genome genome = BUILT.get(g);
        String[] spec = GENOMES.get(g);
        TreeMap<Long, List<Integer>> occ = oracleOccurrences(genome, spec, k);
        KmerIndex index = KmerIndex.build(genome, k);
        IntBuffer nb = new IntBuffer(1);
        LongBuffer buf = new LongBuffer(1);
        LongBuffer scratch = new LongBuffer(1);
        CopyFinder[] finders = {new CopyFinder(index, dist, 0), new CopyFinder(index, dist, 10),
            new CopyFinder(index, dist, 500)};
        int[] tandemDists = {0, 10, 500};
        int droppedByTandem = 0;
        int multiCopy = 0;
        for (long q : queries(occ, k, new Random(31L * k + dist), k == 5 ? 60 : 100)) {
            String label = index.codec().decode(q) + " dist " + dist;
            int n = index.neighbours(q, dist, nb);
            assertEquals(nb.size(), n);
            Set<Long> got = new HashSet<>();
            for (int i = 0; i < n; i++) {
                assertTrue(got.add(index.kmer(nb.get(i))), "neighbour listed twice for " + label);
            }
            Set<Long> expectedNeighbours = oracleNeighbours(occ, q, k, dist);
            assertEquals(expectedNeighbours, got, "neighbours of " + label);

            int[] unfiltered = oracleUnfiltered(occ, expectedNeighbours);
            for (int f = 0; f < finders.length; f++) {
                int[] expected = oracleTandemFilter(spec, unfiltered, tandemDists[f]);
                int c = finders[f].copies(q, buf);
                assertEquals(buf.size(), c);
                assertArrayEquals(Arrays.stream(expected).asLongStream().toArray(), buf.toArray(), "copies of " + label + " tandemdist " + tandemDists[f]);
                assertEquals(expected.length, finders[f].count(q, scratch), "count of " + label + " tandemdist " + tandemDists[f]);
                int ub = finders[f].upperBound(q);
                assertTrue(ub >= expected.length, "upperBound of " + label);
                assertEquals(unfiltered.length, ub, "upperBound = copies before the tandem filter, " + label);
                droppedByTandem += unfiltered.length - expected.length;
                multiCopy += expected.length > 1 ? 1 : 0;
            }
        }
        // the planted features must actually exercise the filter
        assertTrue(multiCopy > 0, "no query had several copies");
        if (g == 0) {
            assertTrue(droppedByTandem > 0, "no copy was dropped by the tandem filter");
        }
    }

    /** Copies and count of the planted 60-mer's k-mers include both strands and respect contig ends. */
    @ParameterizedTest(name = "k={0}")
    @ValueSource(ints = {5, 8, 12})
    void plantedSegmentCopiesOnBothStrands(int k) {
        String[] spec = GENOMES.get(0);
        Genome genome = BUILT.get(0);
        KmerIndex index = KmerIndex.build(genome, k);
        String c0 = spec[6];
        String seg = c0.substring(100, 160);
        long q = index.codec().encode(seg.substring(10, 10 + k));
        long rq = index.codec().reverseComplement(q);
        LongBuffer fwd = new LongBuffer();
        LongBuffer rev = new LongBuffer();
        // exact copies at positions 110 and 170 of c0 (60 apart) and at 10 of c2
        CopyFinder noFilter = new CopyFinder(index, 0, 0);
        noFilter.copies(q, fwd);
        long c2start = genome.contig(3).start();
        assertTrue(contains(fwd, 110) && contains(fwd, 170) && contains(fwd, (int) (c2start + 10)), Arrays.toString(fwd.toArray()));
        // the reverse-complemented copy at 1300 of c0 is a forward copy of revcomp(q), starting at
        // 1300 + 60 - 10 - k
        noFilter.copies(rq, rev);
        assertTrue(contains(rev, 1300 + 60 - 10 - k), Arrays.toString(rev.toArray()));

        CopyFinder filter = new CopyFinder(index, 0, 500);
        filter.copies(q, fwd);
        assertTrue(contains(fwd, 110) && !contains(fwd, 170), "170 is 60 after 110: " + Arrays.toString(fwd.toArray()));
        // the copy ending c0 and the one starting c2 are 60 apart in genome coordinates, but on two
        // contigs: both are kept
        long endCopy = c0.length() - 60 + 10;
        assertTrue(contains(fwd, (int) endCopy), Arrays.toString(fwd.toArray()));
        assertTrue(contains(fwd, (int) (c2start + 10)), "contig start copy dropped across contigs: " + Arrays.toString(fwd.toArray()));
        assertEquals(fwd.size(), filter.count(q, new LongBuffer()));
    }

    @Test
    void kmersWithNOrAcrossContigEndsAreNeverCopies() {
        // contigs "ACGTA" and "CGTAC": the genome-wide string ACGTACGTAC holds ACGTAC at 0 and 4 only
        // if k-mers could cross the contig end
        Genome genome = Genome.ofLetters("t", List.of("x", "y", "z"), List.of("ACGTA", "CGTAC", "ACGNTAC"));
        KmerIndex index = KmerIndex.build(genome, 5);
        long q = index.codec().encode("ACGTA");
        CopyFinder f = new CopyFinder(index, 0, 0);
        LongBuffer out = new LongBuffer();
        assertEquals(1, f.copies(q, out));
        assertEquals(0, out.get(0));
        assertEquals(2, index.distinctKmers());  // ACGTA, CGTAC; nothing from the contig with N
        assertEquals(-1, index.indexOf(index.codec().encode("CGTAC") ^ 1));
        assertEquals(0, new CopyFinder(index, 0, 0).copies(index.codec().encode("GTACG"), out));
        assertEquals(0, new CopyFinder(index, 0, 0).count(index.codec().encode("ACGTA") ^ 3, out));
    }

    private static boolean contains(LongBuffer b, long v) {
        for (int i = 0; i < b.size(); i++) {
            if (b.get(i) == v) {
                return true;
            }
        }
        return false;
    }
}
