package org.reprise.eval;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads GFF3: 9 tab-separated columns, 1-based start and inclusive end, so a feature becomes
 * [start-1, end). Comment and directive lines are skipped and reading stops at {@code ##FASTA},
 * after which the file holds sequences, not features. The seqid is percent-decoded as GFF3
 * requires (e.g. {@code %20}).
 */
public final class Gff3Reader {
    private Gff3Reader() {
    }

    public static RepeatAnnotation read(Path gff, ReaderOptions options) throws IOException {
        IntervalCollector out = new IntervalCollector(options);
        try (LineSource in = new LineSource(gff)) {
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.startsWith("##FASTA")) {
                    break;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 5) {
                    throw in.error("expected 9 tab-separated GFF3 columns, found " + cols.length);
                }
                if (!options.gffTypes().isEmpty() && !options.gffTypes().contains(cols[2])) {
                    continue;
                }
                long start = in.parseLong(cols[3], "column 4 (start)");
                long end = in.parseLong(cols[4], "column 5 (end)");
                if (start < 1) {
                    throw in.error("GFF3 start must be at least 1, found " + start);
                }
                out.add(in, percentDecode(in, cols[0]), start - 1, end,
                        "GFF3 feature " + cols[0] + " " + start + ".." + end);
            }
        }
        return out.build();
    }

    private static String percentDecode(LineSource in, String s) throws InputFormatException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                try {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    throw in.error("bad percent escape in seqid '" + s + "'");
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
