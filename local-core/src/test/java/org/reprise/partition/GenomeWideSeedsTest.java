package org.reprise.partition;

import org.junit.jupiter.api.Test;
import org.reprise.discover.ProgressListener;
import org.reprise.genome.BaseCode;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;
import org.reprise.index.KmerCodec;
import org.reprise.mask.Bitmask;
import org.reprise.parallel.Workers;
import org.reprise.params.Parameters;
import org.reprise.seeds.Candidate;
import org.reprise.seeds.CandidateColumns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The genome-wide counts do not depend on how they are taken: batches, threads, the windows the
 * bases are read in (one window per chunk, or many, cut anywhere), blocks a thread reserves and
 * what spills past a batch's room all give the same table and the same unmasked candidates.
 */
class GenomeWideSeedsTest {
    private static final int K = 11;
    private static final long[] LENGTHS = {30_000, 5_000, 120_000, 800, 60_000, 41_000};

    /** Random bases, runs of N, and 300-base repeats planted 3-8 times on either strand. */
    private static byte[] genome(long total, Random r) {
        byte[] g = new byte[(int) total];
        for (int i = 0; i < g.length; i++) {
            g[i] = (byte) r.nextInt(4);
        }
        for (int f = 0; f < 25; f++) {
            byte[] unit = new byte[300];
            for (int i = 0; i < unit.length; i++) {
                unit[i] = (byte) r.nextInt(4);
            }
            int copies = 3 + r.nextInt(6);
            for (int c = 0; c < copies; c++) {
                int at = r.nextInt(g.length - unit.length);
                boolean reverse = r.nextBoolean();
                for (int i = 0; i < unit.length; i++) {
                    g[at + i] = reverse ? (byte) (3 - unit[unit.length - 1 - i]) : unit[i];
                }
            }
        }
        for (int n = 0; n < 10; n++) {
            int at = r.nextInt(g.length - 500);
            java.util.Arrays.fill(g, at, at + 1 + r.nextInt(400), BaseCode.INVALID);
        }
        return g;
    }

    @Test
    void countsAndUnmaskedCandidatesAreTheSameHoweverTheyAreTaken() throws java.io.IOException {
        ContigDictionary contigs = ContigDictionary.of("test", List.of("a", "b", "c", "d", "e", "f"), LENGTHS);
        byte[] g = genome(contigs.length(), new Random(5));
        BasesSource bases = (position, dst, off, len) -> System.arraycopy(g, (int) position, dst, off, len);
        long valid = 0;
        for (byte b : g) {
            valid += b < BaseCode.INVALID ? 1 : 0;
        }
        Parameters p = Parameters.builder().k(K).build();
        PartitionPlan plan = GenomePartitioner.withTargetSize(40_000, GenomePartitioner.paddingFor(p, K)).partition(contigs);
        assertTrue(plan.chunks().size() > LENGTHS.length, "long contigs are cut into chunks");
        Bitmask mask = new Bitmask(contigs.length());
        Random r = new Random(9);
        for (int i = 0; i < 40; i++) {
            long at = r.nextInt((int) contigs.length() - 3_000);
            mask.markRange(at, at + r.nextInt(3_000));
        }

        GenomeWideSeeds reference;
        List<Candidate> referenceLeft;
        try (Workers one = new Workers(1)) {
            reference = GenomeWideSeeds.count(plan, bases, valid, p, K, 1, one, ProgressListener.NONE, 1 << 20, null);
            referenceLeft = ranked(GenomeWideSeeds.unmaskedCandidates(plan, bases, valid, p, K, 1, one, mask, 1 << 20, 0, 0,
                    null, ProgressListener.NONE));
        }
        assertTrue(reference.size() > 500, "candidates: " + reference.size());
        assertTrue(referenceLeft.size() > 100 && referenceLeft.size() < reference.size(),
                "unmasked candidates: " + referenceLeft.size());
        checkAgainstBruteForce(reference, g, contigs, p);
        for (Candidate c : referenceLeft) {
            assertTrue(c.count() >= p.minFreq);
            for (long at : c.forward()) {
                assertTrue(mask.isRangeFree(at, at + K), "a masked copy kept at " + at);
            }
        }

        for (int threads : new int[] {1, 2, 3}) {
            try (Workers workers = new Workers(threads)) {
                for (int batches : new int[] {1, 4, 9}) {
                    for (int window : new int[] {1 << 20, 1_000, 37}) {
                        String how = threads + " threads, " + batches + " batches, windows of " + window;
                        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("candidate-copies");
                        GenomeWideSeeds t;
                        List<Candidate> stored;
                        try (CandidateCopies copies = new CandidateCopies(s -> dir.resolve("w" + s), batches)) {
                            t = GenomeWideSeeds.count(plan, bases, valid, p, K, batches, workers,
                                    ProgressListener.NONE, window, copies);
                            assertTrue(copies.bytes() > 0, how);
                            stored = ranked(copies.unmasked(mask, K, workers, t.size(), t.copyCount()));
                        }
                        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                            assertEquals(0, files.count(), "the working files are deleted: " + how);
                        }
                        java.nio.file.Files.delete(dir);
                        assertEquals(reference.size(), t.size(), how);
                        for (int i = 0; i < t.size(); i++) {
                            assertEquals(reference.representative(i), t.representative(i), how);
                            assertEquals(reference.count(i), t.count(i), how);
                            assertEquals(reference.position(i), t.position(i), how);
                        }
                        List<Candidate> counted = ranked(GenomeWideSeeds.unmaskedCandidates(plan, bases, valid, p, K,
                                batches, workers, mask, window, t.size(), t.copyCount(), batches == 4 ? null : t.filter(),
                                ProgressListener.NONE));
                        for (List<Candidate> left : List.of(counted, stored)) {
                            assertEquals(referenceLeft.size(), left.size(), how);
                            for (int i = 0; i < left.size(); i++) {
                                Candidate a = referenceLeft.get(i), b = left.get(i);
                                assertEquals(a.code(), b.code(), how);
                                assertEquals(a.count(), b.count(), how);
                                assertEquals(a.position(), b.position(), how);
                                assertArrayEquals(a.forward(), b.forward(), how);
                                assertArrayEquals(a.reverse(), b.reverse(), how);
                            }
                        }
                    }
                }
            }
        }
    }

    private static List<Candidate> ranked(CandidateColumns columns) {
        List<Candidate> out = new ArrayList<>();
        for (int i : columns.rankOrder()) {
            out.add(columns.get(i));
        }
        return out;
    }

    /** Every entry's count is at most its k-mer's occurrences on both strands within contigs, and at least minfreq. */
    private static void checkAgainstBruteForce(GenomeWideSeeds table, byte[] g, ContigDictionary contigs, Parameters p) {
        KmerCodec codec = new KmerCodec(K);
        Map<Long, Integer> raw = new HashMap<>();
        for (int c = 0; c < LENGTHS.length; c++) {
            long start = contigs.contigStart(c);
            for (long q = start; q + K <= start + LENGTHS[c]; q++) {
                long code = 0;
                boolean ok = true;
                for (int i = 0; i < K && ok; i++) {
                    int b = g[(int) (q + i)];
                    ok = b < BaseCode.INVALID;
                    code = (code << 2) | (ok ? b : 0);
                }
                if (ok) {
                    raw.merge(Math.min(code, codec.reverseComplement(code)), 1, Integer::sum);
                }
            }
        }
        for (int i = 0; i < table.size(); i++) {
            long rep = table.representative(i);
            long canonical = Math.min(rep, codec.reverseComplement(rep));
            int n = raw.getOrDefault(canonical, 0) * (canonical == codec.reverseComplement(canonical) ? 2 : 1);
            assertTrue(table.count(i) >= p.minFreq && table.count(i) <= n, "entry " + i + ": " + table.count(i) + " of " + n);
            assertEquals(i, table.find(rep));
        }
    }
}
