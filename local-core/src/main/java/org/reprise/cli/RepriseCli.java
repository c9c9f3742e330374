package org.reprise.cli;

import org.reprise.discover.Discovery;
import org.reprise.discover.DiscoveryResult;
import org.reprise.discover.Parameters;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.genome.GenomeFormatException;
import org.reprise.io.LibraryWriters;
import org.reprise.io.MaskedFastaWriter;
import org.reprise.io.OutputFiles;
import org.reprise.io.SummaryWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The single-machine command line: {@code reprise -input genome.fa -output PREFIX [options]}, with
 * REPrise's single-dash options kept as aliases of GNU-style ones, and the {@code evaluate}
 * subcommand. Exit codes: 0 ok, 1 bad input, 2 usage.
 */
@Command(name = "reprise",
        mixinStandardHelpOptions = true,
        versionProvider = RepriseCli.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        subcommands = {EvaluateCommand.class, EvaluateLibraryCommand.class},
        description = {
            "De novo discovery of interspersed repeat families (REPrise's algorithm).",
            "Writes PREFIX.reprof (the repeat library), PREFIX.freq (seed table), PREFIX.bed (elements, BED6, "
                    + "0-based half-open), PREFIX.masked (FASTA with the elements masked) and PREFIX.summary.json.",
            "Every file is written under a temporary name and renamed when the run succeeds.",
            "REPrise's options (-input, -dist, ...) are accepted as written for REPrise."},
        footer = {"", "Exit codes: 0 ok, 1 bad input, 2 usage error.",
            "Accuracy of a result against a known annotation: reprise evaluate --help",
            "Accuracy of a repeat library against known families: reprise evaluate-library --help"})
public final class RepriseCli implements Callable<Integer> {
    static final String VERSION = "0.1.0";

    @Option(names = {"-input", "--input", "-i"}, paramLabel = "FASTA",
            description = "Genome FASTA, plain, gzip or BGZF compressed (required).")
    Path input;

    @Option(names = {"-output", "--output", "-o"}, paramLabel = "PREFIX",
            description = "Prefix of the output files (required).")
    String output;

    @Option(names = {"--threads", "-threads", "-pa"}, paramLabel = "N",
            description = "Worker threads (default: all cores, ${DEFAULT-VALUE} here). The output is the same for any number.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"--mask-style"}, paramLabel = "hard|soft",
            description = "How PREFIX.masked masks elements: hard (N) or soft (lowercase, the rest uppercase). Default ${DEFAULT-VALUE}.")
    String maskStyle = "hard";

    @CommandLine.Mixin
    AlgorithmOptions algorithm = new AlgorithmOptions();

    @Option(names = {"--quiet", "-q"}, description = "No progress on stderr.")
    boolean quiet;

    @Option(names = {"-additonalfile", "-additionalfile", "-verbose"}, hidden = true,
            description = "REPrise flags; accepted and ignored (all outputs are always written).")
    boolean ignoredRepriseFlag;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where progress goes: the stream given to {@link #execute}. */
    private PrintStream err = System.err;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        RepriseCli command = new RepriseCli();
        command.err = err;
        CommandLine cl = new CommandLine(command);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        // One line and a hint, not the whole usage, for a mistyped option or value.
        cl.setParameterExceptionHandler((ex, args2) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("reprise: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof GenomeFormatException || ex instanceof IOException
                    || ex instanceof UnsupportedOperationException || ex instanceof java.io.UncheckedIOException) {
                commandLine.getErr().println("reprise: error: " + ex.getMessage());
                return 1;
            }
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("reprise: " + ex.getMessage());
                commandLine.getErr().println("Try 'reprise --help' for the options.");
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        // Required here rather than in picocli, so that "reprise evaluate ..." needs neither.
        if (input == null || output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "missing " + (input == null ? "-input FASTA" : "-output PREFIX"));
        }
        MaskedFastaWriter.Style style = AlgorithmOptions.maskStyle(maskStyle);
        Parameters params = algorithm.builder().threads(threads).build();
        Progress progress = new Progress(quiet ? null : err);
        long start = System.nanoTime();
        try (OutputFiles files = new OutputFiles(output)) {
            progress.phase("loading " + input);
            Genome genome = FastaGenomeReader.read(input);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            progress.message(String.format(Locale.ROOT, "%d contigs, %,d bases", genome.contigCount(), genome.length()));
            DiscoveryResult result = Discovery.run(genome, params, progress);

            long t = System.nanoTime();
            progress.phase("writing " + output + ".*");
            try (Writer w = files.open(".reprof")) {
                LibraryWriters.writeReprof(result, w);
            }
            try (Writer w = files.open(".freq")) {
                LibraryWriters.writeFreq(result, w);
            }
            try (Writer w = files.open(".bed")) {
                LibraryWriters.writeBed(result, w);
            }
            try (OutputStream os = new BufferedOutputStream(files.openStream(".masked"), 1 << 16)) {
                MaskedFastaWriter.write(input, genome, result.reportedMask(), style, os);
            }
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("load", loadSeconds);
            extra.put("write", (System.nanoTime() - t) / 1e9);
            extra.put("total", (System.nanoTime() - start) / 1e9);
            long masked = result.reportedMask().cardinality();
            try (Writer w = files.open(".summary.json")) {
                SummaryWriter.write(result, extra, peakHeapBytes(), masked, VERSION, w);
            }
            files.commit();
            progress.message(String.format(Locale.ROOT, "done: k=%d, %d families, %d elements, %,d bases masked (%.2f%%) in %.1f s",
                    result.k(), result.families().size(), result.elementCount(), masked,
                    100.0 * masked / genome.length(), (System.nanoTime() - start) / 1e9));
        }
        return 0;
    }

    /** Sum of the peak usage of the heap memory pools. */
    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The version picocli prints for --version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"reprise-spark " + VERSION + " (REPrise 1.0.1 algorithm)"};
        }
    }
}
