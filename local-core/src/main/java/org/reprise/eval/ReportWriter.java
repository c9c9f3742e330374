package org.reprise.eval;

import org.reprise.util.JsonOutput;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes an {@link EvaluationResult} as a TSV table or as JSON. Ratios have 4 decimals; a ratio
 * whose denominator is 0, and TN without contig lengths, is written NA (TSV) or null (JSON).
 * The JSON goes through {@link JsonOutput}.
 */
public final class ReportWriter {
    /** The TSV header, also the order of the values in each row. */
    public static final String TSV_HEADER = String.join("\t", "contig", "truth_bases", "predicted_bases",
            "TP", "FP", "FN", "TN", "sensitivity", "specificity", "precision", "F1");

    /** The contig name of the total line. */
    public static final String ALL = "ALL";

    private ReportWriter() {
    }

    /** The table: header, one row per contig when {@code perContig}, then the ALL row. */
    public static void writeTsv(EvaluationResult result, boolean perContig, Appendable out) throws IOException {
        out.append(TSV_HEADER).append('\n');
        if (perContig) {
            for (EvaluationResult.ContigRow row : result.contigs()) {
                out.append(tsvRow(row.contig(), row.counts())).append('\n');
            }
        }
        out.append(tsvRow(ALL, result.all())).append('\n');
    }

    static String tsvRow(String name, BaseCounts c) {
        return String.join("\t", name, Long.toString(c.truthBases()), Long.toString(c.predictedBases()),
                Long.toString(c.tp()), Long.toString(c.fp()), Long.toString(c.fn()),
                c.hasTrueNegatives() ? Long.toString(c.tn()) : "NA",
                ratio(c.sensitivity(), "NA"), ratio(c.specificity(), "NA"),
                ratio(c.precision(), "NA"), ratio(c.f1(), "NA"));
    }

    /**
     * The same content as JSON ({@link JsonOutput}); ratios rounded to 4 decimals, null where the
     * TSV says NA.
     *
     * @param inputs string fields written first (e.g. truth and prediction file names), in order
     */
    public static void writeJson(EvaluationResult result, boolean perContig, Map<String, String> inputs,
                                 Writer out) throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>(inputs);
        if (perContig) {
            List<Object> rows = new ArrayList<>();
            for (EvaluationResult.ContigRow row : result.contigs()) {
                rows.add(counts(row.contig(), row.counts()));
            }
            tree.put("contigs", rows);
        }
        tree.put("all", counts(ALL, result.all()));
        tree.put("only_in_truth", oneSided(result.onlyInTruth()));
        tree.put("only_in_prediction", oneSided(result.onlyInPrediction()));
        JsonOutput.write(tree, out);
    }

    private static Map<String, Object> counts(String name, BaseCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contig", name);
        m.put("truth_bases", c.truthBases());
        m.put("predicted_bases", c.predictedBases());
        m.put("TP", c.tp());
        m.put("FP", c.fp());
        m.put("FN", c.fn());
        m.put("TN", c.hasTrueNegatives() ? c.tn() : null);
        m.put("sensitivity", ratio(c.sensitivity()));
        m.put("specificity", ratio(c.specificity()));
        m.put("precision", ratio(c.precision()));
        m.put("F1", ratio(c.f1()));
        return m;
    }

    private static List<Object> oneSided(List<EvaluationResult.OneSidedContig> list) {
        List<Object> out = new ArrayList<>();
        for (EvaluationResult.OneSidedContig c : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("contig", c.contig());
            m.put("bases", c.bases());
            out.add(m);
        }
        return out;
    }

    private static Double ratio(OptionalDouble v) {
        return v.isPresent() ? Math.round(v.getAsDouble() * 1e4) / 1e4 : null;
    }

    static String ratio(OptionalDouble v, String missing) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.4f", v.getAsDouble()) : missing;
    }
}
