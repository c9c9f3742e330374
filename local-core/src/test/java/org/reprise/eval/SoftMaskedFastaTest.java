package org.reprise.eval;

import org.reprise.genome.ContigDictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reprise.eval.EvalTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lowercase runs of a soft-masked FASTA as truth; the FASTA also gives the contig lengths. */
class SoftMaskedFastaTest {
    @TempDir
    Path dir;

    @Test
    void lowercaseRunsAcrossLinesAndLengths() throws IOException {
        // c1: A C g t | a c G T n n A -> positions 0..10, runs [2,6) (crosses the line) and [8,10);
        //     length 11. c2: a c g t -> [0,4), length 4. c3: uppercase only, length 3.
        Path fa = write(dir, "genome.fa.masked", ">c1 some description", "ACgt", "acGTnnA", ">c2", "acgt",
                ">c3", "ACG");
        SoftMaskedFastaReader.Result r = SoftMaskedFastaReader.read(fa, null, true);
        assertEquals("[[2,6), [8,10)]", r.mask().get("c1").toString());
        assertEquals("[[0,4)]", r.mask().get("c2").toString());
        assertEquals(List.of("c1", "c2"), r.mask().contigNames());
        assertEquals(List.of("c1", "c2", "c3"), r.lengths().names());
        assertEquals(11L, r.lengths().lengthOf("c1"));
        assertEquals(4L, r.lengths().lengthOf("c2"));
        assertEquals(3L, r.lengths().lengthOf("c3"));
    }

    @Test
    void softMaskedTruthAgainstBedPrediction() throws IOException {
        Path fa = write(dir, "truth.fa", ">c1 some description", "ACgt", "acGTnnA", ">c2", "acgt", ">c3", "ACG");
        Path bed = write(dir, "pred.bed", "c1\t0\t4", "c2\t2\t4");
        AnnotationReaders.Loaded truth = AnnotationReaders.read(fa, AnnotationFormat.SOFTMASKED_FASTA,
                ReaderOptions.defaults());
        RepeatAnnotation pred = AnnotationReaders.read(bed, AnnotationFormat.BED,
                ReaderOptions.defaults().withKnownLengths(truth.lengths())).annotation();
        EvaluationResult r = Evaluator.evaluate(truth.annotation(), pred, truth.lengths());
        // c1: truth [2,6)+[8,10) = 6, predicted [0,4) = 4, TP [2,4) = 2, FP 2, FN 4, TN 11-(6+4-2) = 3
        assertCounts(r.row("c1").counts(), 6, 4, 2, 2, 4, 3);
        // c2: truth [0,4) = 4, predicted [2,4) = 2, TP 2, FP 0, FN 2, TN 4-4 = 0 -> specificity 0/0 = NA
        assertCounts(r.row("c2").counts(), 4, 2, 2, 0, 2, 0);
        assertEquals(false, r.row("c2").counts().specificity().isPresent());
        // c3: nothing, TN 3
        assertCounts(r.row("c3").counts(), 0, 0, 0, 0, 0, 3);
        // ALL: truth 10, predicted 6, TP 4, FP 2, FN 6, TN 6; spec 6/8, sens 4/10, prec 4/6, F1 8/16
        assertCounts(r.all(), 10, 6, 4, 2, 6, 6);
        assertEquals("ALL\t10\t6\t4\t2\t6\t6\t0.4000\t0.7500\t0.6667\t0.5000", ReportWriter.tsvRow("ALL", r.all()));
    }

    @Test
    void scenarioAsSoftMaskedGenome() throws IOException {
        // The shared scenario's truth written as a soft-masked genome wrapped at 16 bases per line.
        Path fa = write(dir, "truth.fa",
                ">chr1", wrap(masked(100, 10, 30, 50, 60)),
                ">chr2", wrap(masked(50, 0, 10)),
                ">chr3", wrap(masked(30)));
        AnnotationReaders.Loaded truth = AnnotationReaders.read(fa, AnnotationFormat.SOFTMASKED_FASTA,
                ReaderOptions.defaults());
        RepeatAnnotation pred = BedReader.read(write(dir, "p.bed", PRED_BED),
                ReaderOptions.defaults().withKnownLengths(truth.lengths()));
        assertScenario(Evaluator.evaluate(truth.annotation(), pred, truth.lengths()), true);
    }

    /** ACGTACGT... with the given [start,end) pairs in lowercase. */
    private static String masked(int length, int... ranges) {
        char[] s = "ACGT".repeat(length).substring(0, length).toCharArray();
        for (int i = 0; i < ranges.length; i += 2) {
            for (int p = ranges[i]; p < ranges[i + 1]; p++) {
                s[p] = Character.toLowerCase(s[p]);
            }
        }
        return new String(s);
    }

    private static String wrap(String seq) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < seq.length(); i += 16) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(seq, i, Math.min(seq.length(), i + 16));
        }
        return sb.toString();
    }
}
