package org.reprise.eval;

import java.util.OptionalDouble;

/**
 * Base-level confusion counts of a prediction against a truth, over one contig or a whole genome.
 * True negatives need the contig length; without it {@code tn} is {@link #UNKNOWN} and specificity
 * is not available, while the other metrics are.
 *
 * @param truthBases     bases annotated as repeat in the truth
 * @param predictedBases bases annotated as repeat in the prediction
 * @param tp             bases in both
 * @param fp             bases in the prediction only
 * @param fn             bases in the truth only
 * @param tn             bases in neither, or {@link #UNKNOWN}
 */
public record BaseCounts(long truthBases, long predictedBases, long tp, long fp, long fn, long tn) {
    /** Marks an unknown true-negative count (no contig lengths). */
    public static final long UNKNOWN = -1;

    /** Nothing annotated, nothing known. */
    public static final BaseCounts ZERO = new BaseCounts(0, 0, 0, 0, 0, 0);

    public BaseCounts {
        if (tp < 0 || fp < 0 || fn < 0 || tn < UNKNOWN || tp + fp != predictedBases || tp + fn != truthBases) {
            throw new IllegalArgumentException("inconsistent counts: truth=" + truthBases + " predicted="
                    + predictedBases + " TP=" + tp + " FP=" + fp + " FN=" + fn + " TN=" + tn);
        }
    }

    /**
     * Counts for one contig.
     *
     * @param length contig length, or {@link #UNKNOWN}
     */
    public static BaseCounts of(MergedIntervals truth, MergedIntervals prediction, long length) {
        long tp = truth.overlapBases(prediction);
        long t = truth.bases();
        long p = prediction.bases();
        long tn = UNKNOWN;
        if (length != UNKNOWN) {
            tn = length - (t + p - tp);
            if (tn < 0) {
                throw new IllegalArgumentException("annotations cover more bases than the contig length " + length);
            }
        }
        return new BaseCounts(t, p, tp, p - tp, t - tp, tn);
    }

    /** The sum of two counts; true negatives stay unknown if either side lacks them. */
    public BaseCounts plus(BaseCounts o) {
        long sumTn = tn == UNKNOWN || o.tn == UNKNOWN ? UNKNOWN : tn + o.tn;
        return new BaseCounts(truthBases + o.truthBases, predictedBases + o.predictedBases,
                tp + o.tp, fp + o.fp, fn + o.fn, sumTn);
    }

    public boolean hasTrueNegatives() {
        return tn != UNKNOWN;
    }

    /** TP / (TP + FN): share of truth bases found. */
    public OptionalDouble sensitivity() {
        return ratio(tp, tp + fn);
    }

    /** TN / (TN + FP): share of non-repeat bases left alone; needs contig lengths. */
    public OptionalDouble specificity() {
        return hasTrueNegatives() ? ratio(tn, tn + fp) : OptionalDouble.empty();
    }

    /** TP / (TP + FP): share of predicted bases that are truth repeats. */
    public OptionalDouble precision() {
        return ratio(tp, tp + fp);
    }

    /**
     * 2TP / (2TP + FP + FN), the harmonic mean of precision and sensitivity written so that it
     * is defined (as 0) when one of them is 0/0 but the other side has bases.
     */
    public OptionalDouble f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    private static OptionalDouble ratio(long num, long den) {
        return den == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) num / den);
    }
}
