package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The planner's arithmetic, without writing: contig sizes, and a contig longer than 2^31 bases. */
class PlannerTest {
    private static final long TWO_31 = 1L << 31;

    @Test
    void drawnContigSizesAddUpToTheLengthAndAreAtLeastOneKb() {
        for (long length : new long[] {40_000, 40_001, 1_000_000, 20_000_000, 3_000_000_000L}) {
            long[] sizes = SimulationPlanner.contigSizes(SimulationParameters.builder().length(length).contigs(40).build());
            long sum = 0;
            long min = Long.MAX_VALUE;
            long max = 0;
            for (long s : sizes) {
                sum += s;
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
            assertEquals(40, sizes.length);
            assertEquals(length, sum, "length " + length);
            assertTrue(min >= 1000, "length " + length);
            if (length >= 1_000_000) {
                assertTrue(max > 1.3 * length / 40 && min < 0.8 * length / 40, "log-normal spread for " + length);
            }
        }
    }

    @Test
    void aContigPastTwoToThe31IsLaidOutWithExactLongCoordinates() {
        SimulationParameters p = SimulationParameters.builder().contigSizes(2_300_000_000L, 200_000_000L).families(40)
                .copies(100, 300).satellites(20).lowComplexity(200).build();
        GenomePlan plan = SimulationPlanner.plan(p);
        assertEquals(2_500_000_000L, plan.length());
        for (int c = 0; c < plan.contigCount(); c++) {
            ContigPlan contig = plan.contig(c);
            long sum = 0;
            for (int s = 0; s < contig.segmentCount(); s++) {
                byte kind = contig.kind(s);
                if (kind == ContigPlan.BACKGROUND || kind == ContigPlan.TSD) {
                    sum += contig.value(s);
                } else if (kind == ContigPlan.PIECE) {
                    TruthPiece piece = plan.pieces().get((int) contig.value(s));
                    assertEquals(sum, piece.start(), "segments and pieces agree");
                    sum += piece.length();
                }
            }
            assertEquals(plan.contigLength(c), sum, "segments fill contig " + c + " exactly");
        }
        List<TruthPiece> pieces = plan.pieces();
        int pastTwo31 = 0;
        TruthPiece previous = null;
        for (TruthPiece piece : pieces) {
            if (previous != null && previous.contig() == piece.contig()) {
                assertTrue(piece.start() >= previous.end(), "sorted and disjoint");
            }
            assertTrue(piece.end() <= plan.contigLength(piece.contig()));
            PlantedCopy copy = plan.copy(piece.copy());
            assertTrue(copy.start() <= piece.start() && piece.end() <= copy.end(), "a piece lies in its copy's span");
            if (piece.contig() == 0 && piece.start() > TWO_31) {
                pastTwo31++;
            }
            previous = piece;
        }
        // Copies are spread uniformly: about (2.3G - 2^31) / 2.5G = 6% of the pieces lie past 2^31.
        assertTrue(pastTwo31 > 0.03 * pieces.size(), pastTwo31 + " of " + pieces.size() + " pieces past 2^31");
        for (PlantedCopy copy : plan.copies()) {
            List<TruthPiece> own = pieces.stream().filter(x -> x.copy() == copy.id()).toList();
            assertEquals(copy.start(), own.get(0).start());
            assertEquals(copy.end(), own.get(own.size() - 1).end());
        }
        // The file offset of a base past 2^31: header ">chr1\n", then 61 bytes per 60 bases; chr2's
        // first base follows chr1's 38,333,334 lines (the last one partial) and ">chr2\n".
        FastaLayout layout = new FastaLayout(plan, 60);
        long pos = 2_299_999_999L;
        assertEquals(6 + pos + pos / 60, layout.offsetOf(0, pos));
        assertEquals(6 + 2_300_000_000L + 38_333_334L + 6, layout.offsetOf(1, 0));
    }

    @Test
    void anOverfullRequestIsScaledAndStillFits() {
        // 80 families of up to 300 copies cannot fit in 200 kb: copy numbers are scaled, long pieces
        // that fit nowhere are left out, and what is planted fills at most the contigs.
        GenomePlan plan = SimulationPlanner.plan(SimulationParameters.builder().length(200_000).contigs(10).build());
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("copy numbers scaled")), plan.notes().toString());
        long planted = plan.pieces().stream().mapToLong(TruthPiece::length).sum();
        assertTrue(planted <= 0.9 * plan.length(), planted + " planted bases");
        assertTrue(planted > 0.2 * plan.length(), planted + " planted bases");
    }

    @Test
    void tandemPiecesTakeAtMostATenthOfASmallGenome() {
        GenomePlan plan = SimulationPlanner.plan(SimulationParameters.builder().length(300_000).contigs(3).build());
        long tandem = 0;
        for (TruthPiece piece : plan.pieces()) {
            if (!plan.families().get(plan.copy(piece.copy()).family()).repeatClass().interspersed()) {
                tandem += piece.length();
            }
        }
        assertTrue(tandem > 0 && tandem <= 30_000, tandem + " tandem bases");
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("of 20 satellites")), plan.notes().toString());
    }

    @Test
    void nestsStopGrowingBeforeTheyCannotFitOnAContig() {
        // Every copy asks to be nested: without a limit all would end in one nest too long for any
        // contig, and be left out together.
        GenomePlan plan = SimulationPlanner.plan(SimulationParameters.builder().length(300_000).contigs(3).families(10)
                .nested(1).build());
        long nested = plan.copies().stream().filter(c -> c.host() > 0).count();
        long interspersed = plan.copies().stream()
                .filter(c -> plan.families().get(c.family()).repeatClass().interspersed()).count();
        assertTrue(plan.notes().stream().noneMatch(n -> n.contains("left out")), plan.notes().toString());
        assertTrue(interspersed > 50 && nested > interspersed / 2, nested + " nested of " + interspersed);
    }

    @Test
    void theClassMixIsExact() {
        GenomePlan plan = SimulationPlanner.plan(SimulationParameters.builder().length(100_000).contigs(2).families(20)
                .copies(1, 1).satellites(0).lowComplexity(0).ltr(0.25).tir(0.2).line(0.15).sine(0.1).build());
        int[] counts = new int[RepeatClass.values().length];
        for (RepeatFamily f : plan.families()) {
            counts[f.repeatClass().ordinal()]++;
        }
        assertEquals(5, counts[RepeatClass.LTR.ordinal()]);
        assertEquals(4, counts[RepeatClass.DNA.ordinal()]);
        assertEquals(3, counts[RepeatClass.LINE.ordinal()]);
        assertEquals(2, counts[RepeatClass.SINE.ordinal()]);
        assertEquals(6, counts[RepeatClass.UNKNOWN.ordinal()]);
    }
}
