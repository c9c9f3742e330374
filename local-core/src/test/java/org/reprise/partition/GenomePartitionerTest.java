package org.reprise.partition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reprise.genome.ContigDictionary;
import org.reprise.genome.Genome;
import org.reprise.params.Parameters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenomePartitionerTest {

    /** A small, awkward genome: an empty contig, 1-base contigs, one contig much longer than the rest. */
    private static final long[] LENGTHS = {5_000, 0, 1, 123_457, 7, 40_000, 1, 39_999, 999};

    private static ContigDictionary dict(List<String> names, long[] lengths) {
        return ContigDictionary.of("test", names, lengths);
    }

    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("ctg" + i);
        }
        return names;
    }

    /** Checks every property the plan promises, base by base. */
    private static void checkPlan(PartitionPlan plan, long[] lengths, long padding) {
        assertEquals(lengths.length, plan.contigs().contigCount());
        Set<Chunk> seen = new HashSet<>();
        for (int p = 0; p < plan.partitionCount(); p++) {
            for (Chunk c : plan.partition(p)) {
                assertTrue(seen.add(c), "chunk in two partitions: " + c);
                assertEquals(p, plan.partitionOf(c));
            }
        }
        assertEquals(seen.size(), plan.chunks().size());
        for (int ci = 0; ci < lengths.length; ci++) {
            long len = lengths[ci];
            List<Chunk> chunks = plan.chunksOf(ci);
            if (len == 0) {
                assertTrue(chunks.isEmpty(), "empty contig has chunks");
                continue;
            }
            // cores tile the contig exactly
            long expected = 0;
            for (Chunk c : chunks) {
                assertEquals(expected, c.coreStart(), "gap or overlap in " + chunks);
                expected = c.coreEnd();
                // padding never leaves the contig, and is the clipped padding
                assertTrue(c.paddedStart() >= 0 && c.paddedEnd() <= len, "padding leaves contig: " + c);
                assertEquals(Math.max(0, c.coreStart() - padding), c.paddedStart());
                assertEquals(Math.min(len, c.coreEnd() + padding), c.paddedEnd());
                assertTrue(c.paddedStart() <= c.coreStart() && c.coreEnd() <= c.paddedEnd());
            }
            assertEquals(len, expected, "cores do not reach the contig end");
            // neighbours overlap by 2 x padding unless the contig ends first
            for (int j = 1; j < chunks.size(); j++) {
                long cut = chunks.get(j).coreStart();
                long overlap = chunks.get(j - 1).paddedEnd() - chunks.get(j).paddedStart();
                assertEquals(Math.min(len, cut + padding) - Math.max(0, cut - padding), overlap);
            }
            // every base has exactly one owner, the chunk whose core holds it
            for (long pos = 0; pos < len; pos++) {
                Chunk owner = plan.owner(ci, pos);
                int holders = 0;
                for (Chunk c : chunks) {
                    if (c.coreContains(pos)) {
                        holders++;
                        assertSame(c, owner);
                    }
                }
                assertEquals(1, holders, "base " + pos + " of contig " + ci);
                assertEquals(plan.partitionOf(owner), plan.ownerPartition(ci, pos));
                assertTrue(owner.paddedContains(Math.max(0, pos - padding), Math.min(len, pos + padding + 1)),
                        "base " + pos + " lacks padding context in " + owner);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 0, 100", "3, 0, 100", "7, 0, 10005", "40, 0, 3", "0, 10000, 10005", "0, 1000, 0",
            "4, 30000, 7", "100, 0, 50"})
    void everyBaseHasExactlyOneOwnerAndCoresTileEachContig(int partitions, long target, long padding) {
        PartitionPlan plan = GenomePartitioner.of(partitions, target, padding).partition(dict(names(LENGTHS.length), LENGTHS));
        long total = Arrays.stream(LENGTHS).sum();
        int expectedPartitions = partitions > 0 ? partitions : (int) ((total + target - 1) / target);
        assertEquals(expectedPartitions, plan.partitionCount());
        checkPlan(plan, LENGTHS, padding);
        long owned = 0;
        for (int p = 0; p < plan.partitionCount(); p++) {
            owned += plan.ownedBases(p);
        }
        assertEquals(total, owned);
    }

    @Test
    void randomGenomesKeepEveryProperty() {
        Random random = new Random(20261127);
        for (int round = 0; round < 30; round++) {
            long[] lengths = new long[1 + random.nextInt(12)];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(20_000);
            }
            lengths[random.nextInt(lengths.length)] += 1; // at least one base
            long padding = random.nextInt(3_000);
            GenomePartitioner partitioner = random.nextBoolean()
                    ? GenomePartitioner.withPartitions(1 + random.nextInt(9), padding)
                    : GenomePartitioner.withTargetSize(500 + random.nextInt(30_000), padding);
            checkPlan(partitioner.partition(dict(names(lengths.length), lengths)), lengths, padding);
        }
    }

    @Test
    void longContigIsCutIntoNearEqualCoresNoLongerThanTheTarget() {
        PartitionPlan plan = GenomePartitioner.withTargetSize(10_000, 100)
                .partition(dict(List.of("chr"), new long[] {100_001}));
        List<Chunk> chunks = plan.chunksOf(0);
        assertEquals(11, chunks.size());
        assertEquals(9_091, chunks.get(0).coreLength());
        assertEquals(9_091, chunks.get(10).coreLength()); // 100001 = 11 x 9091
        for (Chunk c : chunks) {
            assertTrue(c.coreLength() <= 10_000);
            assertFalse(c.isWholeContig());
        }
        assertEquals(new Chunk(0, "chr", 100_001, 9_091, 18_182, 8_991, 18_282), chunks.get(1));
    }

    @Test
    void packsLongestFirstOntoTheLightestPartition() {
        // target 100: no cutting. Order: 90 (c0), 60 (c2), 60 (c3), 50 (c1), 10 (c4) onto 2 bins:
        // 90->b0, 60(c2)->b1, 60(c3)->b1 (60 < 90), 50(c1)->b0 (90 < 120), 10->b1 (120 < 140)
        PartitionPlan plan = GenomePartitioner.of(2, 100, 0)
                .partition(dict(names(5), new long[] {90, 50, 60, 60, 10}));
        assertEquals(List.of(0, 1), contigsOf(plan, 0));
        assertEquals(List.of(2, 3, 4), contigsOf(plan, 1));
        // equal loads: ties to the lower partition index, then the lower contig index first
        PartitionPlan ties = GenomePartitioner.withPartitions(3, 0).partition(dict(names(3), new long[] {5, 5, 5}));
        assertEquals(List.of(0), contigsOf(ties, 0));
        assertEquals(List.of(1), contigsOf(ties, 1));
        assertEquals(List.of(2), contigsOf(ties, 2));
    }

    private static List<Integer> contigsOf(PartitionPlan plan, int p) {
        List<Integer> out = new ArrayList<>();
        for (Chunk c : plan.partition(p)) {
            out.add(c.contigIndex());
        }
        return out;
    }

    @Test
    void deterministic() {
        long[] lengths = new long[300];
        Random random = new Random(7);
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = 1 + random.nextInt(5) * 1000; // many equal lengths: ties decide
        }
        PartitionPlan a = GenomePartitioner.withPartitions(7, 10_005).partition(dict(names(lengths.length), lengths));
        PartitionPlan b = GenomePartitioner.withPartitions(7, 10_005).partition(dict(names(lengths.length), lengths.clone()));
        assertNotSame(a, b);
        assertEquals(a, b);
        for (int p = 0; p < 7; p++) {
            assertEquals(a.partition(p), b.partition(p));
        }
        // loads are balanced within one chunk of each other
        long min = Long.MAX_VALUE, max = 0;
        for (int p = 0; p < 7; p++) {
            min = Math.min(min, a.ownedBases(p));
            max = Math.max(max, a.ownedBases(p));
        }
        assertTrue(max - min <= 4001, "unbalanced: " + min + ".." + max);
    }

    @Test
    void morePartitionsThanChunksLeavesSomeEmpty() {
        PartitionPlan plan = GenomePartitioner.withPartitions(4, 5).partition(dict(names(2), new long[] {1, 0}));
        assertEquals(4, plan.partitionCount());
        assertEquals(1, plan.chunks().size());
        assertEquals(1, plan.partition(0).size());
        assertTrue(plan.partition(1).isEmpty() && plan.partition(2).isEmpty() && plan.partition(3).isEmpty());
    }

    @Test
    void ownerByNameAndOutOfRange() {
        PartitionPlan plan = GenomePartitioner.withPartitions(3, 10).partition(dict(names(3), new long[] {30, 0, 9}));
        assertEquals(plan.owner(0, 29), plan.owner("ctg0", 29));
        assertEquals(2, plan.owner("ctg2", 0).contigIndex());
        assertThrows(IndexOutOfBoundsException.class, () -> plan.owner(0, 30));
        assertThrows(IndexOutOfBoundsException.class, () -> plan.owner(0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> plan.owner(1, 0)); // empty contig
        assertThrows(IndexOutOfBoundsException.class, () -> plan.owner(3, 0));
        assertThrows(NoSuchElementException.class, () -> plan.owner("chrX", 0));
        assertThrows(NoSuchElementException.class,
                () -> plan.partitionOf(new Chunk(0, "ctg0", 30, 0, 1, 0, 1)));
    }

    @Test
    void acceptsTheGenomesContigTable() {
        Genome g = Genome.ofLetters("g", List.of("a", "b"), List.of("ACGTACGTAC", "ACGTACGTACGTACGTACGT"));
        PartitionPlan plan = GenomePartitioner.withPartitions(2, 0).partition(g.dictionary());
        assertEquals("b", plan.owner(1, 19).contigName());
        assertEquals(g.dictionary(), plan.contigs());
    }

    @Test
    void validatesArgumentsWithClearMessages() {
        assertMessage("--partitions must be >= 1", () -> GenomePartitioner.withPartitions(0, 10));
        assertMessage("target partition size must be >= 1", () -> GenomePartitioner.withTargetSize(0, 10));
        assertMessage("give a number of partitions or a target partition size", () -> GenomePartitioner.of(0, 0, 10));
        assertMessage("padding must be >= 0", () -> GenomePartitioner.of(2, 0, -1));
        GenomePartitioner p = GenomePartitioner.withPartitions(2, 10);
        assertMessage("2 contig names but 1 lengths", () -> p.partition(dict(names(2), new long[] {5})));
        assertMessage("negative length", () -> p.partition(dict(names(2), new long[] {5, -1})));
        assertMessage("no bases", () -> p.partition(dict(names(2), new long[] {0, 0})));
        assertMessage("duplicate contig name 'x'", () -> p.partition(dict(List.of("x", "x"), new long[] {5, 5})));
        assertEquals(10_005 + 13, GenomePartitioner.paddingFor(Parameters.defaults(), 13));
    }

    @Test
    void chunkChecksItsInvariant() {
        new Chunk(0, "c", 10, 2, 5, 0, 10);
        assertMessage("0 <= paddedStart <= coreStart < coreEnd <= paddedEnd <= length",
                () -> new Chunk(0, "c", 10, 2, 5, 3, 10)); // padded does not contain core
        assertThrows(IllegalArgumentException.class, () -> new Chunk(0, "c", 10, 5, 5, 0, 10)); // empty core
        assertThrows(IllegalArgumentException.class, () -> new Chunk(0, "c", 10, 2, 5, 0, 11)); // leaves contig
        assertThrows(IllegalArgumentException.class, () -> new Chunk(0, "c", 10, 2, 5, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> new Chunk(-1, "c", 10, 2, 5, 0, 10));
        assertThrows(NullPointerException.class, () -> new Chunk(0, null, 10, 2, 5, 0, 10));
    }

    @Test
    void planRejectsChunksThatDoNotTileOrAreWronglyPadded() {
        List<String> n = List.of("c");
        long[] len = {10};
        Chunk left = new Chunk(0, "c", 10, 0, 5, 0, 7);
        Chunk right = new Chunk(0, "c", 10, 5, 10, 3, 10);
        PartitionPlan.of(dict(n, len), 2, List.of(List.of(left), List.of(right)));
        assertMessage("gap at 5", () -> PartitionPlan.of(dict(n, len), 2,
                List.of(List.of(left), List.of(new Chunk(0, "c", 10, 6, 10, 4, 10)))));
        assertMessage("overlap", () -> PartitionPlan.of(dict(n, len), 2, List.of(List.of(left), List.of(left, right))));
        assertMessage("[5, 10) have no chunk", () -> PartitionPlan.of(dict(n, len), 2, List.of(List.of(left))));
        assertMessage("not padded by the plan's padding of 3", () -> PartitionPlan.of(dict(n, len), 3,
                List.of(List.of(left, right))));
        assertMessage("does not match the contig table", () -> PartitionPlan.of(dict(List.of("d"), len), 2,
                List.of(List.of(left, right))));
        assertMessage("not in genome order", () -> PartitionPlan.of(dict(n, len), 2, List.of(List.of(right, left))));
    }

    @Test
    void javaSerializationRoundTripsAndRevalidates() throws Exception {
        PartitionPlan plan = GenomePartitioner.withPartitions(3, 100).partition(dict(names(LENGTHS.length), LENGTHS));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(plan);
        }
        PartitionPlan copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PartitionPlan) in.readObject();
        }
        assertEquals(plan, copy);
        assertEquals(plan.owner(3, 77_777), copy.owner(3, 77_777));
        assertEquals(plan.partitionOf(plan.owner(5, 0)), copy.ownerPartition(5, 0));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        Exception e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
}
