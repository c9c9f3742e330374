package org.reprise.discover;

import org.reprise.extend.Extension;
import org.reprise.genome.ContigDictionary;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The commit of one family (docs/ALGORITHM.md, family loop, step 4): every copy's element is marked
 * in the repeat mask, and the family is reported if its consensus is long enough, with its elements
 * of at least minlength bases, which are marked in the reported mask. One instance per run.
 */
public final class FamilyCommit {
    private final ContigDictionary contigs;
    private final Parameters params;
    private final Bitmask repeatMask;
    private final Bitmask reportedMask;

    public FamilyCommit(ContigDictionary contigs, Parameters params, Bitmask repeatMask, Bitmask reportedMask) {
        this.contigs = contigs;
        this.params = params;
        this.repeatMask = repeatMask;
        this.reportedMask = reportedMask;
    }

    /**
     * @param seed   the seed k-mer's letters
     * @param number the family's number if it is reported (families reported so far)
     * @return the family, or null if its consensus is shorter than minlength (its elements are
     *         still masked in the repeat mask)
     */
    public Family commit(String seed, int number, Draft draft) {
        Extension right = draft.right(), left = draft.left();
        int length = right.length() + left.length();
        boolean report = length >= params.minLength;
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < draft.copies(); i++) {
            long pos = draft.position(i);
            long relStart = draft.elementStart(i), relEnd = draft.elementEnd(i);
            int c = contigs.contigIndexAt(pos);
            long contigStart = contigs.contigStart(c);
            // REPrise masks into its separator bases harmlessly; we clamp to the contig.
            long start = Math.max(contigStart, pos + relStart);
            long end = Math.min(contigs.contigEnd(c), pos + relEnd + 1);
            if (start < end) {
                repeatMask.markRange(start, end);
            }
            // REPrise tests |end - start + 1| >= minlength; a negative length can only reach
            // minlength with absurd -maxgap values, and has no BED form, so we need it positive.
            if (report && relEnd - relStart + 1 >= params.minLength && start < end) {
                reportedMask.markRange(start, end);
                elements.add(new Element(c, start - contigStart, end - contigStart, draft.isReverse(i), number));
            }
        }
        return report ? new Family(number, seed, draft.copies(), Extension.consensus(left, right), elements) : null;
    }
}
