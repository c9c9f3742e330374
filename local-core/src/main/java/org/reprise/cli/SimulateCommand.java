package org.reprise.cli;

import org.reprise.util.BaseCount;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.reprise.simulate.HumanPreset;
import org.reprise.simulate.Simulation;
import org.reprise.simulate.SimulationParameters;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: writes a benchmark genome with interspersed families, satellites and
 * low-complexity stretches planted at known places, and the truth. Exit codes: 0 ok, 1 the files
 * cannot be written (one line on stderr), 2 bad usage (one line naming the option and value).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes a genome with planted repeat families and the truth, the same files for the same options and seed:",
            "PREFIX.fa (and PREFIX.fa.fai), PREFIX.truth.bed (every planted piece: contig start end name score strand "
                + "class copy attributes; 0-based, half-open), PREFIX.families.fa (true consensi, name#Class/Family) "
                + "and PREFIX.truth.tsv (one line per family).",
            "Sizes accept k, M and G (decimal): 20M, 2.5G.",
            "--preset human: mammal-like 3.1 Gbp, 24 chromosomes + 2,000 unplaced contigs, half repeats in 1,200+ "
                + "families of 3 to 550,000 copies, up to 30%% diverged."
        },
        footer = {"", "Exit codes: 0 ok, 1 output cannot be written, 2 usage error."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PREFIX",
            description = "Prefix of the output files.")
    private String output;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "human: a mammal-like genome, see above; --length scales it (at least 10M). Options given "
                    + "explicitly override it, as each says; --contigs does not combine with it.")
    private String preset;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
    private long seed = 1;

    @Option(names = "--length", paramLabel = "BASES", converter = BasesConverter.class,
            description = "Genome length (default: 20M; with --preset, 3.1G, and the preset is scaled to the length).")
    private long length = 20_000_000L;

    @Option(names = "--contigs", paramLabel = "N",
            description = "Contigs, sizes drawn log-normal around length/contigs, at least 1k each (default: ${DEFAULT-VALUE}).")
    private int contigs = 40;

    @Option(names = "--contig-sizes", paramLabel = "SIZE", split = ",", converter = BasesConverter.class,
            description = "Comma-separated contig lengths, e.g. 2300M,200M; overrides --length and --contigs. With "
                    + "--preset, they replace its chromosomes; its unplaced contigs are added, as many as for their total.")
    private long[] contigSizes;

    @Option(names = "--gc", paramLabel = "FRACTION", description = "G+C fraction of the background and consensi (default: ${DEFAULT-VALUE}).")
    private double gc = 0.41;

    @Option(names = "--families", paramLabel = "N", description = "Interspersed families (default: ${DEFAULT-VALUE}; "
            + "with --preset, the drawn ones besides its giant ones, 1,200 from 200M up, fewer below).")
    private int families = 80;

    @Option(names = "--family-length", paramLabel = "MIN-MAX", converter = RangeConverter.class,
            description = "Consensus lengths of interspersed families (default: 100-8000); each class keeps its usual "
                    + "range within it (LTR 3-8k, DNA 200-3000, LINE 4-7k, SINE 100-500, Unknown all of it); "
                    + "a preset's giant families keep their lengths.")
    private Range familyLength = new Range(100, 8000);

    @Option(names = "--copies", paramLabel = "MIN-MAX", converter = RangeConverter.class,
            description = "Copies per family, drawn log-uniformly (default: 3-300; with --preset, 3-30k from a heavy "
                    + "tail, then scaled together, within the range, so that repeats fill the preset's share).")
    private Range copies = new Range(3, 300);

    @Option(names = "--max-divergence", paramLabel = "FRACTION",
            description = "Largest divergence of a family or copy, substitutions and 1-5 base indels (10:1) per base "
                    + "(default: ${DEFAULT-VALUE}, with --preset 0.30; 0 plants exact copies).")
    private double maxDivergence = 0.20;

    @Option(names = "--truncated", paramLabel = "FRACTION",
            description = "Share of copies 5'-truncated; LINEs are truncated as if given two chances (default: "
                    + "${DEFAULT-VALUE}; with --preset, LINEs 0.9 unless this is given).")
    private double truncated = 0.3;

    @Option(names = "--nested", paramLabel = "FRACTION",
            description = "Share of copies inserted into an older copy (default: ${DEFAULT-VALUE}).")
    private double nested = 0.1;

    @Option(names = "--ltr", paramLabel = "FRACTION", description = "Share of families that are LTR retrotransposons "
            + "(default: ${DEFAULT-VALUE}; with --preset, of the drawn families, 0.45, 0.25, 0.12 and 0.08 for the four).")
    private double ltr = 0.25;

    @Option(names = "--tir", paramLabel = "FRACTION", description = "Share of DNA transposons with terminal inverted repeats (default: ${DEFAULT-VALUE}).")
    private double tir = 0.20;

    @Option(names = "--line", paramLabel = "FRACTION", description = "Share of LINEs (default: ${DEFAULT-VALUE}).")
    private double line = 0.15;

    @Option(names = "--sine", paramLabel = "FRACTION",
            description = "Share of SINEs (default: ${DEFAULT-VALUE}); the families left are Unknown.")
    private double sine = 0.10;

    @Option(names = "--satellites", paramLabel = "N",
            description = "Tandem arrays of a 5-500 base unit, 2-50 kb long (default: ${DEFAULT-VALUE}; with --preset, "
                    + "3,000 and 60,000 low-complexity stretches, scaled to the length).")
    private int satellites = 20;

    @Option(names = "--low-complexity", paramLabel = "N",
            description = "(A)n, (CA)n and AT-rich stretches of 100-2000 bases (default: ${DEFAULT-VALUE}).")
    private int lowComplexity = 50;

    @Option(names = "--fasta-line", paramLabel = "N", description = "Bases per FASTA line (default: ${DEFAULT-VALUE}).")
    private int fastaLine = 60;

    @Option(names = "--soft-mask-truth", description = "Write planted pieces in lower case.")
    private boolean softMaskTruth;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    private boolean quiet;

    @Override
    public Integer call() {
        SimulationParameters parameters;
        try {
            SimulationParameters.Builder b = preset != null ? presetBuilder()
                    : SimulationParameters.builder().seed(seed).length(length).contigs(contigs)
                    .contigSizes(contigSizes).gc(gc).families(families).familyLength(familyLength.min(), familyLength.max())
                    .copies(copies.min(), copies.max()).maxDivergence(maxDivergence).truncated(truncated).nested(nested)
                    .ltr(ltr).tir(tir).line(line).sine(sine).satellites(satellites).lowComplexity(lowComplexity);
            parameters = b.fastaLine(fastaLine).softMaskTruth(softMaskTruth).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        try {
            Simulation.run(parameters, output, quiet ? null : message -> {
                err.printf(Locale.ROOT, "[%7.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
                err.flush();
            });
            return 0;
        } catch (IOException e) {
            err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        } catch (java.io.UncheckedIOException e) {
            err.println("error: " + e.getCause().getMessage());
        }
        err.flush();
        return 1;
    }

    /**
     * The preset's parameters, then every option given on the command line over them (their
     * defaults are not the preset's, so only the options given count).
     */
    private SimulationParameters.Builder presetBuilder() {
        if (!HumanPreset.NAME.equals(preset)) {
            throw new IllegalArgumentException("--preset must be " + HumanPreset.NAME + " (got " + preset + ")");
        }
        ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--contigs")) {
            throw new IllegalArgumentException("--contigs does not combine with --preset (--contig-sizes sets the "
                    + "chromosomes, --length scales the preset)");
        }
        SimulationParameters.Builder b = HumanPreset.builder(seed,
                given.hasMatchedOption("--length") ? length : HumanPreset.LENGTH, contigSizes);
        if (given.hasMatchedOption("--gc")) {
            b.gc(gc);
        }
        if (given.hasMatchedOption("--families")) {
            b.families(families);
        }
        if (given.hasMatchedOption("--family-length")) {
            b.familyLength(familyLength.min(), familyLength.max());
        }
        if (given.hasMatchedOption("--copies")) {
            b.copies(copies.min(), copies.max());
        }
        if (given.hasMatchedOption("--max-divergence")) {
            b.maxDivergence(maxDivergence);
        }
        if (given.hasMatchedOption("--truncated")) {
            b.truncated(truncated).lineTruncated(Double.NaN);
        }
        if (given.hasMatchedOption("--nested")) {
            b.nested(nested);
        }
        if (given.hasMatchedOption("--ltr")) {
            b.ltr(ltr);
        }
        if (given.hasMatchedOption("--tir")) {
            b.tir(tir);
        }
        if (given.hasMatchedOption("--line")) {
            b.line(line);
        }
        if (given.hasMatchedOption("--sine")) {
            b.sine(sine);
        }
        if (given.hasMatchedOption("--satellites")) {
            b.satellites(satellites);
        }
        if (given.hasMatchedOption("--low-complexity")) {
            b.lowComplexity(lowComplexity);
        }
        return b;
    }

    /** A number of bases with an optional k, M or G suffix. */
    static final class BasesConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return BaseCount.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** A range MIN-MAX of an option. */
    record Range(long min, long max) {
    }

    /** {@code MIN-MAX}, each a number with an optional k, M or G suffix. */
    static final class RangeConverter implements CommandLine.ITypeConverter<Range> {
        @Override
        public Range convert(String value) {
            try {
                long[] r = BaseCount.parseRange(value);
                return new Range(r[0], r[1]);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
