package org.reprise.discover;

import org.reprise.cli.AlgorithmOptions;
import org.reprise.params.Parameters;
import org.reprise.genome.Genome;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of REPrise 1.0.1 kept as a reference (test resources under {@code /reprise/}): the
 * genome, REPrise's arguments as it was given them, and the base name of its output files.
 */
public record ReferenceCase(String name, boolean testCase, String base, boolean gzipped, String... args) {

    /** Every reference run: yeast with defaults, -dist 1 and twelve other parameter sets; REPrise's test case with -dist 1, 2, 3. */
    public static List<ReferenceCase> all() {
        List<ReferenceCase> cases = new ArrayList<>();
        cases.add(yeast("defaults", "reprise_sacCer_chrI_chrII"));
        cases.add(yeast("dist1", "reprise_sacCer_chrI_chrII.dist1", "-dist", "1"));
        String[][] params = {
            {"maxgap3", "-maxgap", "3"},
            {"stopafter50", "-stopafter", "50"},
            {"cappenalty10", "-cappenalty", "-10"},
            {"minimprovement2", "-minimprovement", "2"},
            {"minlength100", "-minlength", "100"},
            {"minfreq5", "-minfreq", "5"},
            {"k13", "-k", "13"},
            {"match2", "-match", "2", "-mismatch", "-2"},
            {"gap3", "-gap", "-3", "-gapex", "-2"},
            {"tandemdist100", "-tandemdist", "100"},
            {"maxrepeat5", "-maxrepeat", "5"},
            {"maxextend2000", "-maxextend", "2000"},
        };
        for (String[] p : params) {
            cases.add(yeast(p[0], "params/reprise_sacCer_chrI_chrII." + p[0], java.util.Arrays.copyOfRange(p, 1, p.length)));
        }
        for (int d = 1; d <= 3; d++) {
            cases.add(new ReferenceCase("tst-dist" + d, true, "tst.dist" + d + ".tandemdist10", false,
                    "-dist", Integer.toString(d), "-tandemdist", "10"));
        }
        return cases;
    }

    /** One case by name. */
    public static ReferenceCase named(String name) {
        for (ReferenceCase c : all()) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no reference case " + name);
    }

    private static ReferenceCase yeast(String name, String base, String... args) {
        return new ReferenceCase(name, false, base, true, args);
    }

    /** The input as a file: the bundled yeast genome, or tst.fa written into {@code dir}. */
    public Path input(Path dir) throws IOException {
        if (!testCase) {
            return ReferenceFiles.bundledYeastPath();
        }
        Path tst = dir.resolve("tst.fa");
        if (!Files.exists(tst)) {
            Files.writeString(tst, ReferenceFiles.text("tst.fa"));
        }
        return tst;
    }

    public Genome genome() {
        return testCase ? ReferenceFiles.repriseTestCase() : ReferenceFiles.bundledYeast();
    }

    /** The parameters REPrise's arguments give, read by the command line's own option parser. */
    public Parameters parameters() {
        AlgorithmOptions options = new AlgorithmOptions();
        new CommandLine(options).parseArgs(args);
        return options.builder().build();
    }

    /** A reference output's resource name, e.g. {@code file(".reprof")}. */
    public String file(String suffix) {
        return base + suffix + (gzipped ? ".gz" : "");
    }

    @Override
    public String toString() {
        return name;
    }
}
