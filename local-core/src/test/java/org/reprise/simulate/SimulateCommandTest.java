package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reprise.cli.RepriseCli;

/** {@code reprise simulate} through the real command line: files, exit codes, one-line errors. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RepriseCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheFiveFilesWithSuffixedSizes() throws IOException {
        String prefix = dir.resolve("g").toString();
        Run r = run("simulate", "-o", prefix, "--contig-sizes", "150k,0.1M,2.5k", "--families", "6", "--copies", "3-9",
                "--satellites", "2", "--low-complexity", "3", "--fasta-line", "80", "--seed", "11");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("wrote " + prefix + ".fa (252,500 bases)"), r.err());
        for (String s : new String[] {".fa", ".fa.fai", ".truth.bed", ".families.fa", ".truth.tsv"}) {
            assertTrue(Files.size(Path.of(prefix + s)) > 0, s);
        }
        assertEquals("chr1\t150000\t6\t80\t81\nchr2\t100000\t151887\t80\t81\nchr3\t2500\t253143\t80\t81\n",
                Files.readString(Path.of(prefix + ".fa.fai")));
        assertEquals(">chr3", Files.readAllLines(Path.of(prefix + ".fa")).get(1 + 1875 + 1 + 1250));
        assertTrue(Files.readString(Path.of(prefix + ".families.fa")).startsWith(">fam001#"));
        assertFalse(run("simulate", "-o", dir.resolve("q").toString(), "--length", "20k", "--contigs", "2", "--quiet")
                .err().contains("wrote"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--gc 0.99                      | --gc must be between 0.05 and 0.95 (got 0.99)",
        "--length 12X                   | '12X' is not a number of bases",
        "--length 1.5                   | '1.5' is not a whole number of bases",
        "--length 10k --contigs 20      | --length must give each of the 20 contigs at least 1k bases",
        "--contigs 0                    | --contigs must be between 1 and 1000000 (got 0)",
        "--contig-sizes 2300M,0         | --contig-sizes: every size must be between 1 and 1000G bases (got 0)",
        "--copies 10-5                  | '10-5': MIN is larger than MAX",
        "--copies 0-5                   | --copies must be MIN-MAX with 1 <= MIN <= MAX <= 1000000 (got 0-5)",
        "--family-length 10-100         | --family-length must be MIN-MAX with 50 <= MIN <= MAX <= 100000 (got 10-100)",
        "--max-divergence 0.6           | --max-divergence must be between 0 and 0.5 (got 0.6)",
        "--truncated -0.1               | --truncated must be between 0 and 1 (got -0.1)",
        "--nested 2                     | --nested must be between 0 and 1 (got 2.0)",
        "--ltr 0.5 --tir 0.4 --line 0.2 | --ltr + --tir + --line + --sine must be at most 1 (got 1.2",
        "--satellites -1                | --satellites must be between 0 and 100000 (got -1)",
        "--low-complexity -3            | --low-complexity must be between 0 and 10000000 (got -3)",
        "--fasta-line 5                 | --fasta-line must be between 10 and 1000 (got 5)",
        "--families 100000 --copies 3-1000 | --families x the largest --copies must be at most 50000000",
        "--seed x                       | Invalid value for option '--seed'",
    })
    void badValuesAreOneLineUsageErrors(String options, String message) {
        String[] extra = options.trim().split("\\s+");
        String[] args = new String[extra.length + 3];
        args[0] = "simulate";
        args[1] = "-o";
        args[2] = dir.resolve("x").toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        Run r = run(args);
        assertEquals(2, r.exit(), r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("reprise: ") && first.contains(message), r.err());
        assertEquals(2, r.err().lines().count(), "the error and a hint: " + r.err());
        assertTrue(r.err().lines().skip(1).findFirst().orElse("").contains("simulate --help"), r.err());
        assertFalse(Files.exists(dir.resolve("x.fa")));
    }

    @Test
    void missingOutputIsAUsageError() {
        Run r = run("simulate", "--length", "20k");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("reprise: Missing required option: '--output=PREFIX'"), r.err());
    }

    @Test
    void anOutputFolderThatDoesNotExistIsOneLineAndExitOne() {
        Path missing = dir.resolve("no/such/folder/g");
        Run r = run("simulate", "-o", missing.toString(), "--length", "20k", "--contigs", "2");
        assertEquals(1, r.exit(), r.err());
        assertEquals("error: output folder does not exist: " + missing.getParent().toAbsolutePath(), r.err().trim()
                .lines().reduce((a, b) -> b).orElse(""));
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error")).count(), r.err());
    }
}
