package org.reprise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.reprise.genome.ContigDictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprise.eval.EvalTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contigs on one side only, NA denominators, contig lengths. */
class EvaluatorTest {
    @TempDir
    Path dir;

    private static RepeatAnnotation bed(Path file) throws IOException {
        return BedReader.read(file, ReaderOptions.defaults());
    }

    @Test
    void contigsOnOneSideAreListedAndCounted() throws IOException {
        EvaluationResult r = Evaluator.evaluate(bed(write(dir, "t.bed", TRUTH_BED)),
                bed(write(dir, "p.bed", PRED_BED)), null);
        assertScenario(r, false);
        // chr2 only in truth (10 bases), chr3 only in prediction (10 bases); both in ALL.
        assertEquals(List.of(new EvaluationResult.OneSidedContig("chr2", 10)), r.onlyInTruth());
        assertEquals(List.of(new EvaluationResult.OneSidedContig("chr3", 10)), r.onlyInPrediction());
        // Without lengths, rows follow truth order, then prediction-only contigs.
        assertEquals(List.of("chr1", "chr2", "chr3"), r.contigs().stream().map(EvaluationResult.ContigRow::contig).toList());
    }

    @Test
    void naWhereDenominatorIsZero() throws IOException {
        EvaluationResult r = Evaluator.evaluate(bed(write(dir, "t.bed", TRUTH_BED)),
                bed(write(dir, "p.bed", PRED_BED)), null);
        BaseCounts chr2 = r.row("chr2").counts(); // TP 0 FP 0 FN 10
        assertEquals(0.0, chr2.sensitivity().getAsDouble());
        assertFalse(chr2.precision().isPresent()); // 0/(0+0)
        assertEquals(0.0, chr2.f1().getAsDouble()); // 0/(0+0+10)
        assertFalse(chr2.specificity().isPresent()); // no lengths
        BaseCounts chr3 = r.row("chr3").counts(); // TP 0 FP 10 FN 0
        assertFalse(chr3.sensitivity().isPresent()); // 0/(0+0)
        assertEquals(0.0, chr3.precision().getAsDouble());

        // TSV: chr2 precision NA, TN and specificity NA
        assertEquals("chr2\t10\t0\t0\t0\t10\tNA\t0.0000\tNA\tNA\t0.0000",
                ReportWriter.tsvRow("chr2", chr2));
    }

    @Test
    void emptyContigOfTheGenomeHasOnlyTrueNegatives() throws IOException {
        ContigDictionary lengths = ContigDictionary.of("test", List.of("chrX"), new long[] {10});
        EvaluationResult r = Evaluator.evaluate(new RepeatAnnotation.Builder().build(),
                new RepeatAnnotation.Builder().build(), lengths);
        // TP FP FN 0, TN 10: only specificity (10/10) is defined
        assertCounts(r.all(), 0, 0, 0, 0, 0, 10);
        assertEquals("ALL\t0\t0\t0\t0\t0\t10\tNA\t1.0000\tNA\tNA", ReportWriter.tsvRow("ALL", r.all()));
    }

    @Test
    void nothingAtAllIsAllNa() {
        EvaluationResult r = Evaluator.evaluate(new RepeatAnnotation.Builder().build(),
                new RepeatAnnotation.Builder().build(), null);
        assertEquals(0, r.contigs().size());
        assertEquals("ALL\t0\t0\t0\t0\t0\tNA\tNA\tNA\tNA\tNA", ReportWriter.tsvRow("ALL", r.all()));
    }

    @Test
    void withLengthsEveryGenomeContigGetsARowInGenomeOrder() throws IOException {
        ContigDictionary lengths = ContigSources.fromFai(write(dir, "g.fai",
                "chr3\t30\t0\t60\t61", "chrM\t16\t0\t60\t61", "chr1\t100\t0\t60\t61", "chr2\t50\t0\t60\t61"));
        EvaluationResult r = Evaluator.evaluate(bed(write(dir, "t.bed", TRUTH_BED)),
                bed(write(dir, "p.bed", PRED_BED)), lengths);
        assertEquals(List.of("chr3", "chrM", "chr1", "chr2"),
                r.contigs().stream().map(EvaluationResult.ContigRow::contig).toList());
        assertCounts(r.row("chrM").counts(), 0, 0, 0, 0, 0, 16);
        // the scenario's TN 110 plus chrM's 16
        assertCounts(r.all(), 40, 45, 15, 30, 25, 126);
    }

    @Test
    void evaluatorRejectsContigMissingFromLengths() throws IOException {
        ContigDictionary lengths = ContigDictionary.of("g.fai", List.of("chr1"), new long[] {100});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluator.evaluate(bed(write(dir, "t.bed", TRUTH_BED)), new RepeatAnnotation.Builder().build(),
                        lengths));
        assertTrue(e.getMessage().contains("chr2"), e.getMessage());
    }

    @Test
    void jsonHasTheSameNumbers() throws IOException {
        ContigDictionary lengths = ContigSources.fromFai(write(dir, "g.fai", GENOME_FAI));
        EvaluationResult r = Evaluator.evaluate(bed(write(dir, "t.bed", TRUTH_BED)),
                bed(write(dir, "p.bed", PRED_BED)), lengths);
        java.io.StringWriter sw = new java.io.StringWriter();
        ReportWriter.writeJson(r, true, Map.of("truth", "t \"x\".bed"), sw);
        JsonNode json = new ObjectMapper().readTree(sw.toString());
        assertEquals("t \"x\".bed", json.get("truth").asText());
        JsonNode chr2 = json.get("contigs").get(1);
        assertEquals("{\"contig\":\"chr2\",\"truth_bases\":10,\"predicted_bases\":0,\"TP\":0,\"FP\":0,\"FN\":10,"
                + "\"TN\":40,\"sensitivity\":0.0,\"specificity\":1.0,\"precision\":null,\"F1\":0.0}", chr2.toString());
        assertEquals("{\"contig\":\"ALL\",\"truth_bases\":40,\"predicted_bases\":45,\"TP\":15,\"FP\":30,\"FN\":25,"
                + "\"TN\":110,\"sensitivity\":0.375,\"specificity\":0.7857,\"precision\":0.3333,\"F1\":0.3529}",
                json.get("all").toString());
        assertEquals("[{\"contig\":\"chr2\",\"bases\":10}]", json.get("only_in_truth").toString());
        assertEquals("[{\"contig\":\"chr3\",\"bases\":10}]", json.get("only_in_prediction").toString());
    }
}
