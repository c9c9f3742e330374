package org.reprise.partition;

import org.junit.jupiter.api.Test;
import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.discover.ProgressListener;
import org.reprise.genome.BaseCode;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.testing.Sequences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The partitioned strategy on a genome past 2^31 bases, cheaply: a first contig of 2^31 + 60,000
 * bases (invalid bases but for a few windows), a second contig after it, so that planted copies
 * lie past genome and contig position 2^31, one of them cut by the first contig's end. The
 * bases come from a sparse source instead of a file; everything else is the real strategy. Every
 * planted copy must come out as an element at its planted coordinates.
 */
class BeyondTwoToThe31Test {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path spillDir;

    private static final long TWO_31 = 1L << 31;

    /** Invalid bases everywhere but in the windows given. */
    static final class SparseBases implements BasesSource {
        final TreeMap<Long, byte[]> windows = new TreeMap<>();

        void put(long at, String letters) {
            byte[] codes = new byte[letters.length()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (byte) "ACGT".indexOf(letters.charAt(i));
            }
            windows.put(at, codes);
        }

        long valid() {
            long n = 0;
            for (byte[] w : windows.values()) {
                n += w.length;
            }
            return n;
        }

        @Override
        public void read(long position, byte[] dst, int off, int len) {
            Arrays.fill(dst, off, off + len, BaseCode.INVALID);
            Map.Entry<Long, byte[]> first = windows.floorEntry(position);
            long from = first == null ? position : first.getKey();
            for (Map.Entry<Long, byte[]> w : windows.subMap(from, true, position + len, false).entrySet()) {
                long start = Math.max(position, w.getKey());
                long end = Math.min(position + len, w.getKey() + w.getValue().length);
                for (long p = start; p < end; p++) {
                    dst[off + (int) (p - position)] = w.getValue()[(int) (p - w.getKey())];
                }
            }
        }
    }

    @Test
    void copiesPastTwoToThe31AreFoundWhereTheyWerePlanted() throws Exception {
        Random rnd = new Random(5);
        long firstLength = TWO_31 + 60_000;
        ContigDictionary contigs = ContigDictionary.of("sparse", List.of("huge", "after"), new long[] {firstLength, 50_000});
        SparseBases bases = new SparseBases();
        String repeat = Sequences.random(rnd, 600);
        // [contig, contig position, reverse]
        long[][] planted = {{0, TWO_31 + 5_000, 0}, {0, TWO_31 + 20_000, 1}, {0, TWO_31 + 40_000, 0},
            {1, 10_000, 1}, {1, 30_000, 0}};
        for (long[] copy : planted) {
            long at = contigs.contigStart((int) copy[0]) + copy[1];
            String r = Sequences.mutate(rnd, repeat, 6);
            bases.put(at - 300, Sequences.random(rnd, 300) + (copy[2] == 1 ? Sequences.revcomp(r) : r)
                    + Sequences.random(rnd, 300));
        }
        // a copy cut by the first contig's end: only its first 450 bases are in the genome
        bases.put(firstLength - 750, Sequences.random(rnd, 300) + repeat.substring(0, 450));

        Parameters p = Parameters.builder().k(13).build();
        PartitionedDiscovery.Result result;
        try (Workers workers = new Workers(2)) {
            result = PartitionedDiscovery.run(contigs, bases, bases.valid(), p, 300_000_000L, 3_500_000_000L, workers,
                    ProgressListener.NONE, s -> spillDir.resolve("w" + s)); // the table and the copies held on disk
        }
        assertTrue(result.plan().partitionCount() >= 3, result.plan().toString());
        try (java.util.stream.Stream<java.nio.file.Path> left = java.nio.file.Files.list(spillDir)) {
            assertEquals(List.of(), left.toList(), "the working files are deleted");
        }
        assertTrue(result.genomeWideSeeds().size() > 0, "the table is read back for .freq");
        List<long[]> found = new ArrayList<>();
        for (Family f : result.families()) {
            for (Element e : f.elements()) {
                found.add(new long[] {e.contigIndex(), e.start(), e.end()});
            }
        }
        for (long[] copy : planted) {
            boolean hit = false;
            for (long[] e : found) {
                // the element covers the planted copy's 600 bases, give or take the mutated ends
                hit |= e[0] == copy[0] && Math.abs(e[1] - copy[1]) <= 20 && Math.abs(e[2] - (copy[1] + 600)) <= 20;
            }
            assertTrue(hit, "no element at contig " + copy[0] + " position " + copy[1] + "; found "
                    + found.stream().map(Arrays::toString).toList());
        }
        long cut = 0;
        for (long[] e : found) {
            if (e[0] == 0 && e[2] == firstLength) {
                cut++;
            }
        }
        assertEquals(1, cut, "the copy cut by the contig's end ends at the contig's end");
        assertTrue(result.reportedMask().size() > TWO_31);
        assertTrue(result.reportedMask().get(contigs.contigStart(1) + 30_100), "mask past 2^31 of the genome");
    }
}
