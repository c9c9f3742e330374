package org.reprise.eval;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import org.reprise.genome.ContigDictionary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The genome's contigs for {@code evaluate}: from a samtools {@code .fai} index or from the FASTA itself. */
public final class ContigSources {
    private ContigSources() {
    }

    /**
     * Reads a samtools {@code .fai} index (name, length, offset, bases and bytes per line) with
     * htsjdk's reader.
     *
     * @throws InputFormatException naming the file and the line htsjdk refused
     */
    public static ContigDictionary fromFai(Path fai) throws IOException {
        if (!Files.isRegularFile(fai)) {
            throw new InputFormatException(fai, 0, "no such .fai file");
        }
        List<String> names = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        try {
            for (FastaSequenceIndexEntry e : new FastaSequenceIndex(fai)) {
                names.add(e.getContig());
                lengths.add(e.getSize());
            }
        } catch (SAMException e) {
            throw refused(fai, e);
        }
        if (names.isEmpty()) {
            throw new InputFormatException(fai, 0, "the .fai index lists no contig");
        }
        long[] sizes = new long[lengths.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = lengths.get(i);
        }
        try {
            return ContigDictionary.of(fai.toString(), names, sizes);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(fai, 0, e.getMessage());
        }
    }

    /**
     * The contigs of a FASTA file: from its {@code .fai} index when one sits next to it (fast),
     * else by reading the sequence.
     */
    public static ContigDictionary fromFasta(Path fasta) throws IOException {
        Path fai = fasta.resolveSibling(fasta.getFileName() + ".fai");
        if (Files.isRegularFile(fai)) {
            ContigDictionary d = fromFai(fai);
            return ContigDictionary.of(fasta.toString(), d.names(), d.lengths());
        }
        return SoftMaskedFastaReader.read(fasta, null, false).lengths();
    }

    /** htsjdk names the bad line's text, not its number: find it, so the message can say where. */
    private static InputFormatException refused(Path fai, SAMException e) throws IOException {
        String message = String.valueOf(e.getMessage());
        String marker = "index file:";
        int at = message.indexOf(marker);
        if (at >= 0) {
            String bad = message.substring(at + marker.length());
            List<String> lines = Files.readAllLines(fai);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).equals(bad) || lines.get(i).strip().equals(bad.strip())) {
                    return new InputFormatException(fai, i + 1,
                            "not a samtools .fai line (name, length, offset, bases per line, bytes per line): '" + bad + "'");
                }
            }
        }
        return new InputFormatException(fai, 0, "not a samtools .fai index: " + message);
    }
}
