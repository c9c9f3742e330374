package org.reprise.io;

import org.reprise.discover.DiscoveryResult;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * {@code .summary.json}: parameters, k, genome size, families, elements, masked bases, wall time per
 * phase and peak heap. Hand-written JSON: the values are numbers and plain strings only.
 */
public final class SummaryWriter {
    private SummaryWriter() {
    }

    public static void write(DiscoveryResult r, Map<String, Double> extraSeconds, long peakHeapBytes,
                             long maskedBases, String version, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("{\n");
        s.append("  \"tool\": \"reprise-spark\",\n");
        s.append("  \"version\": ").append(quote(version)).append(",\n");
        s.append("  \"input\": ").append(quote(r.genome().source())).append(",\n");
        s.append("  \"parameters\": {");
        boolean first = true;
        for (Map.Entry<String, Object> e : r.parameters().asMap().entrySet()) {
            s.append(first ? "" : ",").append("\n    ").append(quote(e.getKey())).append(": ").append(e.getValue());
            first = false;
        }
        s.append("\n  },\n");
        s.append("  \"k\": ").append(r.k()).append(",\n");
        s.append("  \"genome\": {\"contigs\": ").append(r.genome().contigCount())
                .append(", \"bases\": ").append(r.genome().length())
                .append(", \"valid_bases\": ").append(r.genome().validBases()).append("},\n");
        s.append("  \"seeds\": ").append(r.seeds().size()).append(",\n");
        s.append("  \"seeds_processed\": ").append(r.seedsProcessed()).append(",\n");
        s.append("  \"families\": ").append(r.families().size()).append(",\n");
        s.append("  \"elements\": ").append(r.elementCount()).append(",\n");
        s.append("  \"masked_bases\": ").append(maskedBases).append(",\n");
        s.append("  \"masked_fraction\": ")
                .append(String.format(java.util.Locale.ROOT, "%.6f", (double) maskedBases / Math.max(1, r.genome().length())))
                .append(",\n");
        s.append("  \"repeat_mask_bases\": ").append(r.repeatMaskedBases()).append(",\n");
        s.append("  \"index_bytes\": ").append(r.indexBytes()).append(",\n");
        s.append("  \"family_loop\": {");
        first = true;
        for (Map.Entry<String, Long> e : r.familyLoopCounters().entrySet()) {
            s.append(first ? "" : ", ").append(quote(e.getKey())).append(": ").append(e.getValue());
            first = false;
        }
        s.append("},\n");
        s.append("  \"seconds\": {");
        first = true;
        for (Map<String, Double> m : java.util.List.of(r.phaseSeconds(), extraSeconds)) {
            for (Map.Entry<String, Double> e : m.entrySet()) {
                s.append(first ? "" : ",").append("\n    ").append(quote(e.getKey())).append(": ")
                        .append(String.format(java.util.Locale.ROOT, "%.3f", e.getValue()));
                first = false;
            }
        }
        s.append("\n  },\n");
        s.append("  \"peak_heap_bytes\": ").append(peakHeapBytes).append("\n");
        s.append("}\n");
        out.write(s.toString());
    }

    static String quote(String v) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
