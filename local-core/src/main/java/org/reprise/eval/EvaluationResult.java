package org.reprise.eval;

import java.util.List;

/**
 * The outcome of an evaluation: one row per contig, the genome-wide total, and the contigs that
 * only one side annotates (often a sign of mismatched contig names, so they are called out).
 *
 * @param contigs          per-contig rows, in genome order (or truth-then-prediction order)
 * @param all              totals over every contig, including one-sided ones
 * @param onlyInTruth      contigs with truth repeats but no predicted base
 * @param onlyInPrediction contigs with predicted repeats but no truth base
 */
public record EvaluationResult(List<ContigRow> contigs, BaseCounts all, List<OneSidedContig> onlyInTruth,
                               List<OneSidedContig> onlyInPrediction) {

    public EvaluationResult {
        contigs = List.copyOf(contigs);
        onlyInTruth = List.copyOf(onlyInTruth);
        onlyInPrediction = List.copyOf(onlyInPrediction);
    }

    /** Counts of one contig. */
    public record ContigRow(String contig, BaseCounts counts) {
    }

    /** A contig annotated on one side only, with its annotated bases. */
    public record OneSidedContig(String contig, long bases) {
    }

    /** The row of a contig, or null. */
    public ContigRow row(String contig) {
        for (ContigRow r : contigs) {
            if (r.contig().equals(contig)) {
                return r;
            }
        }
        return null;
    }
}
