package org.reprise.align;

/**
 * The scores of a local alignment with affine gaps. A gap of length L scores
 * {@code gapOpen + L * gapExtend} (NCBI's convention: blastn's "-gapopen 5 -gapextend 2" is
 * {@code gapOpen = -5, gapExtend = -2}, so a one-base gap costs 7). An invalid base (N) matches
 * nothing, not even another N: it scores {@code mismatch} against everything.
 *
 * @param match     score of two equal bases, positive
 * @param mismatch  score of two different bases, negative
 * @param gapOpen   score added once per gap, zero or negative
 * @param gapExtend score added for every gap column, negative
 */
public record Scoring(int match, int mismatch, int gapOpen, int gapExtend) {
    /** blastn's defaults for its "blastn" task: +2, -3, open -5, extend -2. */
    public static final Scoring BLASTN = new Scoring(2, -3, -5, -2);

    public Scoring {
        if (match <= 0 || match > 1000) {
            throw new IllegalArgumentException("match score must be in 1..1000, got " + match);
        }
        if (mismatch >= 0 || mismatch < -1000) {
            throw new IllegalArgumentException("mismatch score must be in -1000..-1, got " + mismatch);
        }
        if (gapOpen > 0 || gapOpen < -1000) {
            throw new IllegalArgumentException("gap open score must be in -1000..0, got " + gapOpen);
        }
        if (gapExtend >= 0 || gapExtend < -1000) {
            throw new IllegalArgumentException("gap extend score must be in -1000..-1, got " + gapExtend);
        }
    }
}
