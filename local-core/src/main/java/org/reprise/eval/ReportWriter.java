package org.reprise.eval;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes an {@link EvaluationResult} as a TSV table or as JSON. Ratios have 4 decimals; a ratio
 * whose denominator is 0, and TN without contig lengths, is written NA (TSV) or null (JSON).
 * The JSON is written by hand to avoid a dependency for a dozen fields.
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
     * The same content as JSON.
     *
     * @param inputs string fields written first (e.g. truth and prediction file names), in order
     */
    public static void writeJson(EvaluationResult result, boolean perContig, Map<String, String> inputs,
                                 Appendable out) throws IOException {
        out.append("{\n");
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            out.append("  ").append(quote(e.getKey())).append(": ")
                    .append(e.getValue() == null ? "null" : quote(e.getValue())).append(",\n");
        }
        if (perContig) {
            out.append("  \"contigs\": [");
            List<EvaluationResult.ContigRow> rows = result.contigs();
            for (int i = 0; i < rows.size(); i++) {
                out.append(i == 0 ? "\n    " : ",\n    ")
                        .append(jsonCounts(rows.get(i).contig(), rows.get(i).counts()));
            }
            out.append(rows.isEmpty() ? "],\n" : "\n  ],\n");
        }
        out.append("  \"all\": ").append(jsonCounts(ALL, result.all())).append(",\n");
        out.append("  \"only_in_truth\": ").append(jsonOneSided(result.onlyInTruth())).append(",\n");
        out.append("  \"only_in_prediction\": ").append(jsonOneSided(result.onlyInPrediction())).append('\n');
        out.append("}\n");
    }

    private static String jsonCounts(String name, BaseCounts c) {
        return "{\"contig\": " + quote(name)
                + ", \"truth_bases\": " + c.truthBases()
                + ", \"predicted_bases\": " + c.predictedBases()
                + ", \"TP\": " + c.tp() + ", \"FP\": " + c.fp() + ", \"FN\": " + c.fn()
                + ", \"TN\": " + (c.hasTrueNegatives() ? Long.toString(c.tn()) : "null")
                + ", \"sensitivity\": " + ratio(c.sensitivity(), "null")
                + ", \"specificity\": " + ratio(c.specificity(), "null")
                + ", \"precision\": " + ratio(c.precision(), "null")
                + ", \"F1\": " + ratio(c.f1(), "null") + "}";
    }

    private static String jsonOneSided(List<EvaluationResult.OneSidedContig> list) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("{\"contig\": ").append(quote(list.get(i).contig()))
                    .append(", \"bases\": ").append(list.get(i).bases()).append('}');
        }
        return sb.append(']').toString();
    }

    static String ratio(OptionalDouble v, String missing) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.4f", v.getAsDouble()) : missing;
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
