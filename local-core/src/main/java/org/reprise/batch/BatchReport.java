package org.reprise.batch;

import org.reprise.util.JsonOutput;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The batch report, {@value #TSV} and {@value #JSON} in the output root, rewritten after every
 * genome: one row per manifest genome (manifest order) with {@code genome_id, status, families,
 * elements, masked_fraction, wall_seconds, input, reason, error}; numbers are empty (TSV) or null
 * (JSON) when a genome has no output. The JSON adds the batch's root, manifest, start and update
 * times, whether it has finished, and the count of each status.
 */
public final class BatchReport {
    /** The TSV report's name in the output root. */
    public static final String TSV = "batch-report.tsv";
    /** The JSON report's name in the output root. */
    public static final String JSON = "batch-report.json";
    /** The TSV's header line. */
    public static final String HEADER = "genome_id\tstatus\tfamilies\telements\tmasked_fraction\twall_seconds\tinput\treason\terror";

    private BatchReport() {
    }

    /** The TSV report: {@link #HEADER}, then a row per genome. */
    public static String tsv(List<GenomeResult> genomes) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (GenomeResult g : genomes) {
            sb.append(g.genomeId()).append('\t').append(g.status().word()).append('\t')
                    .append(g.families() == null ? "" : g.families()).append('\t')
                    .append(g.elements() == null ? "" : g.elements()).append('\t')
                    .append(g.maskedFraction() == null ? "" : String.format(Locale.ROOT, "%.6f", g.maskedFraction())).append('\t')
                    .append(g.wallSeconds() == null ? "" : String.format(Locale.ROOT, "%.1f", g.wallSeconds())).append('\t')
                    .append(GenomeResult.oneLine(g.input())).append('\t')
                    .append(g.reason()).append('\t')
                    .append(g.error()).append('\n');
        }
        return sb.toString();
    }

    /**
     * The JSON report.
     *
     * @param batch the batch's fields first in the object (tool, version, root, manifest, times)
     */
    public static String json(Map<String, Object> batch, boolean finished, List<GenomeResult> genomes) throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>(batch);
        tree.put("finished", finished);
        Map<String, Object> counts = new LinkedHashMap<>();
        for (GenomeResult.Status s : GenomeResult.Status.values()) {
            counts.put(s.word(), 0L);
        }
        List<Object> rows = new ArrayList<>();
        for (GenomeResult g : genomes) {
            counts.put(g.status().word(), (Long) counts.get(g.status().word()) + 1);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("genome_id", g.genomeId());
            row.put("status", g.status().word());
            row.put("families", g.families());
            row.put("elements", g.elements());
            row.put("masked_fraction", g.maskedFraction());
            row.put("wall_seconds", g.wallSeconds());
            row.put("input", g.input());
            row.put("reason", g.reason());
            row.put("error", g.error().isEmpty() ? null : g.error());
            rows.add(row);
        }
        tree.put("counts", counts);
        tree.put("genomes", rows);
        StringWriter w = new StringWriter();
        JsonOutput.write(tree, w);
        return w.toString();
    }
}
