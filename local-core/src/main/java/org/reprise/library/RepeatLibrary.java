package org.reprise.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.GenomeFormatException;

/**
 * Reads a repeat library (or a set of true family consensi) from FASTA: plain, gzip or BGZF,
 * through the genome reader, so bad letters and duplicate names are reported with the file and
 * line as for a genome. Names and classes are parsed as {@link LibraryEntry} describes.
 */
public final class RepeatLibrary {
    private RepeatLibrary() {
    }

    /**
     * The entries of a library FASTA, in file order.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws GenomeFormatException             a one-line message naming the file and line, for
     *                                           a bad letter, a duplicate name, no record at all
     */
    public static List<LibraryEntry> read(Path fasta) throws IOException {
        List<LibraryEntry> entries = new ArrayList<>();
        try (InputStream in = FastaGenomeReader.open(fasta)) {
            FastaGenomeReader.stream(in, fasta.toString(), new FastaGenomeReader.ContigSink() {
                private final java.io.ByteArrayOutputStream codes = new java.io.ByteArrayOutputStream();

                @Override
                public void start(int index, String name) {
                    codes.reset();
                }

                @Override
                public void bases(byte[] block, int from, int to) {
                    codes.write(block, from, to - from);
                }

                @Override
                public void end(int index, String name, long length) {
                    entries.add(LibraryEntry.fromHeaderWord(name, codes.toByteArray()));
                }
            });
        }
        return entries;
    }
}
