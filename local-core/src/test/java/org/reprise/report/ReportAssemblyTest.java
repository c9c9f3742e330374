package org.reprise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.RepriseCli;
import org.reprise.discover.ReferenceFiles;

/** The run report as the CLI writes it: beside the other outputs, of the run's own library and contigs. */
class ReportAssemblyTest {
    @TempDir
    Path tmp;

    private String run(String prefix, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-input", ReferenceFiles.bundledYeastPath().toString(),
                "-output", tmp.resolve(prefix).toString(), "-q", "--threads", "2"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RepriseCli.execute(args.toArray(new String[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        Path report = tmp.resolve(prefix + ReportAssembly.REPORT);
        return Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : null;
    }

    @Test
    void theReportShowsThePolishedLibraryTheContigsAndThePhases() throws Exception {
        String html = run("yeast");
        assertTrue(html != null && html.startsWith("<!DOCTYPE html>"), "no report");
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(tmp.resolve("yeast.lib.fa"))) {
            if (line.startsWith(">")) {
                names.add(line.substring(1, line.indexOf('#')));
            }
        }
        assertTrue(names.size() >= 5, names.toString());
        for (String n : names) {
            assertTrue(html.contains(n), "family " + n + " of lib.fa not in the report");
        }
        assertFalse(html.contains("R=1<"), "raw family names in a polished run's report");
        assertTrue(html.contains("chrI") && html.contains("chrII"), "contigs");
        assertTrue(html.contains("sacCer_chrI_chrII.fa.gz"), "the input");
        assertTrue(html.contains(" \u00b7 ") && !html.contains(" ? "), "written in UTF-8, as the page declares");
        for (String phase : List.of("index", "families", "polish")) {
            assertTrue(html.contains(phase), "phase " + phase);
        }
        // The report's time is a phase of the summary.
        assertTrue(Files.readString(tmp.resolve("yeast.summary.json")).contains("\"report\""));
        // No network: nothing is loaded from elsewhere.
        assertFalse(html.matches("(?s).*\\b(src|href)=\"(https?:)?//.*"), "a reference to the network");
    }

    @Test
    void withoutPolishingTheReportShowsTheRawFamiliesAndNoReportWhenAskedNot() throws Exception {
        String html = run("raw", "--no-polish");
        assertTrue(html != null, "no report");
        long raw = Files.readAllLines(tmp.resolve("raw.reprof")).stream().filter(l -> l.startsWith(">")).count();
        for (int n = 0; n < raw; n++) {
            assertTrue(html.contains("R=" + n), "raw family R=" + n);
        }
        assertEquals(null, run("none", "--no-report"));
        assertTrue(Files.exists(tmp.resolve("none.lib.fa")), "the other outputs are still written");
    }
}
