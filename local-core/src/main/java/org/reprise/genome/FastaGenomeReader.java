package org.reprise.genome;

import org.reprise.util.CompressedInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a FASTA file, plain, gzip or BGZF ({@link CompressedInput}), into a {@link Genome}.
 *
 * <p>We parse the records ourselves rather than through htsjdk's FastaSequenceFile because a bad
 * letter must be reported with its contig and line number, and because we convert to codes on the
 * fly instead of holding the letters. Contig names are the header up to the first white space.
 */
public final class FastaGenomeReader {
    private FastaGenomeReader() {
    }

    /** Reads a genome; throws {@link GenomeFormatException} with a one-line message on bad input. */
    public static Genome read(Path path) {
        try (InputStream in = open(path)) {
            return parse(in, path.toString());
        } catch (NoSuchFileException e) {
            throw new GenomeFormatException("input file not found: " + path);
        } catch (IOException e) {
            throw new GenomeFormatException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a FASTA file for reading whatever its compression ({@link CompressedInput}).
     *
     * @throws NoSuchFileException if it does not exist
     * @throws GenomeFormatException if it is a directory or empty
     */
    public static InputStream open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (Files.isDirectory(path)) {
            throw new GenomeFormatException("input is a directory, not a FASTA file: " + path);
        }
        if (Files.size(path) == 0) {
            throw new GenomeFormatException("input file is empty: " + path);
        }
        return CompressedInput.open(Files.newInputStream(path));
    }

    /** Parses FASTA from a stream; {@code source} names it in messages. */
    public static Genome parse(InputStream in, String source) throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> seqs = new ArrayList<>();
        stream(in, source, new ContigSink() {
            private GrowableCodes current;

            @Override
            public void start(int index, String name) {
                current = new GrowableCodes(name);
            }

            @Override
            public void bases(byte[] codes, int from, int to) {
                current.add(codes, from, to);
            }

            @Override
            public void end(int index, String name, long length) {
                names.add(name);
                seqs.add(current.toArray());
                current = null;
            }
        });
        return Genome.of(source, names, seqs);
    }

    /** What {@link #scan} learns in its pass: the contigs, and how many bases are A, C, G or T. */
    public record Scan(ContigDictionary contigs, long validBases) {
    }

    /**
     * The contig table of a FASTA stream in one pass, with every letter checked as {@link #parse}
     * checks it; when {@code codesOut} is not null, every contig's base codes are written to it
     * (one byte a base, contigs end to end: byte i is genome position i), so that later passes
     * read bases by position instead of parsing the FASTA again. Bases are passed on in blocks:
     * no contig is ever held whole, so contigs may pass 2^31 bases.
     */
    public static Scan scan(InputStream in, String source, OutputStream codesOut) throws IOException {
        List<String> names = new ArrayList<>();
        long[][] lengths = {new long[1024]};
        long[] valid = {0};
        stream(in, source, new ContigSink() {
            @Override
            public void bases(byte[] codes, int from, int to) throws IOException {
                if (codesOut != null) {
                    codesOut.write(codes, from, to - from);
                }
                long v = 0;
                for (int i = from; i < to; i++) {
                    if (codes[i] < BaseCode.INVALID) {
                        v++;
                    }
                }
                valid[0] += v;
            }

            @Override
            public void end(int index, String name, long contigLength) {
                if (index == lengths[0].length) {
                    lengths[0] = Arrays.copyOf(lengths[0], index * 2);
                }
                names.add(name);
                lengths[0][index] = contigLength;
            }
        });
        return new Scan(ContigDictionary.of(source, names, Arrays.copyOf(lengths[0], names.size())), valid[0]);
    }

    /** What {@link #stream} hands each record to, as it reads. */
    public interface ContigSink {
        /** Record {@code index} (0-based, file order) starts. */
        default void start(int index, String name) throws IOException {
        }

        /** The next bases of the current record, as codes: {@code codes[from..to)} (the array is reused). */
        void bases(byte[] codes, int from, int to) throws IOException;

        /** The record ended, with {@code length} bases in all. */
        void end(int index, String name, long length) throws IOException;
    }

    /**
     * Parses FASTA from a stream record by record, with the checks and messages of {@link #parse}
     * (bad letters name the contig and line, duplicate names, empty input), handing the bases to
     * the sink in blocks as they come.
     */
    public static void stream(InputStream in, String source, ContigSink sink) throws IOException {
        Set<String> seen = new HashSet<>();
        byte[] buf = new byte[1 << 16];
        byte[] block = new byte[1 << 16];
        int fill = 0;
        String currentName = null;
        long currentLength = 0;
        int records = 0;
        long total = 0;
        long line = 1;
        boolean atLineStart = true;
        boolean inHeader = false;
        StringBuilder header = new StringBuilder();
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (inHeader) {
                    if (b == '\n') {
                        currentName = headerName(header, source, line);
                        if (!seen.add(currentName)) {
                            throw new GenomeFormatException(source + " line " + line + ": duplicate contig name '"
                                    + currentName + "'");
                        }
                        currentLength = 0;
                        sink.start(records, currentName);
                        inHeader = false;
                        atLineStart = true;
                        line++;
                    } else if (b != '\r') {
                        header.append((char) (b & 0xff));
                    }
                    continue;
                }
                if (b == '\n') {
                    atLineStart = true;
                    line++;
                    continue;
                }
                if (atLineStart && b == '>') {
                    if (currentName != null) {
                        if (fill > 0) {
                            sink.bases(block, 0, fill);
                            fill = 0;
                        }
                        total += currentLength;
                        sink.end(records++, currentName, currentLength);
                    }
                    header.setLength(0);
                    inHeader = true;
                    continue;
                }
                atLineStart = false;
                if (b == '\r' || b == ' ' || b == '\t') {
                    continue;
                }
                byte code = BaseCode.fromAscii(b);
                if (code == BaseCode.ILLEGAL) {
                    if (currentName == null) {
                        throw new GenomeFormatException(source + " line " + line
                                + ": not FASTA (text before the first '>' header)");
                    }
                    throw new GenomeFormatException(source + " line " + line + ", contig " + currentName
                            + ": '" + printable(b) + "' is not a base or IUPAC ambiguity code");
                }
                if (currentName == null) {
                    throw new GenomeFormatException(source + " line " + line
                            + ": not FASTA (sequence before the first '>' header)");
                }
                block[fill++] = code;
                currentLength++;
                if (fill == block.length) {
                    sink.bases(block, 0, fill);
                    fill = 0;
                }
            }
        }
        if (inHeader) {
            currentName = headerName(header, source, line);
            if (!seen.add(currentName)) {
                throw new GenomeFormatException(source + " line " + line + ": duplicate contig name '" + currentName + "'");
            }
            currentLength = 0;
            sink.start(records, currentName);
        }
        if (currentName != null) {
            if (fill > 0) {
                sink.bases(block, 0, fill);
            }
            total += currentLength;
            sink.end(records++, currentName, currentLength);
        }
        if (records == 0) {
            throw new GenomeFormatException(source + ": no FASTA record (no '>' header)");
        }
        if (total == 0) {
            throw new GenomeFormatException(source + ": no sequence (every record is empty)");
        }
    }

    private static String headerName(StringBuilder header, String source, long line) {
        String h = header.toString().strip();
        int ws = 0;
        while (ws < h.length() && !Character.isWhitespace(h.charAt(ws))) {
            ws++;
        }
        String name = h.substring(0, ws);
        if (name.isEmpty()) {
            throw new GenomeFormatException(source + " line " + line + ": FASTA header without a name");
        }
        return name;
    }

    private static String printable(byte b) {
        int c = b & 0xff;
        return c >= 33 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c);
    }

    /** A contig's codes, growing by half again; a contig held whole is limited to 2^31 - 16 bases. */
    private static final class GrowableCodes {
        private final String name;
        private byte[] data = new byte[1 << 12];
        private int size;

        GrowableCodes(String name) {
            this.name = name;
        }

        void add(byte[] codes, int from, int to) {
            int n = to - from;
            if ((long) size + n > Integer.MAX_VALUE - 16) {
                throw new GenomeFormatException("contig " + name + " is longer than " + (Integer.MAX_VALUE - 16)
                        + " bases, more than one piece of memory holds: run it with --strategy partitioned");
            }
            if (size + n > data.length) {
                long grown = Math.max((long) size + n, Math.min((long) Integer.MAX_VALUE - 16, size + (size >> 1) + 16L));
                data = Arrays.copyOf(data, (int) grown);
            }
            System.arraycopy(codes, from, data, size, n);
            size += n;
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
