package org.reprise.discover;

import org.reprise.extend.Extension;
import org.reprise.genome.ContigCoordinates;
import org.reprise.mask.Bitmask;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/**
 * The commit of one family: every copy's element is masked in the repeat mask, and the family is
 * reported if its consensus is long enough. Shared by the local family loop and the Spark
 * driver's, so that both mask and report exactly alike.
 */
public final class FamilyCommit {
    private FamilyCommit() {
    }

    /**
     * @param number    the family's number if it is reported (families reported so far)
     * @param position  copy i's genome position (its k-mer's first base)
     * @param reverse   whether copy i is on the reverse strand
     * @param rels      copy i's element [start, end], inclusive, relative to its position
     * @return the family, or null if its consensus is shorter than minlength (its elements are
     *         still masked in {@code repeatMask})
     */
    public static Family commit(ContigCoordinates contigs, Parameters params, String seed, int number, int copies,
                                IntToLongFunction position, IntPredicate reverse, Extension right, Extension left,
                                long[][] rels, Bitmask repeatMask, Bitmask reportedMask) {
        int length = right.length() + left.length();
        boolean report = length >= params.minLength;
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            long[] rel = rels[i];
            long pos = position.applyAsLong(i);
            int c = contigs.contigIndexAt(pos);
            long contigStart = contigs.contigStart(c);
            // REPrise masks into its separator bases harmlessly; we clamp to the contig.
            long start = Math.max(contigStart, pos + rel[0]);
            long end = Math.min(contigStart + contigs.contigLength(c), pos + rel[1] + 1);
            if (start < end) {
                repeatMask.markRange(start, end);
            }
            // REPrise tests |end - start + 1| >= minlength; a negative length can only reach
            // minlength with absurd -maxgap values, and has no BED form, so we need it positive.
            if (report && rel[1] - rel[0] + 1 >= params.minLength && start < end) {
                reportedMask.markRange(start, end);
                elements.add(new Element(c, start - contigStart, end - contigStart, reverse.test(i), number));
            }
        }
        return report ? new Family(number, seed, copies, Extension.consensus(left, right), elements) : null;
    }
}
