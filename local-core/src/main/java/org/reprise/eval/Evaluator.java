package org.reprise.eval;

import org.reprise.genome.ContigDictionary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a predicted repeat annotation with a truth, base by base. Each base of the genome is
 * exactly one of TP, FP, FN or TN; merged intervals make overlapping records count once.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * @param lengths contig lengths, or null; with lengths every genome contig gets a row (so that
     *                the ALL line is the column sum) and true negatives are counted
     * @throws IllegalArgumentException if lengths are given and an annotated contig is missing from
     *                                  them or runs past its end (the readers check this first,
     *                                  with file and line)
     */
    public static EvaluationResult evaluate(RepeatAnnotation truth, RepeatAnnotation prediction,
                                            ContigDictionary lengths) {
        Set<String> names = new LinkedHashSet<>();
        if (lengths != null) {
            names.addAll(lengths.names());
            checkKnown(truth, lengths, "truth");
            checkKnown(prediction, lengths, "prediction");
        } else {
            names.addAll(truth.contigNames());
            names.addAll(prediction.contigNames());
        }

        List<EvaluationResult.ContigRow> rows = new ArrayList<>(names.size());
        List<EvaluationResult.OneSidedContig> onlyTruth = new ArrayList<>();
        List<EvaluationResult.OneSidedContig> onlyPrediction = new ArrayList<>();
        BaseCounts all = lengths != null ? BaseCounts.ZERO
                : new BaseCounts(0, 0, 0, 0, 0, BaseCounts.UNKNOWN);
        for (String contig : names) {
            MergedIntervals t = truth.get(contig);
            MergedIntervals p = prediction.get(contig);
            long length = lengths != null ? lengths.lengthOf(contig) : BaseCounts.UNKNOWN;
            BaseCounts counts = BaseCounts.of(t, p, length);
            rows.add(new EvaluationResult.ContigRow(contig, counts));
            all = all.plus(counts);
            if (t.bases() > 0 && p.bases() == 0) {
                onlyTruth.add(new EvaluationResult.OneSidedContig(contig, t.bases()));
            } else if (p.bases() > 0 && t.bases() == 0) {
                onlyPrediction.add(new EvaluationResult.OneSidedContig(contig, p.bases()));
            }
        }
        return new EvaluationResult(rows, all, onlyTruth, onlyPrediction);
    }

    private static void checkKnown(RepeatAnnotation a, ContigDictionary lengths, String side) {
        for (String contig : a.contigNames()) {
            long length = lengths.lengthOf(contig);
            if (length < 0) {
                throw new IllegalArgumentException(side + " sequence '" + contig + "' is not in " + lengths.source());
            }
            if (a.get(contig).maxEnd() > length) {
                throw new IllegalArgumentException(side + " annotation of '" + contig + "' extends beyond its "
                        + length + " bases in " + lengths.source());
            }
        }
    }
}
