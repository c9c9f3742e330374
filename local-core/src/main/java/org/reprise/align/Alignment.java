package org.reprise.align;

/**
 * One local alignment of a sequence A with a sequence B, or with B's reverse complement
 * ({@link Strand#MINUS}). Immutable.
 *
 * <p>Coordinates are 0-based, half-open, and always on the forward strand of the sequence as it
 * was given: on the minus strand, {@code [startB, endB)} is the forward-strand span whose reverse
 * complement was aligned, so A's {@code startA} faces B's {@code endB - 1}.
 *
 * <p>Columns are {@code matches + mismatches + gapColumns}; a gap column holds a base of one
 * sequence only. {@link #identity()} is matches over columns, the definition of BLAST's
 * "identities" and of cd-hit's {@code -G 0}. An invalid base (N) is never a match.
 */
public final class Alignment {

    private final Strand strand;
    private final int score;
    private final int startA, endA, lengthA;
    private final int startB, endB, lengthB;
    private final int matches, mismatches, gapColumns;

    /**
     * @throws IllegalArgumentException if a span is outside its sequence or the counts do not fit
     *                                  the spans (each aligned base is in exactly one column)
     */
    public Alignment(Strand strand, int score, int startA, int endA, int lengthA, int startB, int endB, int lengthB,
                     int matches, int mismatches, int gapColumns) {
        if (strand == null) {
            throw new IllegalArgumentException("strand is null");
        }
        if (startA < 0 || endA < startA || endA > lengthA) {
            throw new IllegalArgumentException("span [" + startA + ", " + endA + ") is not within A's " + lengthA + " bases");
        }
        if (startB < 0 || endB < startB || endB > lengthB) {
            throw new IllegalArgumentException("span [" + startB + ", " + endB + ") is not within B's " + lengthB + " bases");
        }
        if (matches < 0 || mismatches < 0 || gapColumns < 0
                || 2L * (matches + mismatches) + gapColumns != (long) (endA - startA) + (endB - startB)) {
            throw new IllegalArgumentException("counts " + matches + "/" + mismatches + "/" + gapColumns
                    + " do not fit spans of " + (endA - startA) + " and " + (endB - startB) + " bases");
        }
        this.strand = strand;
        this.score = score;
        this.startA = startA;
        this.endA = endA;
        this.lengthA = lengthA;
        this.startB = startB;
        this.endB = endB;
        this.lengthB = lengthB;
        this.matches = matches;
        this.mismatches = mismatches;
        this.gapColumns = gapColumns;
    }

    /** The alignment of nothing: score 0, no column, identity and coverage 0. */
    public static Alignment empty(Strand strand, int lengthA, int lengthB) {
        return new Alignment(strand, 0, 0, 0, lengthA, 0, 0, lengthB, 0, 0, 0);
    }

    public Strand strand() {
        return strand;
    }

    public int score() {
        return score;
    }

    /** First aligned base of A (0-based). */
    public int startA() {
        return startA;
    }

    /** One past the last aligned base of A. */
    public int endA() {
        return endA;
    }

    public int lengthA() {
        return lengthA;
    }

    /** First aligned base of B on B's forward strand (0-based). */
    public int startB() {
        return startB;
    }

    /** One past the last aligned base of B on B's forward strand. */
    public int endB() {
        return endB;
    }

    public int lengthB() {
        return lengthB;
    }

    public int matches() {
        return matches;
    }

    public int mismatches() {
        return mismatches;
    }

    /** Columns holding a base of one sequence only (insertions plus deletions). */
    public int gapColumns() {
        return gapColumns;
    }

    public int columns() {
        return matches + mismatches + gapColumns;
    }

    /** True when nothing is aligned (no column). */
    public boolean isEmpty() {
        return columns() == 0;
    }

    /** Matches over columns; 0 for an empty alignment. */
    public double identity() {
        int c = columns();
        return c == 0 ? 0 : (double) matches / c;
    }

    /** A's aligned span over A's length; 0 when A is empty. */
    public double coverageA() {
        return lengthA == 0 ? 0 : (double) (endA - startA) / lengthA;
    }

    /** B's aligned span over B's length; 0 when B is empty. */
    public double coverageB() {
        return lengthB == 0 ? 0 : (double) (endB - startB) / lengthB;
    }

    /**
     * The coverage of the shorter sequence, as cd-hit's {@code -aS}; when both have the same
     * length, the smaller of the two coverages (so that swapping A and B changes nothing).
     */
    public double coverageOfShorter() {
        if (lengthA == lengthB) {
            return Math.min(coverageA(), coverageB());
        }
        return lengthB < lengthA ? coverageB() : coverageA();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alignment x && strand == x.strand && score == x.score && startA == x.startA
                && endA == x.endA && lengthA == x.lengthA && startB == x.startB && endB == x.endB
                && lengthB == x.lengthB && matches == x.matches && mismatches == x.mismatches
                && gapColumns == x.gapColumns;
    }

    @Override
    public int hashCode() {
        int h = strand.hashCode();
        for (int v : new int[] {score, startA, endA, lengthA, startB, endB, lengthB, matches, mismatches, gapColumns}) {
            h = 31 * h + v;
        }
        return h;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "Alignment[%c score=%d A=[%d,%d)/%d B=[%d,%d)/%d columns=%d matches=%d mismatches=%d gaps=%d identity=%.4f]",
                strand.symbol(), score, startA, endA, lengthA, startB, endB, lengthB, columns(), matches, mismatches,
                gapColumns, identity());
    }
}
