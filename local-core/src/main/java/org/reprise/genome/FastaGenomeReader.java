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
     * @throws GenomeFormatException if it is a directory, empty, unreadable, or a gzip file cut
     *         within its first bytes
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
        InputStream raw;
        try {
            raw = Files.newInputStream(path);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new GenomeFormatException("cannot read input " + path + ": permission denied");
        }
        try {
            return CompressedInput.open(raw);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new GenomeFormatException(path + ": truncated or corrupt compressed data at its start (" + e.getMessage() + ")", e);
        }
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

    /**
     * What {@link #scan} learns in its pass: the contigs, how many bases are A, C, G or T, the
     * longest run of them inside one contig (no k-mer of valid bases exists when it is shorter
     * than k; -1 when not known), how many bases were lowercase (soft-masked: read as upper case,
     * worth a note but no warning) and the warnings about questionable but readable input, one
     * line each naming the file.
     */
    public record Scan(ContigDictionary contigs, long validBases, long longestValidRun, long lowercaseBases,
                       List<String> warnings) {
        public Scan {
            warnings = List.copyOf(warnings);
        }

        /** A scan without the run length and warnings (for callers that count bases themselves). */
        public Scan(ContigDictionary contigs, long validBases) {
            this(contigs, validBases, -1, 0, List.of());
        }
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
        List<String> warnings = new ArrayList<>();
        long[][] lengths = {new long[1024]};
        // valid bases, the current run of valid bases, the longest run
        long[] counts = {0, 0, 0, 0};
        stream(in, source, new ContigSink() {
            @Override
            public void bases(byte[] codes, int from, int to) throws IOException {
                if (codesOut != null) {
                    codesOut.write(codes, from, to - from);
                }
                long v = 0;
                long run = counts[1];
                long longest = counts[2];
                for (int i = from; i < to; i++) {
                    if (codes[i] < BaseCode.INVALID) {
                        v++;
                        run++;
                    } else {
                        longest = Math.max(longest, run);
                        run = 0;
                    }
                }
                counts[0] += v;
                counts[1] = run;
                counts[2] = longest;
            }

            @Override
            public void end(int index, String name, long contigLength) {
                if (index == lengths[0].length) {
                    lengths[0] = Arrays.copyOf(lengths[0], index * 2);
                }
                names.add(name);
                lengths[0][index] = contigLength;
                counts[2] = Math.max(counts[2], counts[1]);
                counts[1] = 0; // a run never spans two contigs
            }

            @Override
            public void finished(long lowercaseBases, List<String> questionable) {
                counts[3] = lowercaseBases;
                warnings.addAll(questionable);
            }
        });
        return new Scan(ContigDictionary.of(source, names, Arrays.copyOf(lengths[0], names.size())), counts[0],
                counts[2], counts[3], warnings);
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

        /**
         * The input was read to its end: how many bases were lowercase, and one warning line per
         * kind of questionable input that was read anyway (Windows line ends, IUPAC letters other
         * than N, a contig of only N, a header without sequence, a byte-order mark), each naming
         * the file and the first place it occurs.
         */
        default void finished(long lowercaseBases, List<String> warnings) throws IOException {
        }
    }

    /**
     * Parses FASTA from a stream record by record, with the checks and messages of {@link #parse}
     * (bad letters name the contig and line, duplicate names, empty input, binary data, a
     * truncated or corrupt compressed file), handing the bases to the sink in blocks as they come,
     * and what was questionable ({@link ContigSink#finished}) once the input is read.
     */
    public static void stream(InputStream in, String source, ContigSink sink) throws IOException {
        Set<String> seen = new HashSet<>();
        byte[] buf = new byte[1 << 16];
        byte[] block = new byte[1 << 16];
        int fill = 0;
        String currentName = null;
        long currentLength = 0;
        long currentValid = 0;
        long headerLine = 0;
        int records = 0;
        long total = 0;
        long line = 1;
        boolean atLineStart = true;
        boolean inHeader = false;
        boolean afterCr = false;
        StringBuilder header = new StringBuilder();
        Notes notes = new Notes(source);
        int n = read(in, buf, source, line);
        int i0 = 0;
        if (n > 0) {
            i0 = sniff(buf, n, source, notes);
        }
        while (n > 0) {
            for (int i = i0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n' && afterCr) {
                    notes.crlfLines++;
                }
                afterCr = b == '\r';
                if (inHeader) {
                    if (b == '\n') {
                        currentName = headerName(header, source, line);
                        if (!seen.add(currentName)) {
                            throw new GenomeFormatException(source + " line " + line + ": duplicate contig name '"
                                    + currentName + "'");
                        }
                        currentLength = 0;
                        currentValid = 0;
                        headerLine = line;
                        sink.start(records, currentName);
                        inHeader = false;
                        atLineStart = true;
                        line++;
                    } else if (b != '\r') {
                        if ((b & 0xff) < 0x20 && b != '\t' || b == 0x7f) {
                            throw binary(source, line, b);
                        }
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
                        notes.recordEnded(currentName, headerLine, currentLength, currentValid);
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
                    if ((b & 0xff) < 0x20 || (b & 0xff) >= 0x7f) {
                        throw binary(source, line, b);
                    }
                    if (currentName == null) {
                        if (looksBinary(buf, n)) {
                            throw new GenomeFormatException(source + ": binary data, not a FASTA text file");
                        }
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
                if (b >= 'a') {
                    notes.lowercase++;
                }
                if (code < BaseCode.INVALID) {
                    currentValid++;
                } else if (b != 'N' && b != 'n') {
                    notes.ambiguous(b, currentName, line);
                }
                block[fill++] = code;
                currentLength++;
                if (fill == block.length) {
                    sink.bases(block, 0, fill);
                    fill = 0;
                }
            }
            n = read(in, buf, source, line);
            i0 = 0;
        }
        if (inHeader) {
            currentName = headerName(header, source, line);
            if (!seen.add(currentName)) {
                throw new GenomeFormatException(source + " line " + line + ": duplicate contig name '" + currentName + "'");
            }
            currentLength = 0;
            currentValid = 0;
            headerLine = line;
            sink.start(records, currentName);
        }
        if (currentName != null) {
            if (fill > 0) {
                sink.bases(block, 0, fill);
            }
            total += currentLength;
            notes.recordEnded(currentName, headerLine, currentLength, currentValid);
            sink.end(records++, currentName, currentLength);
        }
        if (records == 0) {
            throw new GenomeFormatException(source + ": no FASTA record (no '>' header)");
        }
        if (total == 0) {
            throw new GenomeFormatException(source + ": no sequence (every record is empty)");
        }
        sink.finished(notes.lowercase, notes.warnings());
    }

    /**
     * The next bytes of the input; a failure of the decompressor (a truncated or corrupt gzip or
     * BGZF file) or of the file system is bad input named by file and line, not a stack trace.
     */
    private static int read(InputStream in, byte[] buf, String source, long line) {
        try {
            return in.read(buf);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new GenomeFormatException(source + ": truncated or corrupt compressed data after line " + line
                    + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new GenomeFormatException("cannot read " + source + " after line " + line + ": " + e.getMessage(), e);
        } catch (htsjdk.samtools.SAMException e) {
            // htsjdk's BGZF reader reports a cut or damaged block with runtime exceptions
            throw new GenomeFormatException(source + ": truncated or corrupt BGZF data after line " + line
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Looks at the first bytes of the (decompressed) input: other compressions and well-known
     * binary formats are named, so the user learns what the file is; a UTF-8 byte-order mark
     * (some Windows editors write one) is skipped with a warning. Returns where parsing starts.
     */
    private static int sniff(byte[] b, int n, String source, Notes notes) {
        if (starts(b, n, 0x50, 0x4b, 0x03, 0x04)) {
            throw new GenomeFormatException(source + ": a zip archive, not FASTA (unzip it, or compress the FASTA with gzip)");
        }
        if (starts(b, n, 'B', 'Z', 'h')) {
            throw new GenomeFormatException(source + ": bzip2-compressed, not supported (use gzip or bgzip)");
        }
        if (starts(b, n, 0xfd, '7', 'z', 'X', 'Z')) {
            throw new GenomeFormatException(source + ": xz-compressed, not supported (use gzip or bgzip)");
        }
        if (starts(b, n, 0x28, 0xb5, 0x2f, 0xfd)) {
            throw new GenomeFormatException(source + ": zstd-compressed, not supported (use gzip or bgzip)");
        }
        if (starts(b, n, 'B', 'A', 'M', 1)) {
            throw new GenomeFormatException(source + ": a BAM file (aligned reads), not FASTA");
        }
        if (starts(b, n, 0xef, 0xbb, 0xbf)) {
            notes.byteOrderMark = true;
            return 3;
        }
        return 0;
    }

    /** Control characters that text never holds (NUL, ESC, ...) among the first bytes read. */
    private static boolean looksBinary(byte[] b, int n) {
        for (int i = 0; i < Math.min(n, 4096); i++) {
            int c = b[i] & 0xff;
            if (c < 0x09 || (c > 0x0d && c < 0x20) || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static boolean starts(byte[] b, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static GenomeFormatException binary(String source, long line, byte b) {
        return new GenomeFormatException(source + " line " + line + ": binary data (byte " + printable(b)
                + "), not a FASTA text file");
    }

    /** Questionable input seen while parsing, told as one warning line per kind at the end. */
    private static final class Notes {
        final String source;
        long crlfLines;
        long lowercase;
        boolean byteOrderMark;
        long ambiguousLetters;
        String firstAmbiguous;
        long emptyRecords;
        String firstEmpty;
        long unknownOnly;
        String firstUnknownOnly;

        Notes(String source) {
            this.source = source;
        }

        void ambiguous(byte letter, String contig, long line) {
            if (ambiguousLetters++ == 0) {
                firstAmbiguous = "'" + (char) letter + "' in contig " + contig + ", line " + line;
            }
        }

        void recordEnded(String name, long headerLine, long length, long valid) {
            if (length == 0) {
                if (emptyRecords++ == 0) {
                    firstEmpty = name + " (line " + headerLine + ")";
                }
            } else if (valid == 0) {
                if (unknownOnly++ == 0) {
                    firstUnknownOnly = name + " (line " + headerLine + ")";
                }
            }
        }

        List<String> warnings() {
            List<String> out = new ArrayList<>();
            if (byteOrderMark) {
                out.add(source + ": starts with a UTF-8 byte-order mark, skipped");
            }
            if (crlfLines > 0) {
                out.add(source + ": Windows line ends (CR LF) on " + count(crlfLines) + (crlfLines == 1 ? " line" : " lines")
                        + ", read as plain line ends");
            }
            if (ambiguousLetters > 0) {
                out.add(source + ": " + count(ambiguousLetters) + " IUPAC ambiguity letters other than N (first "
                        + firstAmbiguous + "), read as unknown bases that match nothing");
            }
            if (unknownOnly > 0) {
                out.add(source + ": contig " + firstUnknownOnly + " has only N (unknown bases)"
                        + (unknownOnly > 1 ? "; so do " + count(unknownOnly - 1) + " more contigs" : ""));
            }
            if (emptyRecords > 0) {
                out.add(source + ": record " + firstEmpty + " has a header but no sequence, kept with length 0"
                        + (emptyRecords > 1 ? "; so do " + count(emptyRecords - 1) + " more records" : ""));
            }
            return out;
        }

        private static String count(long n) {
            return String.format(java.util.Locale.ROOT, "%,d", n);
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
