package org.reprise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprise.eval.EvalTestSupport.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.EvaluateCommand;

import picocli.CommandLine;

/** The picocli command end to end: arguments in, TSV on stdout, exit codes. */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new EvaluateCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static final String HEADER =
            "contig\ttruth_bases\tpredicted_bases\tTP\tFP\tFN\tTN\tsensitivity\tspecificity\tprecision\tF1\n";

    @Test
    void tsvWithGenomeFasta() throws IOException {
        // genome.fa has chr1 100, chr2 50, chr3 30 bases (uppercase: it only gives lengths)
        Path genome = write(dir, "genome.fa", ">chr1", "A".repeat(60), "A".repeat(40), ">chr2 desc", "C".repeat(50),
                ">chr3", "G".repeat(30));
        Path truth = write(dir, "truth.out", TRUTH_RMOUT);
        Path pred = write(dir, "pred.gff3", PRED_GFF);
        Path json = dir.resolve("report.json");
        Run r = run("--truth", truth.toString(), "--prediction", pred.toString(), "--genome", genome.toString(),
                "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        // chr1: sens 15/30, spec 50/70, prec 15/35, F1 30/65; chr2: spec 40/40; chr3: spec 20/30;
        // ALL: sens 15/40, spec 110/140, prec 15/45, F1 30/85.
        assertEquals(HEADER
                + "chr1\t30\t35\t15\t20\t15\t50\t0.5000\t0.7143\t0.4286\t0.4615\n"
                + "chr2\t10\t0\t0\t0\t10\t40\t0.0000\t1.0000\tNA\t0.0000\n"
                + "chr3\t0\t10\t0\t10\t0\t20\tNA\t0.6667\t0.0000\t0.0000\n"
                + "ALL\t40\t45\t15\t30\t25\t110\t0.3750\t0.7857\t0.3333\t0.3529\n", r.out());
        assertTrue(r.err().contains("only in truth: chr2 (10 bases)"), r.err());
        assertTrue(r.err().contains("only in prediction: chr3 (10 bases)"), r.err());
        JsonNode all = new ObjectMapper().readTree(json.toFile()).get("all");
        assertEquals(15, all.get("TP").asLong());
        assertEquals(30, all.get("FP").asLong());
        assertEquals(25, all.get("FN").asLong());
        assertEquals(110, all.get("TN").asLong());
    }

    @Test
    void inclusiveBedPredictionWithoutGenomeAndOnlyAll() throws IOException {
        Path truth = write(dir, "truth.bed", TRUTH_BED);
        // REPrise 1.0.1 style BED with inclusive ends for [20,40) [55,70) [5,15)
        Path pred = write(dir, "reprise_out.txt", "chr1\t20\t39", "chr1\t55\t69", "chr3\t5\t14");
        Run r = run("-t", truth.toString(), "-p", pred.toString(), "--prediction-format", "bed",
                "--bed-inclusive-end", "--per-contig=false");
        assertEquals(0, r.exit(), r.err());
        assertEquals(HEADER + "ALL\t40\t45\t15\t30\t25\tNA\t0.3750\tNA\t0.3333\t0.3529\n", r.out());
        assertTrue(r.err().contains("specificity are NA"), r.err());
    }

    @Test
    void softMaskedTruthGivesLengths() throws IOException {
        Path fa = writeGz(dir, "truth.fa.gz", ">c1 some description", "ACgt", "acGTnnA", ">c2", "acgt", ">c3", "ACG");
        Path pred = write(dir, "pred.bed", "c1\t0\t4", "c2\t2\t4");
        Run r = run("-t", fa.toString(), "-p", pred.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(HEADER
                + "c1\t6\t4\t2\t2\t4\t3\t0.3333\t0.6000\t0.5000\t0.4000\n"
                + "c2\t4\t2\t2\t0\t2\t0\t0.5000\tNA\t1.0000\t0.6667\n"
                + "c3\t0\t0\t0\t0\t0\t3\tNA\t1.0000\tNA\tNA\n"
                + "ALL\t10\t6\t4\t2\t6\t6\t0.4000\t0.7500\t0.6667\t0.5000\n", r.out());
    }

    @Test
    void badInputLineExitsOneWithOneLine() throws IOException {
        Path truth = write(dir, "truth.bed", TRUTH_BED);
        Path fai = write(dir, "g.fai", GENOME_FAI);
        Path pred = write(dir, "pred.bed", "chr1\t20\t40", "chr2\t45\t51");
        Run r = run("-t", truth.toString(), "-p", pred.toString(), "--fai", fai.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: " + pred + ":2: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void missingFileExitsOne() {
        Run r = run("-t", dir.resolve("nope.bed").toString(), "-p", dir.resolve("nope2.bed").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("nope.bed: no such file"), r.err());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path truth = write(dir, "truth.bed", TRUTH_BED);
        assertEquals(2, run("-t", truth.toString()).exit()); // missing --prediction
        assertEquals(2, run("-t", truth.toString(), "-p", truth.toString(), "--truth-format", "vcf").exit());
        assertEquals(2, run("-t", truth.toString(), "-p", truth.toString(), "--bogus").exit());
        Path odd = write(dir, "pred.txt", "chr1\t1\t2");
        Run r = run("-t", truth.toString(), "-p", odd.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--prediction-format"), r.err());
        assertEquals(2, run("-t", truth.toString(), "-p", truth.toString(), "--genome", "a.fa", "--fai", "a.fai")
                .exit());
    }
}
