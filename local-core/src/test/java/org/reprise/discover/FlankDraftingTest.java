package org.reprise.discover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.extend.SeedCopies;
import org.reprise.genome.Genome;
import org.reprise.params.Parameters;
import org.reprise.testing.Sequences;

/**
 * Drafts from flanks (what the Spark rounds and the partitioned pass make) against the draft of the
 * same copies in the whole genome: equal with the full radius and with the least radius the
 * sides' alignments read, refused one base short of it.
 */
class FlankDraftingTest {
    private static final int K = 13;
    private final Parameters p = Parameters.builder().k(K).build();

    /** Two contigs with six copies of a 700-base repeat (two reversed, one cut by the first contig's start). */
    private final Genome genome;
    private final long[] forward;
    private final long[] reverse;

    FlankDraftingTest() {
        Random rnd = new Random(3);
        String repeat = Sequences.random(rnd, 700);
        int seedAt = 350;
        String seed = repeat.substring(seedAt, seedAt + K);
        StringBuilder[] contigs = {new StringBuilder(), new StringBuilder(Sequences.random(rnd, 400))};
        List<Long> fwd = new ArrayList<>();
        List<Long> rev = new ArrayList<>();
        List<int[]> where = new ArrayList<>(); // {contig, offset of the k-mer, reverse}
        for (int c = 0; c < 6; c++) {
            String copy = Sequences.mutate(rnd, repeat, 25);
            copy = copy.substring(0, seedAt) + seed + copy.substring(seedAt + K);
            int contig = c % 2;
            int skip = c == 0 ? 200 : 0; // the first copy starts before its contig
            boolean reversed = c == 3 || c == 4;
            String placed = copy.substring(skip);
            int offset = seedAt - skip;
            if (reversed) {
                placed = Sequences.revcomp(placed);
                offset = placed.length() - offset - K;
            }
            where.add(new int[] {contig, contigs[contig].length() + offset, reversed ? 1 : 0});
            contigs[contig].append(placed).append(Sequences.random(rnd, 300 + rnd.nextInt(500)));
        }
        genome = Genome.ofLetters("flanks-test", List.of("a", "b"), List.of(contigs[0].toString(), contigs[1].toString()));
        for (int[] w : where) {
            long at = genome.dictionary().contigStart(w[0]) + w[1];
            (w[2] == 1 ? rev : fwd).add(at);
        }
        fwd.sort(null);
        rev.sort(null);
        forward = fwd.stream().mapToLong(Long::longValue).toArray();
        reverse = rev.stream().mapToLong(Long::longValue).toArray();
    }

    private SeedCopies wholeGenome() {
        long[] positions = new long[forward.length + reverse.length];
        boolean[] strands = new boolean[positions.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i < forward.length ? forward[i] : reverse[i - forward.length];
            strands[i] = i >= forward.length;
        }
        return new SeedCopies(genome, K, positions, strands);
    }

    /** Copy i's flank, radius bases each side of its k-mer, cut at the contig's ends; offsets[i] set. */
    private byte[][] flanks(int radius, int[] offsets) {
        SeedCopies copies = wholeGenome();
        byte[][] out = new byte[copies.size()][];
        for (int i = 0; i < out.length; i++) {
            int c = copies.contigIndex(i);
            byte[] codes = genome.codes(c);
            int at = (int) (copies.position(i) - genome.dictionary().contigStart(c));
            int from = Math.max(0, at - radius);
            int to = Math.min(codes.length, at + K + radius);
            out[i] = java.util.Arrays.copyOfRange(codes, from, to);
            offsets[i] = at - from;
        }
        return out;
    }

    private Draft fromFlanks(int radius) {
        int[] offsets = new int[forward.length + reverse.length];
        byte[][] f = flanks(radius, offsets);
        return new FlankDrafting(p, K).draft(f, offsets, forward, reverse, radius);
    }

    private static void assertSameDraft(Draft expected, Draft actual) {
        assertNotNull(actual, "refused");
        assertArrayEquals(expected.right().bases(), actual.right().bases(), "right side");
        assertEquals(expected.right().bestStep(), actual.right().bestStep());
        assertArrayEquals(expected.left().bases(), actual.left().bases(), "left side");
        assertEquals(expected.left().bestStep(), actual.left().bestStep());
        assertArrayEquals(expected.elementEnds(), actual.elementEnds(), "elements");
        assertTrue(actual.madeFrom(expected.forward(), expected.reverse()));
    }

    @Test
    void theFullRadiusAndTheLeastSufficientOneGiveTheWholeGenomesDraftAndOneLessIsRefused() {
        Draft whole = new Drafting(p).draft(wholeGenome(), forward, reverse, new ConsensusExtender(p), new ElementAligner(p));
        assertTrue(whole.right().length() > 200 && whole.left().length() > 200, "a family worth drafting");
        assertSameDraft(whole, fromFlanks(FlankDrafting.fullRadius(p)));

        // The least radius: the farther side's last step plus maxgap, plus one (fits()'s rule).
        int least = 0;
        for (org.reprise.extend.Extension side : new org.reprise.extend.Extension[] {whole.right(), whole.left()}) {
            least = Math.max(least, Math.min(p.maxExtend - 1, side.bestStep() + p.stopAfter) + p.maxGap + 1);
        }
        FlankDrafting drafting = new FlankDrafting(p, K);
        assertTrue(drafting.fits(whole.right(), least) && drafting.fits(whole.left(), least));
        assertTrue(!drafting.fits(whole.right(), least - 1) || !drafting.fits(whole.left(), least - 1));
        assertSameDraft(whole, fromFlanks(least));
        assertNull(fromFlanks(least - 1), "a radius that may not have sufficed must be refused");
        assertEquals(p.maxExtend + p.maxGap, FlankDrafting.fullRadius(p));
    }

    @Test
    void aProbedFamilyIsDraftedInFullAndChanceCopiesKeepTheProbesShortDraft() {
        // a family: the probe reaches far, so the draft is the full one
        int radius = FlankDrafting.fullRadius(p);
        int[] offsets = new int[forward.length + reverse.length];
        byte[][] f = flanks(radius, offsets);
        FlankDrafting drafting = new FlankDrafting(p, K);
        Draft full = drafting.draft(f, offsets, forward, reverse, radius);
        assertSameDraft(full, drafting.draft(f, offsets, forward, reverse, radius, true));

        // one k-mer in four unrelated stretches: the probe stops early and stands for the draft
        Random rnd = new Random(11);
        String kmer = Sequences.random(rnd, K);
        byte[][] chance = new byte[4][];
        int[] at = new int[4];
        long[] positions = new long[4];
        for (int i = 0; i < 4; i++) {
            String s = Sequences.random(rnd, 400) + kmer + Sequences.random(rnd, 400);
            chance[i] = org.reprise.align.Dna.encode(s);
            at[i] = 400;
            positions[i] = 10_000L * i + 400;
        }
        long[] none = new long[0];
        Draft unprobed = drafting.draft(chance, at, positions, none, 400);
        Draft probed = drafting.draft(chance, at, positions, none, 400, true);
        assertNotNull(unprobed);
        assertNotNull(probed);
        assertTrue(!FamilyCommit.reports(p, unprobed) && !FamilyCommit.reports(p, probed), "no family either way");
        assertTrue(probed.right().bestStep() + FlankDrafting.PROBE_STOP_AFTER < p.stopAfter, "the probe stopped early");
        assertTrue(probed.left().length() + probed.right().length() < (p.minLength + 2) / 3);
        assertTrue(probed.madeFrom(positions, none));
        // copies that disagree for 10 bases past the k-mer, then agree: the full draft finds the
        // family, the probe gives up first (the family the probe loses)
        String shared = Sequences.random(rnd, 300);
        byte[][] late = new byte[4][];
        for (int i = 0; i < 4; i++) {
            late[i] = org.reprise.align.Dna.encode(Sequences.random(rnd, 400) + kmer + Sequences.random(rnd, 10) + shared
                    + Sequences.random(rnd, 400));
        }
        int r = 800;
        Draft lateFull = drafting.draft(late, at, positions, none, r);
        Draft lateProbed = drafting.draft(late, at, positions, none, r, true);
        assertTrue(FamilyCommit.reports(p, lateFull), "the full draft finds the family: " + lateFull.right().length());
        assertTrue(!FamilyCommit.reports(p, lateProbed), "the probe stands for the draft");

        // a run whose own stopafter is no later than the probe's drafts in full
        Parameters early = p.toBuilder().stopAfter(FlankDrafting.PROBE_STOP_AFTER).build();
        assertNull(new FlankDrafting(early, K).probe());
    }

    @Test
    void flanksAndCopiesMustAgree() {
        FlankDrafting drafting = new FlankDrafting(p, K);
        byte[][] two = {new byte[40], new byte[40]};
        assertThrows(IllegalArgumentException.class, () -> drafting.reads(two, new int[] {5, 5}, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> drafting.reads(two, new int[] {5}, 1, 2));
        SeedCopies reads = drafting.reads(two, new int[] {5, 7}, 1, 2);
        assertEquals(2, reads.size());
        assertEquals(5, reads.position(0));
        assertEquals(40 + 7, reads.position(1));
        assertTrue(!reads.isReverse(0) && reads.isReverse(1), "forward copies first, then reverse ones");
    }
}
