package org.reprise.eval;

import org.reprise.genome.ContigDictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reprise.eval.EvalTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BED, GFF3 and RepeatMasker .out describing the same bases must give the same metrics. */
class CoordinateConventionsTest {
    @TempDir
    Path dir;

    private RepeatAnnotation read(Path file, ReaderOptions options) throws IOException {
        return AnnotationReaders.read(file, AnnotationFormat.fromFileName(file), options).annotation();
    }

    @Test
    void bedGff3AndRepeatMaskerOutAgree() throws IOException {
        Path[] truths = {
            write(dir, "truth.bed", TRUTH_BED), write(dir, "truth.gff3", TRUTH_GFF),
            write(dir, "truth.out", TRUTH_RMOUT)};
        Path[] predictions = {
            write(dir, "pred.bed", PRED_BED), write(dir, "pred.gff", PRED_GFF),
            write(dir, "pred.out", PRED_RMOUT)};
        ReaderOptions options = ReaderOptions.defaults();
        // Every truth format against every prediction format: 9 combinations, one answer.
        for (Path t : truths) {
            for (Path p : predictions) {
                EvaluationResult r = Evaluator.evaluate(read(t, options), read(p, options), null);
                assertScenario(r, false);
            }
        }
    }

    @Test
    void formatsAgreeWithLengthsFromFai() throws IOException {
        ContigDictionary lengths = ContigSources.fromFai(write(dir, "genome.fa.fai", GENOME_FAI));
        ReaderOptions options = ReaderOptions.defaults().withKnownLengths(lengths);
        EvaluationResult r = Evaluator.evaluate(read(write(dir, "t.out", TRUTH_RMOUT), options),
                read(write(dir, "p.gff3", PRED_GFF), options), lengths);
        assertScenario(r, true);
        // sensitivity 15/40, specificity 110/140, precision 15/45, F1 2*15/(2*15+30+25) = 30/85
        assertEquals(0.375, r.all().sensitivity().getAsDouble(), 1e-12);
        assertEquals(110.0 / 140, r.all().specificity().getAsDouble(), 1e-12);
        assertEquals(15.0 / 45, r.all().precision().getAsDouble(), 1e-12);
        assertEquals(30.0 / 85, r.all().f1().getAsDouble(), 1e-12);
    }

    @Test
    void inclusiveEndBedNeedsTheOption() throws IOException {
        // REPrise 1.0.1 style: [10,30) written as 10 29.
        Path inclusive = write(dir, "reprise.bed", "chr1\t10\t29", "chr1\t50\t59", "chr2\t0\t9");
        Path pred = write(dir, "pred.bed", PRED_BED);
        ReaderOptions plain = ReaderOptions.defaults();
        ReaderOptions shifted = new ReaderOptions(true, Set.of(), false, null);

        assertScenario(Evaluator.evaluate(read(inclusive, shifted), read(pred, plain), null), false);

        // Without the option each interval loses its last base: truth 19+9+9 = 37 bases,
        // chr1 TP still [20,29)+[55,59) = 9+4 = 13, so FN = 28-13 = 15, FP = 35-13 = 22.
        EvaluationResult wrong = Evaluator.evaluate(read(inclusive, plain), read(pred, plain), null);
        assertCounts(wrong.row("chr1").counts(), 28, 35, 13, 22, 15, NA);
        assertCounts(wrong.all(), 37, 45, 13, 32, 24, NA);
    }

    @Test
    void gzippedInputIsReadLikePlain() throws IOException {
        Path t = writeGz(dir, "truth.bed.gz", TRUTH_BED);
        Path p = writeGz(dir, "pred.gff3.gz", PRED_GFF);
        assertEquals(AnnotationFormat.BED, AnnotationFormat.fromFileName(t));
        assertEquals(AnnotationFormat.GFF3, AnnotationFormat.fromFileName(p));
        assertScenario(Evaluator.evaluate(read(t, ReaderOptions.defaults()), read(p, ReaderOptions.defaults()),
                null), false);
    }

    @Test
    void bedSkipsTrackBrowserAndCommentLinesAndAcceptsSpaces() throws IOException {
        Path t = write(dir, "t.bed", "track name=x", "browser position chr1:1-100", "# comment", "",
                "chr1 10 30 name 0 +", "chr1\t50\t60", "chr2  0  10");
        assertScenario(Evaluator.evaluate(read(t, ReaderOptions.defaults()),
                read(write(dir, "p.bed", PRED_BED), ReaderOptions.defaults()), null), false);
    }

    @Test
    void gffTypeFilterKeepsOnlyListedTypes() throws IOException {
        Path gff = write(dir, "mixed.gff3",
                "chr1\tx\tdispersed_repeat\t11\t30\t.\t+\t.\t.",
                "chr1\tx\tgene\t1\t100\t.\t+\t.\t.",
                "chr1\tx\ttandem_repeat\t51\t60\t.\t+\t.\t.");
        // repeats only: [10,30) + [50,60) = 30 bases; with the gene: the whole [0,100)
        assertEquals(30, read(gff, new ReaderOptions(false, Set.of("dispersed_repeat", "tandem_repeat"),
                false, null)).bases());
        assertEquals(100, read(gff, ReaderOptions.defaults()).bases());
        assertEquals(20, read(gff, new ReaderOptions(false, Set.of("dispersed_repeat"), false, null)).bases());
    }

    @Test
    void trimNamesCutsAtFirstWhitespace() throws IOException {
        Path bed = write(dir, "t.bed", "chr1 Homo sapiens chromosome 1\t10\t30");
        RepeatAnnotation trimmed = read(bed, new ReaderOptions(false, Set.of(), true, null));
        assertEquals(java.util.List.of("chr1"), trimmed.contigNames());
        assertEquals(java.util.List.of("chr1 Homo sapiens chromosome 1"),
                read(bed, ReaderOptions.defaults()).contigNames());
    }
}
