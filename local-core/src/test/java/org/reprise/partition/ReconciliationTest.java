package org.reprise.partition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reprise.discover.Draft;
import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.discover.ProgressListener;
import org.reprise.genome.ContigDictionary;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.CandidateColumns;
import org.reprise.testing.Sequences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconciliation's merge and boundary rules on drawn cases (GATK's SparkSharderUnitTest is the
 * model): partitions' results and their annotation are given by hand through a stand-in for the
 * machine's work, so each expectation is visible. One contig of 2,000 bases cut at 1,000 into two
 * chunks with 100 bases of padding:
 * <pre>
 *   contig  0                        900  1000 1100                      2000
 *   chunk 0 [=========== core ===========)~~~~)                               partition 0
 *   chunk 1                          (~~~~[=========== core ===========)     partition 1
 *                                     ^^^^^^^^^ the overlap both may claim
 * </pre>
 */
class ReconciliationTest {
    private static final int K = 12;
    private static final Parameters PARAMS = Parameters.builder().minLength(50).minFreq(3).k(K).build();
    private static final ContigDictionary CONTIGS = ContigDictionary.of("drawn", List.of("chr1"), new long[] {2000});
    private static final Chunk LEFT = new Chunk(0, "chr1", 2000, 0, 1000, 0, 1100);
    private static final Chunk RIGHT = new Chunk(0, "chr1", 2000, 1000, 2000, 900, 2000);
    private static final PartitionPlan PLAN = PartitionPlan.of(CONTIGS, 100, List.of(List.of(LEFT), List.of(RIGHT)));

    private final Workers workers = new Workers(2);

    @AfterEach
    void close() {
        workers.close();
    }

    /** A partition family with the given seed, rank, elements; drafted from {@code copies} copies. */
    private static PartitionResult.PartitionFamily family(long seed, int rankCount, int order, String consensus,
                                                         int copies, PartitionResult.ClaimedElement... elements) {
        return new PartitionResult.PartitionFamily(seed, "S" + seed, rankCount, seed, copies, rankCount, order, consensus,
                0, List.of(elements), new long[0], new long[0]);
    }

    private static PartitionResult.ClaimedElement element(Chunk owner, long start, long end) {
        return new PartitionResult.ClaimedElement(0, start, end, false, owner.coreStart(),
                start < owner.coreStart() || end > owner.coreEnd());
    }

    /**
     * Stands in for the machine: the annotation returns, per partition and library entry (found by
     * seed), the elements and copy counts drawn by the test; nothing is redrafted (every entry's copies
     * are those it was drafted from) and there are no thin seeds.
     */
    private record Drawn(Map<Long, List<PartitionResult.ClaimedElement>> left,
                         Map<Long, List<PartitionResult.ClaimedElement>> right) implements GenomeWidePass {
        @Override
        public CandidateColumns unmaskedCandidates(Bitmask mask, ProgressListener progress) {
            return new CandidateColumns();
        }

        @Override
        public List<Draft> redraft(long[] seeds, List<long[]> forward, List<long[]> reverse, ProgressListener progress) {
            throw new AssertionError("nothing should be redrafted");
        }

        @Override
        public List<Draft> draftThin(long[] seeds, List<long[]> forward, List<long[]> reverse, ProgressListener progress) {
            throw new AssertionError("no thin seed should be drafted");
        }

        @Override
        public List<Annotation.Result> annotate(List<Annotation.Entry> library, ProgressListener progress) {
            return List.of(result(0, library, left), result(1, library, right));
        }

        private static Annotation.Result result(int partition, List<Annotation.Entry> library,
                                                Map<Long, List<PartitionResult.ClaimedElement>> drawn) {
            int n = library.size();
            int[] copies = new int[n];
            List<List<PartitionResult.ClaimedElement>> elements = new ArrayList<>();
            List<long[]> none = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<PartitionResult.ClaimedElement> l = drawn.getOrDefault(library.get(i).seed(), List.of());
                copies[i] = l.size();
                elements.add(l);
                none.add(new long[0]);
            }
            return new Annotation.Result(partition, copies, elements, none, none, new long[0], 0);
        }

        @Override
        public Map<String, Long> counters() {
            return Map.of();
        }
    }

    private Reconciliation.Library reconcile(List<PartitionResult> parts, Drawn drawn) {
        return Reconciliation.run(PLAN, parts, drawn, PARAMS, workers, ProgressListener.NONE);
    }

    private static PartitionResult part(int p, PartitionResult.PartitionFamily... families) {
        return new PartitionResult(p, List.of(families), new long[0], new long[0], Map.of(), Map.of());
    }

    @Test
    void familiesOfTwoPartitionsWithOneSeedAreOneFamilyWithTheElementsOfBoth() {
        String consensus = Sequences.random(new Random(1), 300);
        // seed 7 found by both partitions; the annotation finds 3 copies in each, as many as the
        // family was drafted from (so that nothing is redrafted)
        PartitionResult p0 = part(0, family(7, 6, 0, consensus, 6));
        PartitionResult p1 = part(1, family(7, 6, 0, consensus, 6));
        List<PartitionResult.ClaimedElement> left = List.of(element(LEFT, 10, 310), element(LEFT, 400, 700),
                element(LEFT, 500, 600));
        List<PartitionResult.ClaimedElement> right = List.of(element(RIGHT, 1200, 1500), element(RIGHT, 1600, 1900),
                element(RIGHT, 1550, 1580));
        Reconciliation.Library lib = reconcile(List.of(p0, p1), new Drawn(Map.of(7L, left), Map.of(7L, right)));
        assertEquals(1, lib.families().size(), "one family for one seed");
        Family f = lib.families().get(0);
        assertEquals(6, f.elements().size());
        assertEquals(10, f.elements().get(0).start());
        assertEquals(1600, f.elements().get(5).start());
        assertEquals(1L, lib.counters().get("families_merged_by_seed"));
    }

    @Test
    void anEntryWithFewerThanMinfreqCopiesAtItsTurnIsDropped() {
        String a = Sequences.random(new Random(2), 300);
        String b = Sequences.random(new Random(3), 300);
        // seed 9 ranks first; seed 8's copies were all masked by 9's elements but one in each partition
        PartitionResult p0 = part(0, family(9, 20, 0, a, 3), family(8, 10, 1, b, 3));
        PartitionResult p1 = part(1, family(9, 20, 0, a, 3));
        Reconciliation.Library lib = reconcile(List.of(p0, p1), new Drawn(
                Map.of(9L, List.of(element(LEFT, 0, 300), element(LEFT, 300, 600)), 8L, List.of(element(LEFT, 700, 760))),
                Map.of(9L, List.of(element(RIGHT, 1500, 1800)), 8L, List.of(element(RIGHT, 1100, 1160)))));
        assertEquals(1, lib.families().size(), "8 has 2 copies at its turn, minfreq is 3");
        assertEquals("S9", lib.families().get(0).seed());
        assertEquals(1L, lib.counters().get("families_dropped_too_few_copies"));
    }

    /**
     * <pre>
     *   contig      900  1000 1100
     *   seed 5 (rank 30, partition 0's chunk):   [880 ......... 1060)      taken first: it ranks higher
     *   seed 6 (rank 10, partition 1's chunk):        [1040 .............. 1300)  trimmed to [1060, 1300)
     *   seed 6:                                   [950 . 1070)                dropped: nothing of 50 left
     * </pre>
     */
    @Test
    void elementsInTheOverlapAreTakenByRankAndTheLoserKeepsItsLongestFreePart() {
        String a = Sequences.random(new Random(4), 300);
        String b = Sequences.random(new Random(5), 300);
        PartitionResult p0 = part(0, family(5, 30, 0, a, 3));
        PartitionResult p1 = part(1, family(6, 10, 0, b, 4));
        Reconciliation.Library lib = reconcile(List.of(p0, p1), new Drawn(
                Map.of(5L, List.of(element(LEFT, 880, 1060), element(LEFT, 100, 400), element(LEFT, 500, 800))),
                Map.of(6L, List.of(element(RIGHT, 1040, 1300), element(RIGHT, 1010, 1070), element(RIGHT, 1400, 1700),
                        element(RIGHT, 1750, 1950)))));
        assertEquals(2, lib.families().size());
        List<Element> five = lib.families().get(0).elements();
        List<Element> six = lib.families().get(1).elements();
        assertEquals("S5", lib.families().get(0).seed());
        assertTrue(five.stream().anyMatch(e -> e.start() == 880 && e.end() == 1060), five.toString());
        assertTrue(six.stream().anyMatch(e -> e.start() == 1060 && e.end() == 1300), six.toString());
        assertTrue(six.stream().noneMatch(e -> e.start() < 1060 && e.end() > 880), "6's elements in 5's: " + six);
        assertEquals(3, six.size(), "the one inside 5's element is dropped: " + six);
        assertEquals(2L, lib.counters().get("boundary_conflicts"));
        assertEquals(1L, lib.counters().get("boundary_claims_dropped"));
    }

    @Test
    void familiesOfDifferentPartitionsWhoseConsensiClusterAreOneAndTheLongerStays() {
        Random rnd = new Random(6);
        String whole = Sequences.random(rnd, 400);
        String piece = whole.substring(40, 360); // 80% of it: a family partition 1 drafted shorter
        PartitionResult p0 = part(0, family(3, 8, 0, whole, 3));
        PartitionResult p1 = part(1, family(4, 9, 0, piece, 3));
        Reconciliation.Library lib = reconcile(List.of(p0, p1), new Drawn(
                Map.of(3L, List.of(element(LEFT, 0, 400), element(LEFT, 450, 850), element(LEFT, 500, 520))),
                Map.of(4L, List.of(element(RIGHT, 1100, 1420), element(RIGHT, 1500, 1820), element(RIGHT, 1850, 1900)))));
        assertEquals(1, lib.families().size(), "one family: the shorter consensus is within the longer");
        assertEquals(whole, lib.families().get(0).consensus());
        assertEquals(6, lib.families().get(0).elements().size(), "the elements of both");
        assertEquals(1L, lib.counters().get("families_merged_by_clustering"));
    }

    @Test
    void familiesOfOnePartitionStayApartEvenWhenTheirConsensiCluster() {
        Random rnd = new Random(7);
        String whole = Sequences.random(rnd, 400);
        String piece = whole.substring(40, 360);
        PartitionResult p0 = part(0, family(3, 8, 0, whole, 3), family(4, 6, 1, piece, 3));
        PartitionResult p1 = part(1);
        Reconciliation.Library lib = reconcile(List.of(p0, p1), new Drawn(
                Map.of(3L, List.of(element(LEFT, 0, 400), element(LEFT, 450, 850), element(LEFT, 500, 520)),
                        4L, List.of(element(LEFT, 860, 900), element(LEFT, 905, 950), element(LEFT, 960, 999))),
                Map.of()));
        assertEquals(2, lib.families().size(), "as the exact strategy would report them");
    }
}
