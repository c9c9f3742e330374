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
        boolean report = reports(params, draft);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < draft.copies(); i++) {
            Element e = element(contigs, draft, i, number);
            if (e == null) {
                continue;
            }
            long contigStart = contigs.contigStart(e.contigIndex());
            repeatMask.markRange(contigStart + e.start(), contigStart + e.end());
            if (report && reported(params, draft, i)) {
                reportedMask.markRange(contigStart + e.start(), contigStart + e.end());
                elements.add(e);
            }
        }
        return report ? new Family(number, seed, draft.copies(), Extension.consensus(draft.left(), draft.right()), elements)
                : null;
    }

    /** Whether the draft's family is reported: its consensus has at least minlength bases. */
    public static boolean reports(Parameters params, Draft draft) {
        return draft.right().length() + draft.left().length() >= params.minLength;
    }

    /**
     * Copy i's element on its contig, clamped to the contig (REPrise masks into its separator bases
     * harmlessly), or null when nothing of it is left.
     */
    public static Element element(ContigDictionary contigs, Draft draft, int i, int number) {
        long pos = draft.position(i);
        int c = contigs.contigIndexAt(pos);
        long contigStart = contigs.contigStart(c);
        long start = Math.max(contigStart, pos + draft.elementStart(i));
        long end = Math.min(contigs.contigEnd(c), pos + draft.elementEnd(i) + 1);
        return start < end ? new Element(c, start - contigStart, end - contigStart, draft.isReverse(i), number) : null;
    }

    /**
     * Whether copy i's element is long enough to report. REPrise tests |end - start + 1| >= minlength;
     * a negative length can only reach minlength with absurd -maxgap values, and has no BED form, so
     * we need it positive.
     */
    public static boolean reported(Parameters params, Draft draft, int i) {
        return draft.elementEnd(i) - draft.elementStart(i) + 1 >= params.minLength;
    }
}
