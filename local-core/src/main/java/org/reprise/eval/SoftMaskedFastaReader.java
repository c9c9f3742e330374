package org.reprise.eval;

import org.reprise.genome.ContigDictionary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a soft-masked FASTA (RepeatMasker {@code -xsmall}, UCSC genomes): runs of lowercase
 * letters are the repeats. The same pass yields the contig lengths, which is why a soft-masked
 * truth alone is enough to compute specificity.
 *
 * <p>A simple streaming parser rather than htsjdk's FastaSequenceFile: it never holds a whole
 * chromosome in memory and it knows the line number of every header for error messages. The
 * contig name is the header up to the first whitespace, as in samtools faidx.
 */
public final class SoftMaskedFastaReader {
    private SoftMaskedFastaReader() {
    }

    /** The masked bases and the contig lengths of one FASTA file. */
    public record Result(RepeatAnnotation mask, ContigDictionary lengths) {
    }

    /**
     * @param fasta       the file (plain, gzip or BGZF)
     * @param known       if not null, every contig must exist there with the same length (checks a
     *                    soft-masked side against the --genome or against the other side)
     * @param collectMask false to only measure lengths
     */
    public static Result read(Path fasta, ContigDictionary known, boolean collectMask) throws IOException {
        RepeatAnnotation.Builder mask = new RepeatAnnotation.Builder();
        Map<String, Long> lengths = new LinkedHashMap<>();
        try (LineSource in = new LineSource(fasta)) {
            String name = null;
            long headerLine = 0;
            long pos = 0;
            long runStart = -1;
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.startsWith(">")) {
                    if (name != null) {
                        if (runStart >= 0) {
                            mask.add(name, runStart, pos);
                        }
                        finish(in, known, lengths, name, pos, headerLine);
                    }
                    name = firstWord(line.substring(1));
                    if (name.isEmpty()) {
                        throw in.error("FASTA header without a sequence name");
                    }
                    if (lengths.containsKey(name)) {
                        throw in.error("sequence '" + name + "' appears twice");
                    }
                    if (known != null && known.indexOf(name) < 0) {
                        throw in.error("sequence '" + name + "' is not in " + known.source());
                    }
                    headerLine = in.lineNumber();
                    pos = 0;
                    runStart = -1;
                    continue;
                }
                if (line.startsWith(";")) {
                    continue; // old-style FASTA comment
                }
                if (name == null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    throw in.error("sequence data before the first '>' header; is this a FASTA file?");
                }
                for (int i = 0, n = line.length(); i < n; i++) {
                    char c = line.charAt(i);
                    if (c == ' ' || c == '\t') {
                        continue;
                    }
                    if (collectMask) {
                        boolean lower = c >= 'a' && c <= 'z';
                        if (lower && runStart < 0) {
                            runStart = pos;
                        } else if (!lower && runStart >= 0) {
                            mask.add(name, runStart, pos);
                            runStart = -1;
                        }
                    }
                    pos++;
                }
            }
            if (name != null) {
                if (runStart >= 0) {
                    mask.add(name, runStart, pos);
                }
                finish(in, known, lengths, name, pos, headerLine);
            }
        }
        if (lengths.isEmpty()) {
            throw new InputFormatException(fasta, 0, "no FASTA sequence found");
        }
        long[] sizes = new long[lengths.size()];
        int i = 0;
        for (long length : lengths.values()) {
            sizes[i++] = length;
        }
        return new Result(mask.build(), ContigDictionary.of(fasta.toString(), List.copyOf(lengths.keySet()), sizes));
    }

    private static void finish(LineSource in, ContigDictionary known, Map<String, Long> lengths,
                               String name, long length, long headerLine) throws InputFormatException {
        if (known != null && known.lengthOf(name) != length) {
            throw new InputFormatException(in.file(), headerLine, "sequence '" + name + "' has " + length
                    + " bases but " + known.lengthOf(name) + " in " + known.source());
        }
        lengths.put(name, length);
    }

    /** The text up to the first whitespace (space, tab or other). */
    static String firstWord(String s) {
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return t.substring(0, i);
            }
        }
        return t;
    }
}
