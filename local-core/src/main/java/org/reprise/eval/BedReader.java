package org.reprise.eval;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads BED: chrom, 0-based start, end (exclusive), any further columns ignored. {@code track},
 * {@code browser} and {@code #} lines are skipped. REPrise 1.0.1 writes its end inclusive; with
 * {@link ReaderOptions#bedInclusiveEnd()} one is added to every end to undo that.
 */
public final class BedReader {
    private BedReader() {
    }

    public static RepeatAnnotation read(Path bed, ReaderOptions options) throws IOException {
        IntervalCollector out = new IntervalCollector(options);
        long shift = options.bedInclusiveEnd() ? 1 : 0;
        try (LineSource in = new LineSource(bed)) {
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("track")
                        || line.startsWith("browser")) {
                    continue;
                }
                // BED is tab-separated, but hand-made files often use spaces; only fall back to
                // whitespace when there is no tab so that names with spaces survive in real BED.
                String[] cols = line.indexOf('\t') >= 0 ? line.split("\t") : line.trim().split("\\s+");
                if (cols.length < 3) {
                    throw in.error("expected at least 3 columns (chrom, start, end), found " + cols.length);
                }
                long start = in.parseLong(cols[1], "column 2 (start)");
                long end = in.parseLong(cols[2], "column 3 (end)") + shift;
                out.add(in, cols[0], start, end,
                        "BED interval " + cols[0] + " " + cols[1].trim() + " " + cols[2].trim());
            }
        }
        return out.build();
    }
}
