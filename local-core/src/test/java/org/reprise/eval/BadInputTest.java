package org.reprise.eval;

import org.reprise.genome.ContigDictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprise.eval.EvalTestSupport.*;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed lines fail with a message naming the file and the line. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void assertNamesLine(InputFormatException e, Path file, long line, String detail) {
        assertEquals(line, e.lineNumber());
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "single line");
    }

    @Test
    void bedStartNotANumber() {
        Path bed = write0("bad.bed", "track name=x", "chr1\t1\t5", "chr1\tabc\t30");
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> BedReader.read(bed, ReaderOptions.defaults()));
        assertNamesLine(e, bed, 3, "column 2 (start) is not an integer: 'abc'");
    }

    @Test
    void bedTooFewColumnsAndEndBeforeStart() {
        Path two = write0("two.bed", "chr1\t5");
        assertNamesLine(assertThrows(InputFormatException.class, () -> BedReader.read(two, ReaderOptions.defaults())),
                two, 1, "at least 3 columns");
        Path back = write0("back.bed", "chr1\t1\t5", "chr1\t9\t5");
        assertNamesLine(assertThrows(InputFormatException.class, () -> BedReader.read(back, ReaderOptions.defaults())),
                back, 2, "end before start");
    }

    @Test
    void gffEndBeforeStartAndZeroStart() {
        Path gff = write0("bad.gff3", "##gff-version 3", "chr1\tx\trepeat\t20\t10\t.\t+\t.\t.");
        assertNamesLine(assertThrows(InputFormatException.class, () -> Gff3Reader.read(gff, ReaderOptions.defaults())),
                gff, 2, "end before start");
        Path zero = write0("zero.gff3", "chr1\tx\trepeat\t0\t10\t.\t+\t.\t.");
        assertNamesLine(assertThrows(InputFormatException.class, () -> Gff3Reader.read(zero, ReaderOptions.defaults())),
                zero, 1, "at least 1");
    }

    @Test
    void repeatMaskerBadBegin() {
        String[] lines = TRUTH_RMOUT.clone();
        lines[4] = "  301    8.1  1.2  0.0  chr1         5x1     60   (40) C  Alu     SINE/Alu     (0)    10     1   2";
        Path out = write0("bad.out", lines);
        assertNamesLine(assertThrows(InputFormatException.class,
                () -> RepeatMaskerOutReader.read(out, ReaderOptions.defaults())), out, 5, "column 6 (query begin)");
    }

    @Test
    void intervalBeyondContigEnd() throws Exception {
        ContigDictionary lengths = ContigSources.fromFai(write(dir, "g.fai", GENOME_FAI));
        // chr1 has 100 bases: [90,101) runs one base past the end
        Path bed = write0("long.bed", "chr1\t10\t30", "chr1\t90\t101");
        assertNamesLine(assertThrows(InputFormatException.class,
                () -> BedReader.read(bed, ReaderOptions.defaults().withKnownLengths(lengths))),
                bed, 2, "extends beyond the end of 'chr1' (100 bases in ");
        // [90,100) is fine: it ends exactly at the contig end
        assertEquals(10, BedReader.read(write0("ok.bed", "chr1\t90\t100"),
                ReaderOptions.defaults().withKnownLengths(lengths)).bases());
    }

    @Test
    void contigUnknownToTheGenome() throws Exception {
        ContigDictionary lengths = ContigSources.fromFai(write(dir, "g.fai", GENOME_FAI));
        Path gff = write0("x.gff3", "chr1\tx\trepeat\t1\t10\t.\t+\t.\t.", "chr1_random\tx\trepeat\t1\t10\t.\t+\t.\t.");
        assertNamesLine(assertThrows(InputFormatException.class,
                () -> Gff3Reader.read(gff, ReaderOptions.defaults().withKnownLengths(lengths))),
                gff, 2, "sequence 'chr1_random' is not in");
    }

    @Test
    void fastaProblems() {
        Path dup = write0("dup.fa", ">a", "ACGT", ">a x", "AC");
        assertNamesLine(assertThrows(InputFormatException.class, () -> SoftMaskedFastaReader.read(dup, null, true)),
                dup, 3, "appears twice");
        Path noHeader = write0("nohdr.fa", "ACGT");
        assertNamesLine(assertThrows(InputFormatException.class,
                () -> SoftMaskedFastaReader.read(noHeader, null, true)), noHeader, 1, "before the first '>'");
        Path faiBad = write0("bad.fai", "chr1\t100\t6\t60\t61", "chr2\tlots\t200\t60\t61");
        assertNamesLine(assertThrows(InputFormatException.class, () -> ContigSources.fromFai(faiBad)),
                faiBad, 2, "not a samtools .fai line");
    }

    @Test
    void softMaskedLengthDisagreesWithGenome() throws Exception {
        ContigDictionary lengths = ContigSources.fromFai(write(dir, "g.fai", "c1\t8\t0\t4\t5"));
        Path fa = write0("t.fa", ">c1", "ACgtACG");
        assertNamesLine(assertThrows(InputFormatException.class, () -> SoftMaskedFastaReader.read(fa, lengths, true)),
                fa, 1, "has 7 bases but 8 in");
    }

    private Path write0(String name, String... lines) {
        try {
            return write(dir, name, lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
