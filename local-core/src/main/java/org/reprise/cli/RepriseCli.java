package org.reprise.cli;

import org.reprise.discover.Discovery;
import org.reprise.discover.DiscoveryResult;
import org.reprise.discover.FamilyRoom;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.genome.GenomeFormatException;
import org.reprise.io.LibraryWriters;
import org.reprise.io.MaskedFastaWriter;
import org.reprise.discover.Family;
import org.reprise.genome.BasesSource;
import org.reprise.io.OutputFiles;
import org.reprise.polish.LibraryPolishing;
import org.reprise.polish.PolishParameters;
import org.reprise.polish.PolishedLibrary;
import org.reprise.io.PartitionedOutputs;
import org.reprise.io.RunSummary;
import org.reprise.mask.Bitmask;
import org.reprise.report.ReportAssembly;
import org.reprise.genome.ContigDictionary;
import org.reprise.partition.BasesFile;
import org.reprise.partition.MemoryModel;
import org.reprise.partition.PartitionedDiscovery;
import org.reprise.parallel.Workers;
import org.reprise.util.BaseCount;
import org.reprise.util.MemoryUse;
import org.reprise.params.Parameters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The single-machine command line: {@code reprise -input genome.fa -output PREFIX [options]}, with
 * REPrise's single-dash options kept as aliases of GNU-style ones, and the {@code evaluate}
 * and {@code simulate} subcommands. Exit codes: 0 ok, 1 bad input, 2 usage.
 */
@Command(name = "reprise",
        mixinStandardHelpOptions = true,
        versionProvider = RepriseCli.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        subcommands = {EvaluateCommand.class, EvaluateLibraryCommand.class, SimulateCommand.class, BatchCommand.class},
        description = {
            "De novo discovery of interspersed repeat families (REPrise's algorithm).",
            "Writes PREFIX.reprof (the repeat library), PREFIX.freq (seed table), PREFIX.bed (elements, BED6, "
                    + "0-based half-open), PREFIX.masked (FASTA with the elements masked) and PREFIX.summary.json;",
            "polishing adds PREFIX.lib.fa (the polished, classified library, RepeatMasker headers) and PREFIX.lib.bed,",
            "and PREFIX.report.html is the run report (one self-contained page: families, divergence, masking, phases).",
            "Every file is written under a temporary name and renamed when the run succeeds.",
            "REPrise's options (-input, -dist, ...) are accepted as written for REPrise."},
        footer = {"", "Exit codes: 0 ok, 1 bad input, 2 usage error.",
            "Accuracy of a result against a known annotation: reprise evaluate --help",
            "Accuracy of a repeat library against known families: reprise evaluate-library --help",
            "A benchmark genome with known truth: reprise simulate --help",
            "Many genomes, resumable (for scheduled runs): reprise batch --help"})
public final class RepriseCli implements Callable<Integer> {
    static final String VERSION = RunSummary.VERSION;

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

    @CommandLine.Mixin
    PolishOptions polish = new PolishOptions();

    @Option(names = {"--strategy"}, paramLabel = "auto|exact|partitioned",
            description = {"exact: REPrise's algorithm on the whole genome at once (REPrise's outputs, byte for byte; "
                    + "about 36 bytes of heap per base). partitioned: the genome cut into partitions discovered one "
                    + "after the other and reconciled (genomes of any size in the memory of one partition). "
                    + "auto (default): exact when it fits the heap, partitioned otherwise."})
    String strategy = "auto";

    @Option(names = {"--partition-size"}, paramLabel = "BASES|auto",
            description = "Target bases per partition with the partitioned strategy (k, M, G suffixes); auto (default): "
                    + "the largest that fits the heap, at most 500M.")
    String partitionSize = "auto";

    /** The heap the run may use; tests set it to check the refusal of a run that cannot fit. */
    @Option(names = {"--heap-limit"}, hidden = true, paramLabel = "BYTES")
    long heapLimit = Runtime.getRuntime().maxMemory();

    @Option(names = {"--quiet", "-q"}, description = "No progress on stderr (warnings and errors are still printed).")
    boolean quiet;

    /** Set by batches: a genome with no room for any family fails instead of giving empty outputs. */
    @Option(names = {"--fail-if-too-short"}, hidden = true)
    boolean failIfTooShort;

    @Option(names = {"-additonalfile", "-additionalfile", "-verbose"}, hidden = true,
            description = "REPrise flags; accepted and ignored (all outputs are always written).")
    boolean ignoredRepriseFlag;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** When the run started, for the report. */
    private java.time.ZonedDateTime startedAt;
    /** Where progress goes: the stream given to {@link #execute}. */
    private PrintStream err = System.err;
    /** Where results go: the stream given to {@link #execute}. */
    private PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        RepriseCli command = new RepriseCli();
        command.err = err;
        command.out = out;
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
        checkOptions();
        MaskedFastaWriter.Style style = AlgorithmOptions.maskStyle(maskStyle);
        String chosen = strategy.toLowerCase(Locale.ROOT);
        long explicitSize = partitionSize.equalsIgnoreCase("auto") ? 0 : partitionSizeOption(partitionSize);
        Parameters params = algorithm.builder().threads(threads).build();
        Optional<PolishParameters> polishing = polish.parameters();
        Progress progress = new Progress(quiet ? null : err);
        long start = System.nanoTime();
        startedAt = java.time.ZonedDateTime.now();
        try (OutputFiles files = new OutputFiles(output)) {
            progress.phase("reading " + input);
            Path basesPath = files.scratch(".bases");
            FastaGenomeReader.Scan scan = scan(files);
            ContigDictionary contigs = scan.contigs();
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            progress.message(String.format(Locale.ROOT, "%d contigs, %,d bases", contigs.contigCount(), contigs.length()));
            Parameters resolved = params.toBuilder().k(params.kFor(contigs)).build();
            checkInput(scan, resolved, progress);

            long exactNeeds = MemoryModel.exact(contigs.length(), scan.validBases(), resolved);
            boolean fitsOneArray = contigs.length() < Integer.MAX_VALUE - 16;
            if (chosen.equals("auto")) {
                chosen = exactNeeds <= heapLimit && fitsOneArray ? "exact" : "partitioned";
            }
            try (BasesFile bases = BasesFile.open(basesPath)) {
                if (chosen.equals("exact")) {
                    if (exactNeeds > heapLimit) {
                        throw new InsufficientMemoryException("the exact strategy needs about " + MemoryModel.gib(exactNeeds)
                                + " of heap for " + String.format(Locale.ROOT, "%,d", contigs.length()) + " bases and this JVM may use "
                                + MemoryModel.gib(heapLimit) + ": give Java more (JAVA_OPTS=-Xmx...) or use --strategy partitioned");
                    }
                    progress.message("strategy: exact (needs about " + MemoryModel.gib(exactNeeds) + " of heap, "
                            + MemoryModel.gib(heapLimit) + " available)");
                    Genome genome = Genome.load(contigs, bases);
                    runExact(genome, params, polishing, scan, files, style, progress, start, loadSeconds, MemoryUse.now());
                } else {
                    // The exact figures were measured under the collector's default generations;
                    // the partitioned plan counts what it holds for long, which must fit the old one.
                    long planLimit = Math.min(heapLimit, MemoryUse.heapLimit(MemoryModel.USABLE));
                    // The smallest run there is: one smallest partition, no candidate at all.
                    long least = MemoryModel.partitioned(contigs.length(), scan.validBases(), Math.min(contigs.length(),
                            explicitSize > 0 ? explicitSize : MemoryModel.MIN_PARTITION), 0, 0, planLimit, resolved);
                    if (least > planLimit) {
                        throw new InsufficientMemoryException("the partitioned strategy needs at least "
                                + MemoryModel.gib(least) + " of heap for these " + String.format(Locale.ROOT, "%,d",
                                contigs.length()) + " bases and this JVM may use " + MemoryModel.gib(planLimit)
                                + ": give Java more (JAVA_OPTS=-Xmx...)" + (explicitSize > 0 ? " or a smaller --partition-size" : ""));
                    }
                    progress.message("strategy: partitioned (the exact one would need about " + MemoryModel.gib(exactNeeds)
                            + " of heap, " + MemoryModel.gib(heapLimit) + " available"
                            + (planLimit < heapLimit ? "; the partitions plan for " + MemoryModel.gib(planLimit)
                            + ", what the old generation holds" : "") + ")");
                    runPartitioned(contigs, bases, resolved, polishing, explicitSize, planLimit, scan, files, style, progress,
                            start, loadSeconds);
                }
            }
        }
        return 0;
    }

    /**
     * Checks every option value as a run does before it reads anything (batches check each
     * genome's options with it before any genome runs).
     *
     * @throws IllegalArgumentException with a one-line message naming the option and its range
     */
    void checkOptions() {
        AlgorithmOptions.maskStyle(maskStyle);
        if (!List.of("auto", "exact", "partitioned").contains(strategy.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--strategy must be auto, exact or partitioned (got " + strategy + ")");
        }
        if (!partitionSize.equalsIgnoreCase("auto")) {
            partitionSizeOption(partitionSize);
        }
        algorithm.builder().threads(threads).build();
    }

    PrintStream err() {
        return err;
    }

    PrintStream out() {
        return out;
    }

    /**
     * Tells what was questionable in the input (warnings on stderr even with --quiet; lowercase as
     * a progress note, soft-masking being the usual state of an assembly), and whether any family
     * can be found at all: a warning, or with --fail-if-too-short an error.
     */
    private void checkInput(FastaGenomeReader.Scan scan, Parameters resolved, Progress progress) {
        for (String w : scan.warnings()) {
            err.println("reprise: warning: " + w);
        }
        if (scan.lowercaseBases() > 0) {
            progress.message(String.format(Locale.ROOT, "%,d lowercase (soft-masked) bases, read as upper case",
                    scan.lowercaseBases()));
        }
        String none = FamilyRoom.whyNone(scan, resolved);
        if (none != null && failIfTooShort) {
            throw new GenomeFormatException(none);
        }
        if (none != null) {
            err.println("reprise: warning: " + none + "; the outputs will be empty");
        }
    }

    /** Not enough heap for the run, said before it starts. */
    static final class InsufficientMemoryException extends IOException {
        InsufficientMemoryException(String message) {
            super(message);
        }
    }

    private static long partitionSizeOption(String value) {
        long size;
        try {
            size = BaseCount.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--partition-size: " + e.getMessage());
        }
        if (size < 1_000 || size > 1_500_000_000L) {
            throw new IllegalArgumentException("--partition-size must be 1k..1.5G bases or auto (got " + value + ")");
        }
        return size;
    }

    /** One pass over the FASTA: the contig table, every letter checked, the bases written to a scratch file. */
    private FastaGenomeReader.Scan scan(OutputFiles files) throws IOException {
        try (InputStream in = FastaGenomeReader.open(input);
             OutputStream out = new BufferedOutputStream(files.openScratch(".bases"), 1 << 20)) {
            return FastaGenomeReader.scan(in, input.toString(), out);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new GenomeFormatException("input file not found: " + input);
        }
    }

    private void runExact(Genome genome, Parameters params, Optional<PolishParameters> polishing,
                          FastaGenomeReader.Scan scan, OutputFiles files,
                          MaskedFastaWriter.Style style, Progress progress, long start, double loadSeconds,
                          Map<String, Long> loadMemory) throws IOException {
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
        double writeSeconds = (System.nanoTime() - t) / 1e9;
        Optional<PolishedLibrary> polished = polish(result.families(), genome.dictionary(), genomeBases(genome),
                polishing, params.threads, files, progress);
        long masked = result.reportedMask().cardinality();
        RunSummary summary = new RunSummary(input.toString(), "exact", result.parameters(), genome.dictionary(),
                scan.validBases())
                .results(result.seeds(), result.seedsProcessed(), result.families(), masked,
                        result.repeatMaskedBases(), genome.length())
                .familyLoop(result.familyLoopCounters())
                .put("index_bytes", result.indexBytes())
                .seconds("load", loadSeconds)
                .seconds(result.phaseSeconds())
                .seconds("write", writeSeconds)
                .memory("load", loadMemory)
                .memory(result.phaseMemory())
                .memory("write", MemoryUse.now());
        polished.ifPresent(lib -> summary.section("polishing", LibraryPolishing.summary(lib)).seconds("polish", lib.seconds()));
        report(summary, genome.dictionary(), result.reportedMask(), result.families(), polished, genomeBases(genome),
                scan, files, progress, start);
        summary.seconds("total", (System.nanoTime() - start) / 1e9);
        try (Writer w = files.open(".summary.json")) {
            summary.write(w);
        }
        files.commit();
        done(progress, result.k(), result.families().size(), result.elementCount(), masked, genome.length(), start);
    }

    private void runPartitioned(ContigDictionary contigs, BasesFile bases, Parameters params,
                                Optional<PolishParameters> polishing, long size, long planLimit,
                                FastaGenomeReader.Scan scan, OutputFiles files, MaskedFastaWriter.Style style,
                                Progress progress, long start, double loadSeconds) throws IOException {
        PartitionedDiscovery.Result result;
        try (Workers workers = new Workers(params.threads)) {
            result = PartitionedDiscovery.run(contigs, bases, scan.validBases(), params, size, planLimit, workers, progress,
                    files::scratch);
        }
        long t = System.nanoTime();
        progress.phase("writing " + output + ".*");
        try (InputStream in = FastaGenomeReader.open(input)) {
            PartitionedOutputs.write(result, files, in, input.toString(), style);
        }
        double writeSeconds = (System.nanoTime() - t) / 1e9;
        Optional<PolishedLibrary> polished = polish(result.families(), contigs, bases, polishing, params.threads, files,
                progress);
        long masked = result.reportedMask().cardinality();
        RunSummary summary = PartitionedOutputs.summary(result, input.toString(), scan.validBases(), loadSeconds)
                .seconds("write", writeSeconds);
        polished.ifPresent(lib -> summary.section("polishing", LibraryPolishing.summary(lib)).seconds("polish", lib.seconds()));
        report(summary, contigs, result.reportedMask(), result.families(), polished, bases, scan, files, progress, start);
        summary.seconds("total", (System.nanoTime() - start) / 1e9);
        try (Writer w = files.open(".summary.json")) {
            summary.write(w);
        }
        files.commit();
        done(progress, params.k, result.families().size(), result.elementCount(), masked, contigs.length(), start);
    }

    /** Polishing, unless --no-polish: PREFIX.lib.fa and PREFIX.lib.bed beside the REPrise outputs. */
    private Optional<PolishedLibrary> polish(List<Family> families, ContigDictionary contigs, BasesSource bases,
                                             Optional<PolishParameters> polishing, int threads, OutputFiles files,
                                             Progress progress) throws IOException {
        if (polishing.isEmpty()) {
            return Optional.empty();
        }
        progress.phase("polishing " + families.size() + " families");
        PolishedLibrary lib = LibraryPolishing.polishAndWrite(families, contigs, bases, polishing.get(), threads, files);
        progress.message(String.format(Locale.ROOT, "polished library: %d families (%s%s)", lib.families().size(),
                output, LibraryPolishing.LIBRARY));
        return Optional.of(lib);
    }

    /**
     * The run report, PREFIX.report.html, unless --no-report; its seconds go into the summary as
     * the phase {@code report}.
     */
    private void report(RunSummary summary, ContigDictionary contigs, Bitmask reported, List<Family> families,
                        Optional<PolishedLibrary> polished, BasesSource bases, FastaGenomeReader.Scan scan,
                        OutputFiles files, Progress progress, long start) throws IOException {
        if (!polish.report()) {
            return;
        }
        long t = System.nanoTime();
        progress.phase("writing the run report " + output + ReportAssembly.REPORT);
        ReportAssembly.write(summary, startedAt, (t - start) / 1e9, contigs, reported, families, polished, bases,
                threads, scan.warnings(), files);
        summary.seconds("report", (System.nanoTime() - t) / 1e9);
    }

    /** The bases of a loaded genome by position, for polishing. */
    private static BasesSource genomeBases(Genome genome) {
        ContigDictionary d = genome.dictionary();
        return (position, dst, off, len) -> {
            int c = d.contigIndexAt(position);
            System.arraycopy(genome.codes(c), (int) (position - d.contigStart(c)), dst, off, len);
        };
    }

    private static void done(Progress progress, int k, int families, long elements, long masked, long bases, long start) {
        progress.message(String.format(Locale.ROOT, "done: k=%d, %d families, %d elements, %,d bases masked (%.2f%%) in %.1f s",
                k, families, elements, masked, 100.0 * masked / bases, (System.nanoTime() - start) / 1e9));
    }

    /** The version picocli prints for --version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"reprise-spark " + VERSION + " (REPrise 1.0.1 algorithm)"};
        }
    }
}
