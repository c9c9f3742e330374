package org.reprise.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.reprise.cli.AlgorithmOptions;
import org.reprise.cli.PolishOptions;
import org.reprise.polish.LibraryPolishing;
import org.reprise.polish.PolishParameters;
import org.reprise.polish.PolishedLibrary;
import org.reprise.cli.Progress;
import org.reprise.discover.Family;
import org.reprise.discover.FamilyRoom;
import org.reprise.discover.FamilyLoop;
import org.reprise.discover.StoredCopies;
import org.reprise.genome.ContigDictionary;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.GenomeFormatException;
import org.reprise.io.LibraryWriters;
import org.reprise.io.OutputSink;
import org.reprise.io.PartitionedOutputs;
import org.reprise.io.MaskedFastaWriter;
import org.reprise.io.RunSummary;
import org.reprise.report.ReportAssembly;
import org.reprise.params.Parameters;
import org.reprise.partition.GenomePartitioner;
import org.reprise.partition.GenomeWideSeeds;
import org.reprise.partition.PartitionResult;
import org.reprise.partition.PartitionedDiscovery;
import org.reprise.partition.Reconciliation;
import org.reprise.parallel.Workers;
import org.reprise.partition.PartitionPlan;
import org.reprise.seeds.Candidate;
import org.reprise.seeds.PreMasking;
import org.reprise.seeds.SeedTable;
import org.reprise.spark.batch.SparkBatch;
import org.reprise.spark.io.AtomicOutputDirectory;
import org.reprise.spark.io.FastaInput;
import org.reprise.spark.io.HadoopConf;
import org.reprise.partition.PartitionGenome;
import org.reprise.spark.rounds.DraftRound;
import org.reprise.spark.rounds.RoundDrafter;
import org.reprise.spark.seeds.NeighbourCounting;
import org.reprise.spark.seeds.RankKey;
import org.reprise.spark.seeds.SeedCounting;
import org.reprise.spark.tasks.PartitionTasks;
import org.reprise.spark.tasks.SparkGenomeWidePass;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The distributed job: {@code submit.sh -input URI -output DIR [options]}. Same algorithm, same
 * outputs as local-core's {@code reprise}, byte for byte, for any number of partitions and
 * executors (see spark-job/DESIGN.md for why each step runs where it does):
 * <ol>
 *   <li>driver: the contig table, in one streaming pass over the FASTA (letters checked);</li>
 *   <li>executors: each partition reads its chunks' bases (cached);</li>
 *   <li>executors: genome-wide k-mer counting, shuffled by canonical k-mer; ranking by a sort;</li>
 *   <li>driver: pre-masking over the ranked candidates, streamed partition by partition;</li>
 *   <li>driver + executors: the family loop, seeds committed in queue order on the driver, their
 *       families drafted on the executors in rounds from flanks cut by the partitions;</li>
 *   <li>driver: outputs, under a temporary directory renamed at the end, {@code _SUCCESS} last.</li>
 * </ol>
 */
@Command(name = "submit.sh",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        version = "reprise-spark " + RunSummary.VERSION + " (REPrise 1.0.1 algorithm)",
        description = {
            "De novo discovery of interspersed repeat families on Spark: local-core's results, byte for byte.",
            "Writes DIR/NAME.reprof, NAME.freq, NAME.bed, NAME.masked and NAME.summary.json (NAME: DIR's last "
                    + "component) under a temporary directory, renamed on success, _SUCCESS last."},
        footer = {"", "Defaults come from conf/reprise.properties (Spark setting spark.reprise.defaultsFile).",
            "Exit codes: 0 ok, 1 bad input or failed run, 2 usage error."})
public final class SparkRepriseJob implements Callable<Integer> {
    /** Spark setting naming the job's defaults file (conf/reprise.properties). */
    public static final String DEFAULTS_FILE = "spark.reprise.defaultsFile";

    @Option(names = {"-input", "--input", "-i"}, required = true, paramLabel = "URI",
            description = "Genome FASTA, plain, gzip or BGZF: a path or a file://, hdfs://, s3a:// URI.")
    String input;

    @Option(names = {"-output", "--output", "-o"}, required = true, paramLabel = "DIR",
            description = "Output directory URI; refused if it exists, unless --overwrite.")
    String output;

    @Option(names = {"--overwrite"}, description = "Replace an existing output directory (only once the new one is complete).")
    boolean overwrite;

    @Option(names = {"--partitions"}, paramLabel = "N",
            description = "Genome partitions (0: from --partition-size). Outputs are the same for any number.")
    int partitions = 0;

    @Option(names = {"--partition-size"}, descriptionKey = "partition.target.bases", paramLabel = "BASES",
            description = "Target bases per partition when --partitions is 0 (default ${DEFAULT-VALUE}).")
    long partitionSize = 50_000_000L;

    @Option(names = {"--strategy"}, paramLabel = "auto|exact|partitioned",
            description = "exact: REPrise's library, the family loop on the driver drafting in rounds; partitioned: one "
                    + "task per partition runs the discovery on its chunks, the driver reconciles; auto (default): "
                    + "partitioned when the genome makes more than one partition.")
    String strategy = "auto";

    @Option(names = {"--window"}, paramLabel = "N",
            description = "Most seeds drafted per round of the family loop (default ${DEFAULT-VALUE}).")
    int window = 256;

    @Option(names = {"--flank"}, paramLabel = "BASES",
            description = "Flank cut around each copy in a round's first try; drafts that may reach past it are made "
                    + "again with maxextend + maxgap (default ${DEFAULT-VALUE}).")
    int flank = RoundDrafter.FIRST_RADIUS;

    @Option(names = {"--mask-style"}, paramLabel = "hard|soft", description = "NAME.masked: hard (N) or soft (lowercase). Default ${DEFAULT-VALUE}.")
    String maskStyle = "hard";

    @Option(names = {"--quiet", "-q"}, description = "No progress on stderr.")
    boolean quiet;

    @CommandLine.Mixin
    AlgorithmOptions algorithm = new AlgorithmOptions();

    /** Set by batches: a genome with no room for any family fails instead of giving empty outputs. */
    @Option(names = {"--fail-if-too-short"}, hidden = true)
    boolean failIfTooShort;

    @CommandLine.Mixin
    PolishOptions polish = new PolishOptions();

    @Option(names = {"-additonalfile", "-additionalfile", "-verbose", "--threads", "-threads", "-pa"}, hidden = true,
            arity = "0..1", description = "Local CLI options accepted and ignored (executor cores set the parallelism).")
    String ignored;

    private JavaSparkContext context;
    private PrintStream err = System.err;

    /** {@code submit.sh [options]}: one genome; {@code submit.sh batch [options]}: a batch ({@link SparkBatch}). */
    public static void main(String[] args) {
        int code = args.length > 0 && args[0].equals("batch")
                ? SparkBatch.execute(java.util.Arrays.copyOfRange(args, 1, args.length), null, System.out, System.err)
                : execute(args, null, System.out, System.err);
        System.exit(code);
    }

    /**
     * Runs the command line on {@code sc}, or on a context of its own (master from the Spark
     * settings, local[*] when none) when {@code sc} is null; returns the exit code.
     */
    public static int execute(String[] args, JavaSparkContext sc, PrintStream out, PrintStream err) {
        SparkRepriseJob job = new SparkRepriseJob();
        job.context = sc;
        job.err = err;
        CommandLine cl = parser(job);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("reprise-spark: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'submit.sh --help' for the options.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = rootInput(ex);
            if (cause != null) {
                commandLine.getErr().println("reprise-spark: error: " + cause.getMessage());
                return 1;
            }
            if (ex instanceof org.apache.spark.SparkException) {
                // a task failed on all its attempts, or the cluster was lost: Spark's first line says which and why
                String first = String.valueOf(ex.getMessage()).lines().findFirst().orElse(ex.toString());
                commandLine.getErr().println("reprise-spark: error: the Spark job failed: " + first);
                return 1;
            }
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("reprise-spark: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** The job's command line over {@code job}, with the defaults of {@value #DEFAULTS_FILE} when it names a file. */
    public static CommandLine parser(SparkRepriseJob job) {
        CommandLine cl = new CommandLine(job);
        String defaults = System.getProperty(DEFAULTS_FILE);
        if (defaults != null && Files.isRegularFile(Path.of(defaults))) {
            cl.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(Path.of(defaults).toFile()));
        }
        return cl;
    }

    /**
     * Checks every option value as {@link #call} does before any Spark work (batches check each
     * genome's options with it before any genome runs).
     *
     * @throws IllegalArgumentException or {@link UnsupportedOperationException}: one line
     */
    public void checkOptions() {
        Parameters params = algorithm.builder().build();
        AlgorithmOptions.maskStyle(maskStyle);
        if (!List.of("auto", "exact", "partitioned").contains(strategy)) {
            throw new IllegalArgumentException("--strategy must be auto, exact or partitioned (got " + strategy + ")");
        }
        if (params.dist > 1 && strategy.equals("exact")) {
            throw new UnsupportedOperationException("the exact strategy of the Spark job counts copies within one "
                    + "mismatch at most (-dist 0 or 1); run -dist " + params.dist + " with --strategy partitioned");
        }
        if (window < 1) {
            throw new IllegalArgumentException("--window must be >= 1, got " + window);
        }
        if (partitions < 0 || partitionSize < 1) {
            throw new IllegalArgumentException("--partitions must be >= 0 and --partition-size >= 1");
        }
    }

    /**
     * The bad input behind a failure, found on the driver or in a task (Spark carries a task's
     * exception as the cause of its own): a {@link GenomeFormatException}, an {@link IOException}
     * or an {@link UnsupportedOperationException}; null for anything else (a bug, reported in full).
     */
    private static Throwable rootInput(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof GenomeFormatException || t instanceof IOException || t instanceof UnsupportedOperationException) {
                return t;
            }
        }
        return null;
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        Parameters params = algorithm.builder().build();
        MaskedFastaWriter.Style style = AlgorithmOptions.maskStyle(maskStyle);
        JavaSparkContext sc = context;
        boolean own = sc == null;
        if (own) {
            SparkConf conf = new SparkConf().setAppName("reprise " + input);
            if (!conf.contains("spark.master")) {
                conf.setMaster("local[*]");
            }
            sc = new JavaSparkContext(conf);
        }
        try {
            Outcome done = run(sc, params, style, quiet ? null : err);
            if (!quiet) {
                err.println(String.format(Locale.ROOT, "reprise-spark: done: %d families, %d elements in %.1f s; %s",
                        done.families, done.elements, done.seconds, output));
            }
        } finally {
            if (own) {
                sc.close();
            }
        }
        return 0;
    }

    /** When the current run started, for its report. */
    private java.time.ZonedDateTime startedAt;

    /** What a run tells its caller. */
    record Outcome(int families, long elements, double seconds) {
    }

    /** The whole job on a running context: the stages in order, the outputs committed at the end. */
    Outcome run(JavaSparkContext sc, Parameters params, MaskedFastaWriter.Style style, PrintStream log)
            throws IOException {
        JobClock clock = new JobClock();
        sc.sc().addSparkListener(clock);
        long start = System.nanoTime();
        startedAt = java.time.ZonedDateTime.now();
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(output, sc.hadoopConfiguration(), overwrite)) {
            Stages stages = new Stages(sc, new Progress(log), out);
            GenomeInput genome = stages.readContigs();
            Parameters resolved = params.toBuilder().k(params.kFor(genome.contigs)).build();
            checkInput(stages.scan, resolved);
            PartitionPlan plan = stages.plan(genome, resolved);
            String chosen = strategy.equals("auto")
                    ? (plan.partitionCount() > 1 || resolved.dist > 1 ? "partitioned" : "exact") : strategy;
            stages.progress.message("strategy: " + chosen);
            JavaRDD<PartitionGenome> sequences = stages.readPartitions(plan, genome);
            if (chosen.equals("partitioned")) {
                return partitioned(stages, clock, start, genome, resolved, plan, sequences, style, out);
            }
            RankedCandidates ranked = stages.rankCandidates(sequences, genome, resolved);
            SeedTable seeds = stages.preMask(ranked, genome, resolved);
            FamilyLoop loop = stages.familyLoop(sequences, seeds, genome, resolved);
            stages.write(loop, seeds, genome, resolved, style);
            Optional<PolishedLibrary> polished = stages.polish(loop.families(), genome);
            sequences.unpersist(false);

            long masked = loop.reportedMask().cardinality();
            RunSummary summary = new RunSummary(input, "exact", resolved, genome.contigs, genome.validBases)
                    .results(seeds, loop.seedsProcessed(), loop.families(), masked, loop.repeatMask().cardinality(),
                            genome.contigs.length())
                    .familyLoop(loop.counters())
                    .seconds(stages.seconds);
            stages.report(summary, genome, loop.reportedMask(), loop.families(), polished, start);
            out.fileSystem().delete(genome.codes, false);
            double total = lap(start);
            Map<String, Object> spark = new LinkedHashMap<>();
            spark.put("partitions", plan.partitionCount());
            spark.put("bases_held_by_partitions", stages.heldBases);
            spark.put("kmer_reducers", ranked.reducers);
            spark.put("candidates", ranked.count);
            spark.put("seed_copies_on_driver", seeds.copyCount());
            spark.put("round_seconds", stages.drafter.roundSeconds());
            spark.put("spark_jobs", clock.jobs);
            spark.put("spark_job_seconds", clock.seconds());
            spark.put("driver_only_seconds", Math.max(0, total - clock.seconds()));
            summary.section("spark", spark)
                    .seconds(stages.seconds)
                    .seconds("total", total);
            polished.ifPresent(lib -> summary.section("polishing", LibraryPolishing.summary(lib)));
            String name = new org.apache.hadoop.fs.Path(output).getName();
            try (Writer w = out.createWriter(name + ".summary.json")) {
                summary.write(w);
            }
            out.commit();
            long elements = 0;
            for (Family f : loop.families()) {
                elements += f.elementFreq();
            }
            return new Outcome(loop.families().size(), elements, total);
        } finally {
            sc.sc().removeSparkListener(clock); // a context may run several jobs (tests, batches)
        }
    }

    /**
     * Warnings about questionable input (on stderr even with --quiet), and whether any family can
     * be found: a warning, or with --fail-if-too-short bad input.
     */
    private void checkInput(FastaGenomeReader.Scan scan, Parameters resolved) {
        for (String w : scan.warnings()) {
            err.println("reprise-spark: warning: " + w);
        }
        String none = FamilyRoom.whyNone(scan, resolved);
        if (none != null && failIfTooShort) {
            throw new GenomeFormatException(none);
        }
        if (none != null) {
            err.println("reprise-spark: warning: " + none + "; the outputs will be empty");
        }
    }

    /**
     * The partitioned strategy: genome-wide counts by the k-mer shuffle, one discovery task per
     * partition, local-core's reconciliation on the driver (its genome-wide pass counted and drafted
     * on the executors), local-core's writers.
     */
    private Outcome partitioned(Stages stages, JobClock clock, long start, GenomeInput genome, Parameters p,
                                PartitionPlan plan, JavaRDD<PartitionGenome> sequences, MaskedFastaWriter.Style style,
                                AtomicOutputDirectory out) throws IOException {
        JavaSparkContext sc = stages.sc;
        int reducers = stages.reducers(genome);
        Broadcast<ContigDictionary> contigsShared = sc.broadcast(genome.contigs);

        stages.begin("genome-wide seed counts: k-mer shuffle over " + reducers + " reducers");
        GenomeWideSeeds global = SeedCounting.table(sequences, contigsShared, p.k, p, reducers);
        stages.end("genome-wide counts");
        stages.progress.message(String.format(Locale.ROOT, "%,d genome-wide candidates", global.size()));

        int threads = sc.getConf().getInt("spark.task.cpus", 1);
        stages.begin("partitions: discovery in " + plan.partitionCount() + " tasks of " + threads + " thread(s)");
        Broadcast<GenomeWideSeeds> globalShared = sc.broadcast(global);
        List<PartitionResult> parts = PartitionTasks.run(sequences, globalShared, p, threads);
        globalShared.destroy();
        stages.end("partitions");

        stages.begin("reconciliation of " + parts.size() + " partitions on the driver");
        SparkGenomeWidePass pass = new SparkGenomeWidePass(sc, sequences, contigsShared, p, reducers, flank);
        Reconciliation.Library library;
        try (Workers workers = new Workers(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            library = Reconciliation.run(plan, parts, pass, p, workers, stages.progress);
        }
        stages.end("reconciliation");

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("genome_wide_candidates", global.size());
        figures.put("genome_wide_table_bytes", global.memoryBytes());
        figures.put("partitions", plan.partitionCount());
        figures.put("padding", plan.padding());
        figures.put("reconciliation", library.counters());
        List<Object> perPartition = new ArrayList<>();
        for (PartitionResult r : parts) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("partition", r.partition());
            one.put("bases", plan.paddedBases(r.partition()));
            one.putAll(r.counters());
            one.put("seconds", r.seconds());
            perPartition.add(one);
        }
        figures.put("per_partition", perPartition);
        Map<String, Double> seconds = new LinkedHashMap<>(stages.seconds);
        seconds.remove("contig_table");
        PartitionedDiscovery.Result result = new PartitionedDiscovery.Result(genome.contigs, p, plan, library.families(),
                library.reportedMask(), global.asSeedTable(), figures, seconds);

        stages.begin("writing " + output);
        String name = new org.apache.hadoop.fs.Path(output).getName();
        try (InputStream in = FastaInput.open(input, stages.hadoop)) {
            PartitionedOutputs.write(result, stages.sink(), in, input, style);
        }
        stages.end("write");
        Optional<PolishedLibrary> polished = stages.polish(library.families(), genome);
        sequences.unpersist(false);

        RunSummary summary = PartitionedOutputs.summary(result, input, genome.validBases,
                        stages.seconds.getOrDefault("contig_table", 0.0))
                .seconds("write", stages.seconds.get("write"));
        polished.ifPresent(lib -> summary.seconds("polish", lib.seconds()));
        stages.report(summary, genome, library.reportedMask(), library.families(), polished, start);
        out.fileSystem().delete(genome.codes, false);
        double total = lap(start);
        Map<String, Object> spark = new LinkedHashMap<>();
        spark.put("partitions", plan.partitionCount());
        spark.put("task_threads", threads);
        spark.put("bases_held_by_partitions", stages.heldBases);
        spark.put("kmer_reducers", reducers);
        spark.put("drafting_job_seconds", pass.draftSeconds());
        spark.put("spark_jobs", clock.jobs);
        spark.put("spark_job_seconds", clock.seconds());
        spark.put("driver_only_seconds", Math.max(0, total - clock.seconds()));
        spark.put("driver_only_share", Math.max(0, total - clock.seconds()) / total);
        summary.section("spark", spark);
        if (stages.seconds.containsKey("report")) {
            summary.seconds("report", stages.seconds.get("report"));
        }
        summary.seconds("total", total);
        polished.ifPresent(lib -> summary.section("polishing", LibraryPolishing.summary(lib)));
        try (Writer w = out.createWriter(name + ".summary.json")) {
            summary.write(w);
        }
        out.commit();
        long elements = 0;
        for (Family f : library.families()) {
            elements += f.elementFreq();
        }
        return new Outcome(library.families().size(), elements, total);
    }

    /** The contig table, the bases file the driver wrote beside the outputs, and the valid bases. */
    record GenomeInput(ContigDictionary contigs, long validBases, org.apache.hadoop.fs.Path codes) {
    }

    /** The ranked candidates (cached), how many, and over how many k-mer reducers they were counted. */
    record RankedCandidates(JavaPairRDD<RankKey, Candidate> rdd, long count, int reducers) {
    }

    /** The job's stages, each a step of the pipeline that returns what the next needs. */
    private final class Stages {
        final JavaSparkContext sc;
        final Progress progress;
        final AtomicOutputDirectory out;
        final Configuration hadoop;
        final Map<String, Double> seconds = new LinkedHashMap<>();
        long heldBases;
        RoundDrafter drafter;
        FastaGenomeReader.Scan scan;
        private long since = System.nanoTime();

        Stages(JavaSparkContext sc, Progress progress, AtomicOutputDirectory out) {
            this.sc = sc;
            this.progress = progress;
            this.out = out;
            this.hadoop = sc.hadoopConfiguration();
        }

        void begin(String what) {
            since = System.nanoTime();
            sc.setJobGroup("reprise", what, false);
            sc.setJobDescription(what);
            progress.phase(what);
        }

        void end(String phase) {
            seconds.put(phase, lap(since));
        }

        /**
         * The contig table, in one streaming pass over the FASTA on the driver (letters checked); the
         * same pass writes the bases, a byte each, next to the outputs (removed before the commit),
         * so that partitions read only their own chunks, by position.
         */
        GenomeInput readContigs() throws IOException {
            begin("contig table: reading " + input + " on the driver");
            org.apache.hadoop.fs.Path codes = out.temporaryPath("genome-codes.tmp");
            FastaGenomeReader.Scan scan;
            try (InputStream in = FastaInput.open(input, hadoop);
                 OutputStream codesOut = new BufferedOutputStream(out.fileSystem().create(codes, false), 1 << 20)) {
                scan = FastaGenomeReader.scan(in, input, codesOut);
            }
            this.scan = scan;
            end("contig_table");
            return new GenomeInput(scan.contigs(), scan.validBases(), codes);
        }

        /** Contigs bin-packed into partitions, long ones cut, padded so that a copy's flank never leaves its chunk. */
        PartitionPlan plan(GenomeInput genome, Parameters p) {
            long padding = GenomePartitioner.paddingFor(p, p.k);
            GenomePartitioner partitioner = partitions > 0 ? GenomePartitioner.withPartitions(partitions, padding)
                    : GenomePartitioner.withTargetSize(partitionSize, padding);
            PartitionPlan plan = partitioner.partition(genome.contigs);
            progress.message(String.format(Locale.ROOT, "%d contigs, %,d bases, k=%d, %d partitions",
                    genome.contigs.contigCount(), genome.contigs.length(), p.k, plan.partitionCount()));
            return plan;
        }

        /** Each partition reads its chunks from the bases file (cached in memory). */
        JavaRDD<PartitionGenome> readPartitions(PartitionPlan plan, GenomeInput genome) {
            begin("partitions: each reads its chunks");
            Broadcast<PartitionPlan> planShared = sc.broadcast(plan);
            HadoopConf conf = new HadoopConf(hadoop);
            String codesUri = genome.codes.toString();
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < plan.partitionCount(); i++) {
                ids.add(i);
            }
            JavaRDD<PartitionGenome> sequences = sc.parallelize(ids, plan.partitionCount()).map(i -> {
                org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(codesUri);
                try (FSDataInputStream in = path.getFileSystem(conf.get()).open(path)) {
                    PartitionGenome read = PartitionGenome.read(planShared.value(), i, in::readFully);
                    FaultInjection.at("partitions");
                    return read;
                }
            }).persist(StorageLevel.MEMORY_ONLY());
            heldBases = sequences.map(PartitionGenome::bases).reduce(Long::sum);
            end("partitions");
            return sequences;
        }

        /** Genome-wide k-mer counts on the executors, shuffled by canonical k-mer, then ranked by a sort. */
        /** Reducers of the k-mer shuffle: one per 8 Mb, at least the default parallelism. */
        int reducers(GenomeInput genome) {
            return (int) Math.max(sc.defaultParallelism(), Math.min(100_000, genome.contigs.length() / 8_000_000 + 1));
        }

        RankedCandidates rankCandidates(JavaRDD<PartitionGenome> sequences, GenomeInput genome, Parameters p) {
            int reducers = reducers(genome);
            begin("seed candidates: k-mer counts over " + reducers + " reducers, then ranking");
            Broadcast<ContigDictionary> contigsShared = sc.broadcast(genome.contigs);
            JavaPairRDD<RankKey, Candidate> ranked = p.dist == 0
                    ? SeedCounting.rank(sequences, contigsShared, p.k, p, reducers)
                    : NeighbourCounting.rank(sequences, contigsShared, p.k, p, reducers);
            ranked.persist(StorageLevel.MEMORY_AND_DISK());
            long count = ranked.count();
            end("seed_candidates");
            return new RankedCandidates(ranked, count, reducers);
        }

        /** local-core's pre-masking pass on the driver, over the candidates streamed in rank order. */
        SeedTable preMask(RankedCandidates ranked, GenomeInput genome, Parameters p) {
            begin("pre-masking " + ranked.count + " candidates on the driver");
            PreMasking pass = new PreMasking(genome.contigs.length(), p.k, p.minFreq, true);
            for (Iterator<Candidate> it = ranked.rdd.values().toLocalIterator(); it.hasNext(); ) {
                pass.take(it.next());
            }
            ranked.rdd.unpersist(false);
            SeedTable seeds = pass.seeds();
            end("pre_masking");
            return seeds;
        }

        /** local-core's family loop on the driver, with the seeds' stored copies, drafted in rounds on the executors. */
        FamilyLoop familyLoop(JavaRDD<PartitionGenome> sequences, SeedTable seeds, GenomeInput genome, Parameters p) {
            begin("families (" + seeds.size() + " seeds)");
            DraftRound round = new DraftRound(sc, sequences, p, p.k);
            int[] n = {0};
            drafter = new RoundDrafter(genome.contigs.length(), p, p.k, (requests, radius) -> {
                sc.setJobDescription("families: round " + (++n[0]) + ", drafting " + requests.size()
                        + " seeds (flanks of " + radius + " bases)");
                return round.run(requests, radius);
            }, window, flank);
            FamilyLoop loop = new FamilyLoop(genome.contigs, p, p.k, seeds, new StoredCopies(seeds), drafter, progress);
            loop.run();
            end("families");
            return loop;
        }

        /** The job's output directory as the sink local-core's writers write into. */
        OutputSink sink() {
            String name = new org.apache.hadoop.fs.Path(output).getName();
            return new OutputSink() {
                @Override
                public Writer open(String suffix) throws IOException {
                    return out.createWriter(name + suffix);
                }

                @Override
                public OutputStream openStream(String suffix) throws IOException {
                    return out.create(name + suffix);
                }
            };
        }

        /**
         * local-core's polishing on the driver, unless --no-polish: PREFIX.lib.fa and PREFIX.lib.bed,
         * the bases read by position from the bases file beside the outputs.
         */
        Optional<PolishedLibrary> polish(List<Family> families, GenomeInput genome) throws IOException {
            Optional<PolishParameters> settings = polish.parameters();
            if (settings.isEmpty()) {
                return Optional.empty();
            }
            begin("polishing " + families.size() + " families on the driver");
            PolishedLibrary lib;
            try (FSDataInputStream in = out.fileSystem().open(genome.codes)) {
                lib = LibraryPolishing.polishAndWrite(families, genome.contigs, in::readFully, settings.get(),
                        Runtime.getRuntime().availableProcessors(), sink());
            }
            end("polish");
            return Optional.of(lib);
        }

        /**
         * The run report on the driver, unless --no-report: local-core's {@link ReportAssembly}, the
         * sampled copies read by position from the bases file beside the outputs (still there). The
         * report's phases are the summary's seconds so far; its own go into {@link #seconds}.
         */
        void report(RunSummary summary, GenomeInput genome, org.reprise.mask.Bitmask reported, List<Family> families,
                    Optional<PolishedLibrary> polished, long start) throws IOException {
            if (!polish.report()) {
                return;
            }
            begin("writing the run report");
            try (FSDataInputStream in = out.fileSystem().open(genome.codes)) {
                ReportAssembly.write(summary, startedAt, lap(start), genome.contigs, reported, families, polished,
                        in::readFully, Runtime.getRuntime().availableProcessors(), scan.warnings(), sink());
            }
            end("report");
        }

        /** The outputs, from the families and the reported mask; .masked streams the input once more. */
        void write(FamilyLoop loop, SeedTable seeds, GenomeInput genome, Parameters p, MaskedFastaWriter.Style style)
                throws IOException {
            begin("writing " + output);
            String name = new org.apache.hadoop.fs.Path(output).getName();
            try (Writer w = out.createWriter(name + ".reprof")) {
                LibraryWriters.writeReprof(loop.families(), w);
            }
            try (Writer w = out.createWriter(name + ".freq")) {
                LibraryWriters.writeFreq(seeds, p.k, genome.contigs, w);
            }
            try (Writer w = out.createWriter(name + ".bed")) {
                LibraryWriters.writeBed(loop.families(), genome.contigs, w);
            }
            try (InputStream in = FastaInput.open(input, hadoop);
                 OutputStream os = new BufferedOutputStream(out.create(name + ".masked"), 1 << 16)) {
                MaskedFastaWriter.write(in, input, genome.contigs, loop.reportedMask(), style, os);
            }
            end("write");
        }
    }

    /**
     * Time with a Spark job running (the job's stages run one after the other, so their spans do
     * not overlap); the rest of the run is the driver's alone.
     */
    static final class JobClock extends org.apache.spark.scheduler.SparkListener {
        private final Map<Integer, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong millis = new java.util.concurrent.atomic.AtomicLong();
        volatile int jobs;

        @Override
        public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart e) {
            started.put(e.jobId(), e.time());
        }

        @Override
        public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd e) {
            Long t = started.remove(e.jobId());
            if (t != null) {
                millis.addAndGet(e.time() - t);
                jobs++;
            }
        }

        double seconds() {
            return millis.get() / 1e3;
        }
    }

    private static double lap(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
