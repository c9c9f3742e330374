package org.reprise.eval;

import org.reprise.util.JsonOutput;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
     * The same content as JSON, through {@link JsonOutput}; identity and coverage rounded to 4
     * decimals, null where the TSV says NA.
     *
     * @param inputs string fields written first (e.g. the file names), in order
     */
    public static void writeJson(FamilyReport report, Map<String, String> inputs, Writer out) throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>(inputs);
        List<Object> rows = new ArrayList<>();
        for (FamilyReport.Row r : report.families()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("family", r.name());
            m.put("class", r.classification());
            m.put("length", r.length());
            m.put("status", r.status().label());
            m.put("best_entry", r.bestEntry());
            m.put("identity", rounded(r.identity()));
            m.put("coverage", rounded(r.coverage()));
            rows.add(m);
        }
        tree.put("families", rows);
        tree.put("totals", new LinkedHashMap<String, Object>(totals(report.totals())));
        JsonOutput.write(tree, out);
    }

    private static Double rounded(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1e4) / 1e4;
    }

    /** The totals as (name, value) in report order. */
    private static Map<String, Integer> totals(FamilyReport.Totals t) {
        Map<String, Integer> m = new LinkedHashMap<>();
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
