package org.reprise.polish;

import java.util.Arrays;

import org.reprise.align.Alignment;
import org.reprise.align.Band;
import org.reprise.align.PairwiseAligner;
import org.reprise.align.Scoring;
import org.reprise.align.Seeding;
import org.reprise.align.Strand;
import org.reprise.report.RepeatClass;

/**
 * Classifies a consensus by its structure alone, without a database of known repeats:
 * <ol>
 *   <li><b>Satellite</b> when most of the family's elements sit end to end with one another (the
 *       consensus is one unit of tandem arrays).</li>
 *   <li><b>LTR</b> when the consensus begins and ends with the same sequence, a long terminal
 *       direct repeat: its first and last {@code min(L/2, 5000)} bases align on the same strand
 *       over at least {@value #MIN_LTR} bases at identity &gt;= {@value #MIN_IDENTITY}, the repeat
 *       starting within {@value #END_SLACK} bases of the consensus' start and ending as near its
 *       end.</li>
 *   <li><b>DNA</b> (a DNA transposon) when the consensus begins with the reverse complement of its
 *       end, a terminal inverted repeat of at least {@value #MIN_TIR} bases: the same alignment on
 *       the minus strand, or, for TIRs too short to seed an alignment, an ungapped match of the two
 *       ends at identity &gt;= 0.85 starting within 8 bases of each end.</li>
 *   <li><b>LINE</b> or <b>SINE</b> when the consensus ends in a poly-A tail (at least
 *       {@value #MIN_POLY_A} bases, &gt;= 85% A, ending within 5 bases of the 3' end; a poly-T head
 *       is the same tail on the other strand, and the consensus is then reported reverse-complemented).
 *       The length rule: a consensus of at most {@value #SINE_MAX_LENGTH} bases is a SINE (SINEs are
 *       80-500 bases, a few up to 700), a longer one a LINE (full LINEs are 4-7 kb; a family known
 *       only from 5'-truncated copies keeps more than 700 bases of its 3' end in most genomes).</li>
 *   <li>Otherwise <b>Unknown</b>.</li>
 * </ol>
 * An LTR retrotransposon with fewer complete copies than it has solo LTRs is often reported as
 * two families, its LTR and its internal part, neither with terminal repeats of its own; their
 * layout in the genome ({@link LtrLayout}: the internal part between two LTRs on one strand) then
 * classifies both LTR, ahead of the rules 3-5.
 * <ol>
 * </ol>
 * Target-site duplications are supporting evidence: a terminal repeat at identity 0.70-0.80 is
 * still taken when the elements' most common TSD is that of the class (LTR 4-6 bases, DNA 2-10)
 * in at least {@value #TSD_SUPPORT} of them. Thread-safe.
 */
public final class StructuralClassifier {
    public static final int MIN_LTR = 80;
    public static final int MIN_TIR = 12;
    public static final int MIN_POLY_A = 10;
    public static final int SINE_MAX_LENGTH = 700;
    public static final double MIN_IDENTITY = 0.80;
    public static final int END_SLACK = 60;
    public static final double TSD_SUPPORT = 0.3;
    private static final double WEAK_IDENTITY = 0.70;
    private static final int WINDOW = 5000;

    /**
     * One aligner a thread (an aligner keeps its work arrays between calls), seeding with 8-mers:
     * two LTRs at 75% identity share few 11-mers, and a consensus' ends are short enough for the
     * chance 8-mer hits not to outnumber them.
     */
    private final ThreadLocal<PairwiseAligner> aligners = ThreadLocal.withInitial(
            () -> new PairwiseAligner(Scoring.BLASTN, Seeding.DEFAULT.withK(8)));

    /**
     * @param consensus      the consensus (codes 0..3, others invalid)
     * @param tsd            the elements' most common target-site duplication length, 0 for none
     * @param tsdShare       the share of sampled elements that have it, in [0, 1]
     * @param tandemElements whether most elements sit end to end with one another
     * @param ltrLayout      whether the elements are laid out as the parts of LTR elements in the
     *                       genome (see {@link LtrLayout}): the family is an LTR or the internal part
     *                       between two, whatever its consensus looks like
     * @return the class and its evidence
     */
    public Classification classify(byte[] consensus, int tsd, double tsdShare, boolean tandemElements,
                                   boolean ltrLayout) {
        if (tsdShare < 0 || tsdShare > 1 || tsd < 0) {
            throw new IllegalArgumentException("bad TSD evidence: length " + tsd + ", share " + tsdShare);
        }
        int direct = terminalRepeat(consensus, Strand.PLUS, MIN_LTR, supports(tsd, tsdShare, 4, 6));
        int inverted = terminalRepeat(consensus, Strand.MINUS, MIN_TIR, supports(tsd, tsdShare, 2, 10));
        if (inverted == 0) {
            inverted = ungappedInvertedEnds(consensus);
        }
        int tail = polyATail(consensus);
        int head = tail > 0 ? 0 : polyTHead(consensus);
        RepeatClass c;
        if (tandemElements) {
            c = RepeatClass.SATELLITE;
        } else if (direct > 0 || ltrLayout) {
            c = RepeatClass.LTR;
        } else if (inverted > 0) {
            c = RepeatClass.DNA;
        } else if (tail > 0 || head > 0) {
            c = consensus.length <= SINE_MAX_LENGTH ? RepeatClass.SINE : RepeatClass.LINE;
        } else {
            c = RepeatClass.UNKNOWN;
        }
        boolean reverse = (c == RepeatClass.LINE || c == RepeatClass.SINE) && head > 0;
        return new Classification(c, reverse, direct, inverted, Math.max(tail, head), tsd, tsdShare, tandemElements);
    }

    private static boolean supports(int tsd, double share, int min, int max) {
        return tsd >= min && tsd <= max && share >= TSD_SUPPORT;
    }

    /**
     * The length of a terminal repeat (direct on PLUS, inverted on MINUS) anchored at both ends of
     * the consensus, 0 when there is none.
     */
    int terminalRepeat(byte[] c, Strand strand, int minLength, boolean tsdSupport) {
        int w = Math.min(c.length / 2, WINDOW);
        if (w < minLength) {
            return 0;
        }
        byte[] head = Arrays.copyOfRange(c, 0, w);
        byte[] tail = Arrays.copyOfRange(c, c.length - w, c.length);
        PairwiseAligner aligner = aligners.get();
        Band band = aligner.band(head, tail, strand);
        if (band == null) {
            return 0;
        }
        Alignment a = aligner.align(head, tail, band);
        // Both strands: the head's first base faces the tail's last (Alignment's coordinates).
        boolean anchored = a.startA() <= END_SLACK && a.endB() >= w - END_SLACK;
        int length = a.endA() - a.startA();
        double needed = tsdSupport ? WEAK_IDENTITY : MIN_IDENTITY;
        return anchored && length >= minLength && a.identity() >= needed ? length : 0;
    }

    /** A short TIR: the ends match base for base (reverse complement), allowing 8 bases of slack each. */
    static int ungappedInvertedEnds(byte[] c) {
        int best = 0;
        int n = c.length;
        for (int o1 = 0; o1 <= 8; o1++) {
            for (int o2 = 0; o2 <= 8; o2++) {
                int matches = 0;
                int limit = Math.min(300, (n - o1 - o2) / 2);
                for (int i = 0; i < limit; i++) {
                    int x = c[o1 + i];
                    int y = c[n - 1 - o2 - i];
                    boolean match = x <= 3 && y <= 3 && x >= 0 && y >= 0 && x == 3 - y;
                    if (i < 4 && !match) {
                        break; // not anchored at this offset
                    }
                    if (match) {
                        matches++;
                    }
                    int len = i + 1;
                    if (len - matches > 0.2 * len + 2) {
                        break;
                    }
                    if (len >= MIN_TIR && match && matches >= 0.85 * len && len > best) {
                        best = len;
                    }
                }
            }
        }
        return best;
    }

    /** The poly-A tail: the longest A-rich (&gt;= 85%) stretch from an A, ending within 5 bases of the end. */
    static int polyATail(byte[] c) {
        return richEnd(c, false);
    }

    /** The poly-T head: the longest T-rich stretch ending in a T, starting within 5 bases of the start. */
    static int polyTHead(byte[] c) {
        return richEnd(c, true);
    }

    private static int richEnd(byte[] c, boolean head) {
        int n = c.length;
        int best = 0;
        for (int slack = 0; slack <= 5 && slack < n; slack++) {
            int count = 0;
            for (int len = 1; len <= Math.min(100, n - slack); len++) {
                int b = head ? c[slack + len - 1] : c[n - 1 - slack - len + 1];
                boolean hit = head ? b == 3 : b == 0;
                if (hit) {
                    count++;
                }
                if (len == 1 && !hit) {
                    break;
                }
                if (len >= MIN_POLY_A && hit && count >= 0.85 * len && len > best) {
                    best = len;
                }
                if (len - count > 0.15 * len + 3) {
                    break;
                }
            }
        }
        return best;
    }
}
