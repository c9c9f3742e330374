package org.reprise.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contig names and lengths of the genome, needed to count true-negative bases and to reject
 * intervals that fall off the end of a contig. Keeps the genome's contig order for reports.
 */
public final class ContigLengths {
    private final Map<String, Long> lengths;
    private final String source;

    /**
     * @param lengths contig name to length, in genome order (copied)
     * @param source  where the lengths came from, for error messages (e.g. a file name)
     */
    public ContigLengths(Map<String, Long> lengths, String source) {
        this.lengths = Collections.unmodifiableMap(new LinkedHashMap<>(lengths));
        this.source = source;
    }

    /** Reads a samtools .fai index: name TAB length TAB ... */
    public static ContigLengths fromFai(Path fai) throws IOException {
        Map<String, Long> lengths = new LinkedHashMap<>();
        try (LineSource in = new LineSource(fai)) {
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 2) {
                    throw in.error("expected at least 2 tab-separated columns (name, length) in a .fai index");
                }
                long length = in.parseLong(cols[1], "column 2 (length)");
                if (length < 0) {
                    throw in.error("negative contig length " + length);
                }
                if (lengths.put(cols[0], length) != null) {
                    throw in.error("contig '" + cols[0] + "' is listed twice");
                }
            }
        }
        return new ContigLengths(lengths, fai.toString());
    }

    /**
     * Contig lengths of a FASTA file: from its .fai index when one sits next to it (fast), else by
     * reading the sequence.
     */
    public static ContigLengths fromFasta(Path fasta) throws IOException {
        Path fai = fasta.resolveSibling(fasta.getFileName() + ".fai");
        if (Files.isRegularFile(fai)) {
            ContigLengths fromIndex = fromFai(fai);
            return new ContigLengths(fromIndex.lengths, fasta.toString());
        }
        return SoftMaskedFastaReader.read(fasta, null, false).lengths();
    }

    /** The length of a contig, or null when the genome has no such contig. */
    public Long get(String contig) {
        return lengths.get(contig);
    }

    /** Contig names in genome order. */
    public List<String> names() {
        return List.copyOf(lengths.keySet());
    }

    public int size() {
        return lengths.size();
    }

    /** Where these lengths came from (a file name), for messages. */
    public String source() {
        return source;
    }
}
