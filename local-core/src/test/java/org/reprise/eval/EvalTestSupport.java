package org.reprise.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Helpers shared by the evaluation tests: small files and exact count assertions. */
final class EvalTestSupport {
    private EvalTestSupport() {
    }

    static Path write(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static Path writeGz(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Asserts the six counts; tn = BaseCounts.UNKNOWN when no lengths are known. */
    static void assertCounts(BaseCounts c, long truth, long predicted, long tp, long fp, long fn, long tn) {
        assertEquals(new BaseCounts(truth, predicted, tp, fp, fn, tn), c);
    }

    static final long NA = BaseCounts.UNKNOWN;

    /**
     * The shared scenario (0-based half-open), genome chr1=100, chr2=50, chr3=30:
     * truth chr1 [10,30) [50,60), chr2 [0,10); prediction chr1 [20,40) [55,70), chr3 [5,15).
     */
    static final String[] TRUTH_BED = {"chr1\t10\t30", "chr1\t50\t60", "chr2\t0\t10"};
    static final String[] PRED_BED = {"chr1\t20\t40", "chr1\t55\t70", "chr3\t5\t15"};

    /** The same in GFF3, 1-based inclusive: [10,30) is 11..30. */
    static final String[] TRUTH_GFF = {
        "##gff-version 3",
        "chr1\tRepeatMasker\tdispersed_repeat\t11\t30\t.\t+\t.\tID=r1",
        "chr1\tRepeatMasker\tdispersed_repeat\t51\t60\t.\t-\t.\tID=r2",
        "# a comment",
        "chr2\tRepeatMasker\tdispersed_repeat\t1\t10\t.\t+\t.\tID=r3",
        "##FASTA",
        ">chr9",
        "ACGT"};
    static final String[] PRED_GFF = {
        "##gff-version 3",
        "chr1\tREPrise\trepeat_region\t21\t40\t.\t+\t.\tID=p1",
        "chr1\tREPrise\trepeat_region\t56\t70\t.\t+\t.\tID=p2",
        "chr3\tREPrise\trepeat_region\t6\t15\t.\t+\t.\tID=p3"};

    /** The same as RepeatMasker .out, 1-based inclusive begin/end in columns 6-7. */
    static final String[] TRUTH_RMOUT = {
        "   SW   perc perc perc  query     position in query    matching  repeat       position in repeat",
        "score   div. del. ins.  sequence  begin  end  (left)   repeat    class/family begin  end (left)  ID",
        "",
        "  239   12.3  0.0  0.0  chr1         11     30   (70) +  L1-1    LINE/L1        1    20   (0)   1",
        "  301    8.1  1.2  0.0  chr1         51     60   (40) C  Alu     SINE/Alu     (0)    10     1   2",
        "  120   20.0  0.0  0.0  chr2          1     10   (40) +  (CA)n   Simple_repeat  1    10   (0)   3 *"};
    static final String[] PRED_RMOUT = {
        "   SW   perc perc perc  query     position in query    matching  repeat       position in repeat",
        "score   div. del. ins.  sequence  begin  end  (left)   repeat    class/family begin  end (left)  ID",
        "",
        "  239   12.3  0.0  0.0  chr1         21     40   (60) +  R=1     Unknown        1    20   (0)   1",
        "  239   12.3  0.0  0.0  chr1         56     70   (30) +  R=2     Unknown        1    15   (0)   2",
        "",
        "  239   12.3  0.0  0.0  chr3          6     15   (15) +  R=3     Unknown        1    10   (0)   3"};

    static final String[] GENOME_FAI = {"chr1\t100\t6\t60\t61", "chr2\t50\t200\t60\t61", "chr3\t30\t300\t60\t61"};

    /**
     * Hand-computed expectations of the scenario:
     * chr1: truth 20+10=30, predicted 20+15=35, TP [20,30)+[55,60)=15, FP 20, FN 15,
     *       TN 100-(30+35-15)=50;
     * chr2: truth 10, predicted 0, TP 0, FP 0, FN 10, TN 50-10=40;
     * chr3: truth 0, predicted 10, TP 0, FP 10, FN 0, TN 30-10=20;
     * ALL:  truth 40, predicted 45, TP 15, FP 30, FN 25, TN 110 (15+30+25+110 = 180 = genome).
     */
    static void assertScenario(EvaluationResult r, boolean withLengths) {
        assertCounts(r.row("chr1").counts(), 30, 35, 15, 20, 15, withLengths ? 50 : NA);
        assertCounts(r.row("chr2").counts(), 10, 0, 0, 0, 10, withLengths ? 40 : NA);
        assertCounts(r.row("chr3").counts(), 0, 10, 0, 10, 0, withLengths ? 20 : NA);
        assertCounts(r.all(), 40, 45, 15, 30, 25, withLengths ? 110 : NA);
        assertEquals(3, r.contigs().size());
    }
}
