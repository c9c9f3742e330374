package org.reprise.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.mask.Bitmask;

/** The masked FASTA against an oracle that rebuilds it from the records, the mask and the style. */
class MaskedFastaWriterTest {
    @TempDir
    Path dir;

    private record Record(String header, String seq) {
    }

    private static final String LETTERS = "ACGTacgtNnRYKMSWBDHVXxrykmswbdhv";

    private static List<Record> randomRecords(Random rnd) {
        List<Record> r = new ArrayList<>();
        r.add(new Record(">chr1 Homo sapiens\tchromosome 1, assembly=X", randomSeq(rnd, 1000)));
        r.add(new Record(">empty   trailing spaces  ", ""));
        r.add(new Record(">c2", randomSeq(rnd, 60)));    // exactly one line
        r.add(new Record(">c3 x", randomSeq(rnd, 61)));  // one more
        r.add(new Record(">c4", randomSeq(rnd, 1)));
        r.add(new Record(">c5 last", randomSeq(rnd, 777)));
        return r;
    }

    private static String randomSeq(Random rnd, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(rnd.nextInt(4) == 0 ? LETTERS.charAt(rnd.nextInt(LETTERS.length())) : "ACGTacgt".charAt(rnd.nextInt(8)));
        }
        return s.toString();
    }

    /** Writes records with irregular line widths, blank lines and the given line end. */
    private static String fasta(List<Record> records, Random rnd, String eol) {
        StringBuilder sb = new StringBuilder();
        for (Record r : records) {
            sb.append(r.header()).append(eol);
            int i = 0;
            int width = 50 + rnd.nextInt(40);
            while (i < r.seq().length()) {
                int w = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(100) : width;
                sb.append(r.seq(), i, Math.min(r.seq().length(), i + w)).append(eol);
                i += w;
            }
            if (rnd.nextInt(3) == 0) {
                sb.append(eol);  // blank line
            }
        }
        return sb.toString();
    }

    private static Bitmask randomMask(Random rnd, long size) {
        Bitmask m = new Bitmask(size);
        for (int t = 0; t < 25; t++) {
            long s = rnd.nextInt((int) size);
            long e = Math.min(size, s + 1 + rnd.nextInt(150));
            m.markRange(s, e);
        }
        m.markRange(0, 3);              // first bases of the genome
        m.markRange(size - 2, size);    // last bases
        return m;
    }

    /** The oracle: header verbatim, letters masked by the style, 60 a line. */
    private static String expected(List<Record> records, Bitmask mask, MaskedFastaWriter.Style style) {
        StringBuilder sb = new StringBuilder();
        long pos = 0;
        for (Record r : records) {
            sb.append(r.header()).append('\n');
            StringBuilder seq = new StringBuilder();
            for (int i = 0; i < r.seq().length(); i++, pos++) {
                char c = r.seq().charAt(i);
                boolean masked = mask.get(pos);
                if (style == MaskedFastaWriter.Style.HARD) {
                    seq.append(masked ? 'N' : c);
                } else {
                    seq.append(masked ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
            }
            for (int i = 0; i < seq.length(); i += 60) {
                sb.append(seq, i, Math.min(seq.length(), i + 60)).append('\n');
            }
        }
        return sb.toString();
    }

    private String run(Path input, Bitmask mask, MaskedFastaWriter.Style style) throws IOException {
        Genome g = FastaGenomeReader.read(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MaskedFastaWriter.write(input, g, mask, style, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void hardMaskingWritesNAndKeepsEveryOtherLetter() throws IOException {
        Random rnd = new Random(3);
        List<Record> recs = randomRecords(rnd);
        Path in = dir.resolve("g.fa");
        Files.writeString(in, fasta(recs, rnd, "\n"));
        long size = recs.stream().mapToLong(r -> r.seq().length()).sum();
        Bitmask mask = randomMask(rnd, size);
        String got = run(in, mask, MaskedFastaWriter.Style.HARD);
        assertEquals(expected(recs, mask, MaskedFastaWriter.Style.HARD), got);
        // lowercase and IUPAC letters survive outside the mask
        assertTrue(got.chars().anyMatch(c -> c == 'a') && got.chars().anyMatch(c -> c == 'R'), "letters lost");
    }

    @Test
    void softMaskingLowercasesMaskedAndUppercasesTheRest() throws IOException {
        Random rnd = new Random(4);
        List<Record> recs = randomRecords(rnd);
        Path in = dir.resolve("g.fa");
        Files.writeString(in, fasta(recs, rnd, "\n"));
        long size = recs.stream().mapToLong(r -> r.seq().length()).sum();
        Bitmask mask = randomMask(rnd, size);
        assertEquals(expected(recs, mask, MaskedFastaWriter.Style.SOFT), run(in, mask, MaskedFastaWriter.Style.SOFT));
    }

    @Test
    void crlfAndGzipInputGiveTheSameOutput() throws IOException {
        Random rnd = new Random(5);
        List<Record> recs = randomRecords(rnd);
        String text = fasta(recs, rnd, "\r\n");
        Path crlf = dir.resolve("crlf.fa");
        Files.writeString(crlf, text);
        Path gz = dir.resolve("crlf.fa.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
            os.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        long size = recs.stream().mapToLong(r -> r.seq().length()).sum();
        Bitmask mask = randomMask(rnd, size);
        for (MaskedFastaWriter.Style style : MaskedFastaWriter.Style.values()) {
            String want = expected(recs, mask, style);
            assertEquals(want, run(crlf, mask, style), style + " from CRLF");
            assertEquals(want, run(gz, mask, style), style + " from gzip");
            assertTrue(!run(crlf, mask, style).contains("\r"));
        }
    }

    @Test
    void emptyMaskHardIsTheInputRewrappedAt60() throws IOException {
        Path in = dir.resolve("small.fa");
        String seq = "acgtNRYacgt".repeat(13);  // 143 letters
        Files.writeString(in, ">s one\n" + seq + "\n>t\nAC\nGT\n");
        Genome g = FastaGenomeReader.read(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MaskedFastaWriter.write(in, g, new Bitmask(g.length()), MaskedFastaWriter.Style.HARD, out);
        assertEquals(">s one\n" + seq.substring(0, 60) + "\n" + seq.substring(60, 120) + "\n" + seq.substring(120) + "\n"
                + ">t\nACGT\n", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void fullMaskSoftIsAllLowercase() throws IOException {
        Path in = dir.resolve("small.fa");
        Files.writeString(in, ">a\nACGTN\n>b\nRyk\n");
        Genome g = FastaGenomeReader.read(in);
        Bitmask m = new Bitmask(g.length());
        m.markRange(0, g.length());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MaskedFastaWriter.write(in, g, m, MaskedFastaWriter.Style.SOFT, out);
        assertEquals(">a\nacgtn\n>b\nryk\n", out.toString(StandardCharsets.US_ASCII));
        out.reset();
        MaskedFastaWriter.write(in, g, m, MaskedFastaWriter.Style.HARD, out);
        assertEquals(">a\nNNNNN\n>b\nNNN\n", out.toString(StandardCharsets.US_ASCII));
    }
}
