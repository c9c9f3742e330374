package org.reprise.eval;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a RepeatMasker {@code .out} table. The columns are whitespace-aligned; column 5 is the
 * query sequence and columns 6-7 its 1-based inclusive begin and end. Rather than skipping a
 * fixed three header lines, any line whose first field is not an integer score is taken as
 * header or message text (RepeatMasker also writes "There were no repetitive sequences
 * detected"), which survives concatenated and re-headed files.
 */
public final class RepeatMaskerOutReader {
    private RepeatMaskerOutReader() {
    }

    public static RepeatAnnotation read(Path out, ReaderOptions options) throws IOException {
        IntervalCollector collector = new IntervalCollector(options);
        try (LineSource in = new LineSource(out)) {
            for (String line = in.next(); line != null; line = in.next()) {
                String trimmed = line.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] cols = trimmed.split("\\s+");
                if (!isInteger(cols[0])) {
                    continue; // header or message line
                }
                if (cols.length < 7) {
                    throw in.error("expected at least 7 columns in a RepeatMasker .out line, found " + cols.length);
                }
                long begin = in.parseLong(cols[5], "column 6 (query begin)");
                long end = in.parseLong(cols[6], "column 7 (query end)");
                if (begin < 1) {
                    throw in.error("query begin must be at least 1, found " + begin);
                }
                collector.add(in, cols[4], begin - 1, end,
                        "RepeatMasker hit " + cols[4] + " " + begin + "-" + end);
            }
        }
        return collector.build();
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
