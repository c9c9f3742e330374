package org.reprise.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.RepriseCli;

/** {@code reprise evaluate-library} end to end through the command line: outputs, exit codes, messages. */
class EvaluateLibraryCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = RepriseCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path[] files() throws IOException {
        FamilyEvaluatorTest.Case c = new FamilyEvaluatorTest.Case();
        Path truth = dir.resolve("truth.fa"), lib = dir.resolve("lib.fa");
        Files.writeString(truth, FamilyEvaluatorTest.Case.fasta(c.truth, " curated"));
        Files.writeString(lib, FamilyEvaluatorTest.Case.fasta(c.library, " seedfreq=10, elementfreq=5"));
        return new Path[] {truth, lib};
    }

    @Test
    void tsvAndJson() throws IOException {
        Path[] f = files();
        Path json = dir.resolve("report.json");
        Run r = run("evaluate-library", "--library", f[1].toString(), "--true-families", f[0].toString(),
                "--json", json.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(7, lines.length, r.out());
        assertEquals(FamilyReportWriter.TSV_HEADER, lines[0]);
        assertEquals("T1\tLTR/Copia\t1000\tperfect\tE1\t0.9800\t1.0000", lines[1]);
        assertEquals("T2\tDNA/hAT\t800\tgood\tE2\t0.9000\t0.9000", lines[2]);
        assertTrue(lines[3].startsWith("T3\tLINE/L1\t1200\tpresent\t"), lines[3]);
        assertTrue(lines[4].startsWith("T4\tSINE/Alu\t600\tmissed\t"), lines[4]);
        assertEquals("T5\tNA\t500\tmissed\tNA\tNA\tNA", lines[5]);
        assertEquals("TOTAL\tperfect=1\tgood=1\tpresent=1\tmissed=2\tfamilies=5\tlibrary=8\tfalse_entries=2"
                + "\tclassified_correctly=3\tclassified_wrongly=1\tunclassified=2", lines[6]);
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertEquals(f[1].toString(), tree.get("library").asText());
        JsonNode t1 = tree.get("families").get(0);
        assertEquals("T1", t1.get("family").asText());
        assertEquals("LTR/Copia", t1.get("class").asText());
        assertEquals(1000, t1.get("length").asInt());
        assertEquals("perfect", t1.get("status").asText());
        assertEquals("E1", t1.get("best_entry").asText());
        assertEquals(0.98, t1.get("identity").asDouble(), 1e-9);
        assertEquals(1.0, t1.get("coverage").asDouble(), 1e-9);
        JsonNode t5 = tree.get("families").get(4);
        assertEquals("T5", t5.get("family").asText());
        for (String field : new String[] {"class", "best_entry", "identity", "coverage"}) {
            assertTrue(t5.get(field).isNull(), field);
        }
        JsonNode totals = tree.get("totals");
        String[] keys = {"perfect", "good", "present", "missed", "families", "library", "false_entries",
            "classified_correctly", "classified_wrongly", "unclassified"};
        int[] values = {1, 1, 1, 2, 5, 8, 2, 3, 1, 2};
        for (int i = 0; i < keys.length; i++) {
            assertEquals(values[i], totals.get(keys[i]).asInt(), keys[i]);
        }
    }

    @Test
    void repriseLibraryWithoutClassesSaysSo() throws IOException {
        Path[] f = files();
        Path lib = dir.resolve("reprise.reprof");
        Files.writeString(lib, ">R=0, seedfreq=167, elementfreq=74, length=20, Seed=ACGTACGTACGTAC\nACGTACGTACGTACGTACGT\n");
        Run r = run("evaluate-library", "-l", lib.toString(), "-t", f[0].toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("TOTAL\tperfect=0\tgood=0\tpresent=0\tmissed=5\tfamilies=5\tlibrary=1\tfalse_entries=1"
                + "\tclassified_correctly=0\tclassified_wrongly=0\tunclassified=0\n"), r.out());
        assertTrue(r.err().contains("no library entry has a class"), r.err());
    }

    @Test
    void badInputIsOneLineAndExitOne() throws IOException {
        Path[] f = files();
        Path bad = dir.resolve("bad.fa");
        Files.writeString(bad, ">x#DNA\nACGT\nACJT\n");
        Run r = run("evaluate-library", "-l", bad.toString(), "-t", f[0].toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(bad + " line 3") && r.err().contains("'J'"), r.err());

        Run missing = run("evaluate-library", "-l", dir.resolve("nope.fa").toString(), "-t", f[0].toString());
        assertEquals(1, missing.exit());
        assertEquals("error: " + dir.resolve("nope.fa") + ": no such file\n", missing.err());

        Path empty = dir.resolve("emptyfamily.fa");
        Files.writeString(empty, ">T1#DNA\nACGTACGT\n>T2#DNA\n");
        Run e = run("evaluate-library", "-l", f[1].toString(), "-t", empty.toString());
        assertEquals(1, e.exit());
        assertEquals("error: " + empty + ": true family T2 has no sequence\n", e.err());

        Path dup = dir.resolve("dup.fa");
        Files.writeString(dup, ">T1#DNA\nACGT\n>T1#DNA second\nACGT\n");
        Run d = run("evaluate-library", "-l", f[1].toString(), "-t", dup.toString());
        assertEquals(1, d.exit());
        assertEquals(1, d.err().lines().count(), d.err());
        assertTrue(d.err().contains(dup + " line 3") && d.err().contains("T1#DNA"), d.err());

        Path sameName = dir.resolve("samename.fa");
        Files.writeString(sameName, ">T1#DNA\nACGT\n>T1#LTR\nACGT\n");
        Run n = run("evaluate-library", "-l", f[1].toString(), "-t", sameName.toString());
        assertEquals(1, n.exit());
        assertEquals("error: " + sameName + ": true family name T1 appears twice\n", n.err());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path[] f = files();
        assertEquals(2, run("evaluate-library", "-l", f[1].toString()).exit());
        assertEquals(2, run("evaluate-library", "-t", f[0].toString()).exit());
        Run zero = run("evaluate-library", "-l", f[1].toString(), "-t", f[0].toString(), "--threads", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--threads must be at least 1, got 0"), zero.err());
        assertEquals(2, run("evaluate-library", "-l", f[1].toString(), "-t", f[0].toString(), "--bogus").exit());
        assertEquals(0, run("evaluate-library", "--help").exit());
    }
}
