package org.reprise.cli;

import org.reprise.params.Parameters;
import org.reprise.io.MaskedFastaWriter;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * REPrise's algorithm options, shared by the local command line and the Spark job (a picocli
 * mixin), so that both accept the same spellings and defaults.
 */
public final class AlgorithmOptions {
    @Option(names = {"--dist", "-dist"}, paramLabel = "N", description = "Mismatches allowed between a seed and its copies (0..3, default ${DEFAULT-VALUE}).")
    int dist = 0;

    @Option(names = {"-k", "--k"}, paramLabel = "K", description = "K-mer length (2..30); default: derived from the genome size as REPrise does.")
    int k = 0;

    @Option(names = {"--match", "-match"}, paramLabel = "N", description = "Match score (default ${DEFAULT-VALUE}).")
    int match = 1;
    @Option(names = {"--mismatch", "-mismatch"}, paramLabel = "N", description = "Mismatch score (default ${DEFAULT-VALUE}).")
    int mismatch = -1;
    @Option(names = {"--gap", "-gap"}, paramLabel = "N", description = "Gap open score (default ${DEFAULT-VALUE}).")
    int gap = -5;
    @Option(names = {"--gapex", "-gapex"}, paramLabel = "N", description = "Gap extension score (default ${DEFAULT-VALUE}).")
    int gapex = -1;
    @Option(names = {"--cappenalty", "-cappenalty"}, paramLabel = "N",
            description = "How far a copy may fall below its best score before it stops counting (default ${DEFAULT-VALUE}).")
    int capPenalty = -20;
    @Option(names = {"--maxextend", "-maxextend"}, paramLabel = "N", description = "Longest extension on each side (default ${DEFAULT-VALUE}).")
    int maxExtend = 10_000;
    @Option(names = {"--maxrepeat", "-maxrepeat"}, paramLabel = "N", description = "Most families reported (default ${DEFAULT-VALUE}).")
    int maxRepeat = 100_000;
    @Option(names = {"--maxgap", "-maxgap"}, paramLabel = "W", description = "Band half-width of every alignment (default ${DEFAULT-VALUE}).")
    int maxGap = 5;
    @Option(names = {"--stopafter", "-stopafter"}, paramLabel = "N", description = "Stop extending after this many steps without a new best (default ${DEFAULT-VALUE}).")
    int stopAfter = 100;
    @Option(names = {"--minlength", "-minlength"}, paramLabel = "N", description = "Shortest consensus reported and shortest element counted (default ${DEFAULT-VALUE}).")
    int minLength = 50;
    @Option(names = {"--minfreq", "-minfreq"}, paramLabel = "N", description = "Fewest copies for a seed (default ${DEFAULT-VALUE}).")
    int minFreq = 3;
    @Option(names = {"--minimprovement", "-minimprovement"}, paramLabel = "N", description = "Per-step gain needed to move the best end (default ${DEFAULT-VALUE}).")
    int minImprovement = 3;
    @Option(names = {"--tandemdist", "-tandemdist"}, paramLabel = "N", description = "Copies closer than this to the previous copy are dropped (default ${DEFAULT-VALUE}).")
    int tandemDist = 500;
    /** The parameters these options give; threads are the caller's. */
    public Parameters.Builder builder() {
        return Parameters.builder().match(match).mismatch(mismatch).gap(gap).gapex(gapex)
                .capPenalty(capPenalty).dist(dist).maxExtend(maxExtend).maxRepeat(maxRepeat).maxGap(maxGap)
                .stopAfter(stopAfter).minLength(minLength).minFreq(minFreq).minImprovement(minImprovement)
                .tandemDist(tandemDist).k(k);
    }

    /** {@code --mask-style}'s value as a writer style. */
    public static MaskedFastaWriter.Style maskStyle(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "hard" -> MaskedFastaWriter.Style.HARD;
            case "soft" -> MaskedFastaWriter.Style.SOFT;
            default -> throw new IllegalArgumentException("--mask-style must be hard or soft (got " + value + ")");
        };
    }
}
