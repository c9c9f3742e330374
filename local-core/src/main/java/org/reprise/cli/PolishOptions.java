package org.reprise.cli;

import java.util.Optional;

import org.reprise.polish.PolishParameters;
import picocli.CommandLine.Option;

/** What follows discovery, shared by the local CLI and the Spark job: polishing and the run report. */
public final class PolishOptions {
    @Option(names = "--no-polish",
            description = "Write the REPrise outputs only: no polished library (PREFIX.lib.fa, PREFIX.lib.bed).")
    boolean noPolish;

    @Option(names = "--min-copies", paramLabel = "N", defaultValue = "3",
            description = "Fewest elements a polished family keeps (default ${DEFAULT-VALUE}).")
    int minCopies = 3;

    @Option(names = "--no-report",
            description = "No run report (PREFIX.report.html: the families, their copies' divergence, the masking per contig, the phases).")
    boolean noReport;

    /** @return whether the run writes PREFIX.report.html (unless {@code --no-report}) */
    public boolean report() {
        return !noReport;
    }

    /**
     * @return the polishing settings, empty with {@code --no-polish}
     * @throws IllegalArgumentException if {@code --min-copies} is below 1
     */
    public Optional<PolishParameters> parameters() {
        PolishParameters p = PolishParameters.DEFAULT.withMinCopies(minCopies);
        return noPolish ? Optional.empty() : Optional.of(p);
    }
}
