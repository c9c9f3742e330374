package org.reprise.genome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.util.BlockCompressedOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FASTA loading (plain, gzip, BGZF), base codes, input errors, and genome coordinates. */
class FastaGenomeReaderTest {
    @TempDir
    Path dir;

    // ---------------------------------------------------------------- helpers

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.US_ASCII);
        return p;
    }

    private Path gzip(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(p))) {
            os.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return p;
    }

    private Path bgzf(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream os = new BlockCompressedOutputStream(p.toFile())) {
            os.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return p;
    }

    /** The code the test expects for a letter, written independently of BaseCode's table. */
    private static byte expectedCode(char c) {
        switch (Character.toUpperCase(c)) {
            case 'A': return 0;
            case 'C': return 1;
            case 'G': return 2;
            case 'T': return 3;
            default: return 4;
        }
    }

    private static byte[] expectedCodes(String letters) {
        byte[] b = new byte[letters.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = expectedCode(letters.charAt(i));
        }
        return b;
    }

    private static String wrap(String seq, int width, String eol) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < seq.length(); i += width) {
            sb.append(seq, i, Math.min(seq.length(), i + width)).append(eol);
        }
        return sb.toString();
    }

    private static void assertSameGenome(Genome expected, Genome actual) {
        assertEquals(expected.contigCount(), actual.contigCount());
        assertEquals(expected.length(), actual.length());
        for (int c = 0; c < expected.contigCount(); c++) {
            assertEquals(expected.contig(c).name(), actual.contig(c).name());
            assertEquals(expected.contig(c).start(), actual.contig(c).start());
            assertEquals(expected.contig(c).length(), actual.contig(c).length());
            assertArrayEquals(expected.codes(c), actual.codes(c), "contig " + c);
        }
    }

    private GenomeFormatException fails(String name, String text) throws IOException {
        Path p = write(name, text);
        return assertThrows(GenomeFormatException.class, () -> FastaGenomeReader.read(p));
    }

    /** The message names the line number as a whole word after "line". */
    private static void assertNamesLine(String message, int line) {
        assertTrue(Pattern.compile("\\bline " + line + "\\b").matcher(message).find(),
                "message should name line " + line + ": " + message);
    }

    // ---------------------------------------------------------------- compression

    @Test
    void plainGzipAndBgzfLoadIdentically() throws IOException {
        Random rnd = new Random(7);
        String alphabet = "ACGTacgtNnRYKMSWBDHVXx";
        List<String> names = List.of("chrA", "chrB", "empty", "chrC");
        List<String> seqs = new ArrayList<>();
        StringBuilder fasta = new StringBuilder();
        int[] lengths = {150_000, 1, 0, 70_123};  // > 64 kB so that BGZF has several blocks
        for (int c = 0; c < names.size(); c++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < lengths[c]; i++) {
                s.append(rnd.nextInt(10) == 0 ? alphabet.charAt(rnd.nextInt(alphabet.length())) : "ACGT".charAt(rnd.nextInt(4)));
            }
            seqs.add(s.toString());
            fasta.append('>').append(names.get(c)).append(" some description\n").append(wrap(s.toString(), 70, "\n"));
        }
        String text = fasta.toString();
        Genome plain = FastaGenomeReader.read(write("g.fa", text));
        Genome gz = FastaGenomeReader.read(gzip("g.fa.gz", text));
        Genome bgz = FastaGenomeReader.read(bgzf("g.fa.bgz", text));

        // The plain one against what the test expects, the compressed ones against the plain one.
        assertEquals(names.size(), plain.contigCount());
        for (int c = 0; c < names.size(); c++) {
            assertEquals(names.get(c), plain.contig(c).name());
            assertArrayEquals(expectedCodes(seqs.get(c)), plain.codes(c), names.get(c));
        }
        assertSameGenome(plain, gz);
        assertSameGenome(plain, bgz);
    }

    @Test
    void compressedErrorsStillNameContigAndLine() throws IOException {
        String text = ">c1\nACGT\nACGT\n>c2\nAAAA\nAJAA\n";
        for (Path p : List.of(gzip("bad.fa.gz", text), bgzf("bad.fa.bgz", text))) {
            GenomeFormatException e = assertThrows(GenomeFormatException.class, () -> FastaGenomeReader.read(p));
            assertTrue(e.getMessage().contains("c2"), e.getMessage());
            assertNamesLine(e.getMessage(), 6);
        }
    }

    // ---------------------------------------------------------------- letters

    @Test
    void lowercaseHasTheCodesOfUppercase() throws IOException {
        Genome g = FastaGenomeReader.read(write("case.fa", ">u\nACGTTGCA\n>l\nacgttgca\n>m\naCgTtGcA\n"));
        byte[] expected = {0, 1, 2, 3, 3, 2, 1, 0};
        assertArrayEquals(expected, g.codes(0));
        assertArrayEquals(expected, g.codes(1));
        assertArrayEquals(expected, g.codes(2));
    }

    @Test
    void nXAndIupacLettersAreInvalid() throws IOException {
        String ambiguous = "NXRYMKWSBDHV";
        String text = ">amb\n" + ambiguous + ambiguous.toLowerCase() + "\n";
        Genome g = FastaGenomeReader.read(write("amb.fa", text));
        assertEquals(24, g.length());
        for (int i = 0; i < 24; i++) {
            assertEquals(BaseCode.INVALID, g.codes(0)[i], "letter " + text.charAt(5 + i));
        }
        assertEquals(0, g.validBases());
    }

    @Test
    void crlfLineEndsAreIgnored() throws IOException {
        String lf = ">x first\nACGTN\nGG\n>y\nTTTT\n";
        String crlf = lf.replace("\n", "\r\n");
        Genome a = FastaGenomeReader.read(write("lf.fa", lf));
        Genome b = FastaGenomeReader.read(write("crlf.fa", crlf));
        assertSameGenome(a, b);
        assertEquals("x", b.contig(0).name());
        assertEquals("y", b.contig(1).name());
        assertEquals(7, b.contig(0).length());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 2, 2}, b.codes(0));
    }

    @Test
    void crlfBadLetterLineNumber() throws IOException {
        GenomeFormatException e = fails("crlfbad.fa", ">x\r\nACGT\r\nAC-T\r\n");
        assertTrue(e.getMessage().contains("x"), e.getMessage());
        assertNamesLine(e.getMessage(), 3);
    }

    @Test
    void namesAreCutAtTheFirstWhiteSpace() throws IOException {
        Genome g = FastaGenomeReader.read(write("names.fa",
                ">chr1 Homo sapiens\nA\n>chr2\tdescription with tab\nC\n>chr3\nG\n>chr4  \nT\n"));
        assertEquals(List.of("chr1", "chr2", "chr3", "chr4"), g.contigs().stream().map(Contig::name).toList());
    }

    @Test
    void emptyRecordsAreKeptWithLengthZero() throws IOException {
        Genome g = FastaGenomeReader.read(write("empty.fa", ">e0\n>a\nACGTA\n>e1\n>e2 desc\n>b\nCCC\n>e3"));
        assertEquals(List.of("e0", "a", "e1", "e2", "b", "e3"), g.contigs().stream().map(Contig::name).toList());
        long[] lengths = g.contigs().stream().mapToLong(Contig::length).toArray();
        assertArrayEquals(new long[] {0, 5, 0, 0, 3, 0}, lengths);
        long[] starts = g.contigs().stream().mapToLong(Contig::start).toArray();
        assertArrayEquals(new long[] {0, 0, 5, 5, 5, 8}, starts);
        for (int i = 0; i < g.contigCount(); i++) {
            assertEquals(i, g.contig(i).index());
        }
        assertEquals(8, g.length());
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest
    @ValueSource(chars = {'J', '-', '1', '*', '.'})
    void badLetterNamesContigAndLine(char bad) throws IOException {
        // line 1 header, 2-3 sequence of chrOne, 4 header, 5 ok, 6 bad
        String text = ">chrOne desc\nACGT\nACGT\n>chrTwo\nACGTACGT\nAC" + bad + "T\nACGT\n";
        GenomeFormatException e = fails("bad.fa", text);
        assertTrue(e.getMessage().contains("chrTwo"), e.getMessage());
        assertFalse(e.getMessage().contains("chrTwo desc"), e.getMessage());
        assertNamesLine(e.getMessage(), 6);
        assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void badLetterInFirstContigFirstLine() throws IOException {
        GenomeFormatException e = fails("bad1.fa", ">only\nJ\n");
        assertTrue(e.getMessage().contains("only"), e.getMessage());
        assertNamesLine(e.getMessage(), 2);
    }

    @Test
    void duplicateContigNames() throws IOException {
        GenomeFormatException e = fails("dup.fa", ">chrA x\nACGT\n>chrB\nAC\n>chrA y\nGG\n");
        assertTrue(e.getMessage().contains("chrA"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("duplicate"), e.getMessage());
        assertNamesLine(e.getMessage(), 5);
    }

    @Test
    void duplicateEmptyRecordNames() throws IOException {
        GenomeFormatException e = fails("dup2.fa", ">a\nACGT\n>e\n>e\n");
        assertTrue(e.getMessage().contains("'e'"), e.getMessage());
        assertNamesLine(e.getMessage(), 4);
    }

    @Test
    void emptyFile() throws IOException {
        GenomeFormatException e = fails("zero.fa", "");
        assertTrue(e.getMessage().contains("zero.fa"), e.getMessage());
    }

    @Test
    void emptyGzipFile() throws IOException {
        Path p = gzip("zero.fa.gz", "");
        assertThrows(GenomeFormatException.class, () -> FastaGenomeReader.read(p));
    }

    @Test
    void onlyBlankLines() throws IOException {
        assertThrows(GenomeFormatException.class, () -> FastaGenomeReader.read(write("blank.fa", "\n\n\r\n")));
    }

    @Test
    void headersButNoSequence() throws IOException {
        GenomeFormatException e = fails("nohdr.fa", ">a\n>b desc\n\n>c\n");
        assertTrue(e.getMessage().contains("nohdr.fa"), e.getMessage());
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("does-not-exist.fa");
        GenomeFormatException e = assertThrows(GenomeFormatException.class, () -> FastaGenomeReader.read(p));
        assertTrue(e.getMessage().contains("does-not-exist.fa"), e.getMessage());
    }

    @Test
    void textBeforeTheFirstHeader() throws IOException {
        GenomeFormatException e = fails("pre.fa", "\nhello world\n>a\nACGT\n");
        assertNamesLine(e.getMessage(), 2);
        GenomeFormatException e2 = fails("pre2.fa", "ACGT\n>a\nACGT\n");
        assertNamesLine(e2.getMessage(), 1);
    }

    @Test
    void headerWithoutName() throws IOException {
        GenomeFormatException e = fails("noname.fa", ">a\nAC\n> \nGT\n");
        assertNamesLine(e.getMessage(), 3);
    }

    // ---------------------------------------------------------------- Genome coordinates

    @Test
    void contigLookupWithEmptyContigs() {
        List<String> names = List.of("e0", "e1", "a", "e2", "b", "e3", "e4", "c", "e5");
        List<String> seqs = List.of("", "", "ACGTA", "", "NNC", "", "", "tgcaG", "");
        Genome g = Genome.ofLetters("mem", names, seqs);
        assertEquals(13, g.length());
        // oracle: walk the contigs
        List<Integer> owner = new ArrayList<>();
        List<Integer> offset = new ArrayList<>();
        for (int c = 0; c < seqs.size(); c++) {
            for (int i = 0; i < seqs.get(c).length(); i++) {
                owner.add(c);
                offset.add(i);
            }
        }
        for (int pos = 0; pos < g.length(); pos++) {
            int c = owner.get(pos);
            assertEquals(c, g.contigIndexAt(pos), "position " + pos);
            assertEquals(names.get(c), g.contigAt(pos).name());
            assertEquals(expectedCode(seqs.get(c).charAt(offset.get(pos))), g.base(pos), "base at " + pos);
            for (int other = 0; other < g.length(); other++) {
                assertEquals(c == owner.get(other), g.sameContig(pos, other), pos + " vs " + other);
            }
        }
        for (long bad : new long[] {-1, 13, 14, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> g.contigIndexAt(bad), "contigIndexAt " + bad);
            assertThrows(IllegalArgumentException.class, () -> g.base(bad), "base " + bad);
            assertThrows(IllegalArgumentException.class, () -> g.sameContig(0, bad), "sameContig " + bad);
        }
        assertEquals(13 + 11_000L * (9 + 2), g.repriseBufferLength());
    }

    @Test
    void contigLookupOnManyRandomContigs() {
        Random rnd = new Random(11);
        List<String> names = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            names.add("c" + c);
            int len = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(20);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < len; i++) {
                s.append("ACGTN".charAt(rnd.nextInt(5)));
            }
            seqs.add(s.toString());
        }
        Genome g = Genome.ofLetters("mem", names, seqs);
        long pos = 0;
        for (int c = 0; c < seqs.size(); c++) {
            for (int i = 0; i < seqs.get(c).length(); i++, pos++) {
                assertEquals(c, g.contigIndexAt(pos), "position " + pos);
                assertEquals(expectedCode(seqs.get(c).charAt(i)), g.base(pos));
            }
        }
        assertEquals(pos, g.length());
        assertThrows(IllegalArgumentException.class, () -> g.contigIndexAt(g.length()));
    }

    @Test
    void fileGenomeCoordinates() throws IOException {
        Genome g = FastaGenomeReader.read(write("coords.fa", ">e\n>a\nAC\nG\n>b\n\n>c\nTT\n"));
        assertEquals(5, g.length());
        assertEquals(1, g.contigIndexAt(0));
        assertEquals(1, g.contigIndexAt(2));
        assertEquals(3, g.contigIndexAt(3));
        assertEquals(3, g.contigIndexAt(4));
        assertTrue(g.sameContig(3, 4));
        assertFalse(g.sameContig(2, 3));
        assertEquals(BaseCode.G, g.base(2));
        assertEquals(BaseCode.T, g.base(4));
        assertThrows(IllegalArgumentException.class, () -> g.base(5));
    }
}
