package org.reprise.eval;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link FamilyReport} as TSV (one line per true family, then a TOTAL line of
 * key=value fields) or as JSON with the same content. Identity and coverage have 4 decimals; a
 * missing value is NA (TSV) or null (JSON).
 */
public final class FamilyReportWriter {
    /** The TSV header, also the order of the values in each family line. */
    public static final String TSV_HEADER = String.join("\t", "family", "class", "length", "status", "best_entry",
            "identity", "coverage");

    private FamilyReportWriter() {
    }

    public static void writeTsv(FamilyReport report, Appendable out) throws IOException {
        out.append(TSV_HEADER).append('\n');
        for (FamilyReport.Row r : report.families()) {
            out.append(String.join("\t", r.name(), r.classification() == null ? "NA" : r.classification(),
                    Integer.toString(r.length()), r.status().label(), r.bestEntry() == null ? "NA" : r.bestEntry(),
                    decimal(r.identity(), "NA"), decimal(r.coverage(), "NA"))).append('\n');
        }
        FamilyReport.Totals t = report.totals();
        out.append("TOTAL");
        for (Map.Entry<String, Integer> e : totals(t).entrySet()) {
            out.append('\t').append(e.getKey()).append('=').append(Integer.toString(e.getValue()));
        }
        out.append('\n');
    }

    /**
     * @param inputs string fields written first (e.g. the file names), in order
     */
    public static void writeJson(FamilyReport report, Map<String, String> inputs, Appendable out) throws IOException {
        out.append("{\n");
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            out.append("  ").append(ReportWriter.quote(e.getKey())).append(": ")
                    .append(e.getValue() == null ? "null" : ReportWriter.quote(e.getValue())).append(",\n");
        }
        out.append("  \"families\": [");
        List<FamilyReport.Row> rows = report.families();
        for (int i = 0; i < rows.size(); i++) {
            FamilyReport.Row r = rows.get(i);
            out.append(i == 0 ? "\n    " : ",\n    ")
                    .append("{\"family\": ").append(ReportWriter.quote(r.name()))
                    .append(", \"class\": ").append(r.classification() == null ? "null" : ReportWriter.quote(r.classification()))
                    .append(", \"length\": ").append(Integer.toString(r.length()))
                    .append(", \"status\": ").append(ReportWriter.quote(r.status().label()))
                    .append(", \"best_entry\": ").append(r.bestEntry() == null ? "null" : ReportWriter.quote(r.bestEntry()))
                    .append(", \"identity\": ").append(decimal(r.identity(), "null"))
                    .append(", \"coverage\": ").append(decimal(r.coverage(), "null")).append('}');
        }
        out.append(rows.isEmpty() ? "],\n" : "\n  ],\n");
        out.append("  \"totals\": {");
        boolean first = true;
        for (Map.Entry<String, Integer> e : totals(report.totals()).entrySet()) {
            out.append(first ? "" : ", ").append(ReportWriter.quote(e.getKey())).append(": ")
                    .append(Integer.toString(e.getValue()));
            first = false;
        }
        out.append("}\n}\n");
    }

    /** The totals as (name, value) in report order. */
    private static Map<String, Integer> totals(FamilyReport.Totals t) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("perfect", t.perfect());
        m.put("good", t.good());
        m.put("present", t.present());
        m.put("missed", t.missed());
        m.put("families", t.families());
        m.put("library", t.libraryEntries());
        m.put("false_entries", t.falseEntries());
        m.put("classified_correctly", t.classifiedCorrectly());
        m.put("classified_wrongly", t.classifiedWrongly());
        m.put("unclassified", t.unclassified());
        return m;
    }

    private static String decimal(double v, String missing) {
        return Double.isNaN(v) ? missing : String.format(Locale.ROOT, "%.4f", v);
    }
}
