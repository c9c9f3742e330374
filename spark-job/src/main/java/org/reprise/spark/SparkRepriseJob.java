package org.reprise.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.reprise.cli.AlgorithmOptions;
import org.reprise.cli.Progress;
import org.reprise.discover.Family;
import org.reprise.discover.Parameters;
import org.reprise.genome.GenomeFormatException;
import org.reprise.index.KmerLength;
import org.reprise.io.LibraryWriters;
import org.reprise.io.MaskedFastaWriter;
import org.reprise.spark.io.AtomicOutputDirectory;
import org.reprise.spark.io.FastaInput;
import org.reprise.spark.io.HadoopConf;
import org.reprise.spark.partition.ContigTable;
import org.reprise.spark.partition.GenomePartitioner;
import org.reprise.spark.partition.PartitionPlan;
import org.reprise.spark.partition.PartitionSequences;
import org.reprise.spark.reconcile.DraftRound;
import org.reprise.spark.reconcile.DriverFamilyLoop;
import org.reprise.spark.seeds.Candidate;
import org.reprise.spark.seeds.NeighbourCounting;
import org.reprise.spark.seeds.PreMasking;
import org.reprise.spark.seeds.RankKey;
import org.reprise.spark.seeds.SeedCounting;
import org.reprise.spark.seeds.SeedList;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        version = "reprise-spark 0.1.0 (REPrise 1.0.1 algorithm)",
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

    @Option(names = {"--window"}, paramLabel = "N",
            description = "Most seeds drafted per round of the family loop (default ${DEFAULT-VALUE}).")
    int window = 256;

    @Option(names = {"--flank"}, paramLabel = "BASES",
            description = "Flank cut around each copy in a round's first try; drafts that may reach past it are made "
                    + "again with maxextend + maxgap (default ${DEFAULT-VALUE}).")
    int flank = DriverFamilyLoop.FIRST_RADIUS;

    @Option(names = {"--mask-style"}, paramLabel = "hard|soft", description = "NAME.masked: hard (N) or soft (lowercase). Default ${DEFAULT-VALUE}.")
    String maskStyle = "hard";

    @Option(names = {"--quiet", "-q"}, description = "No progress on stderr.")
    boolean quiet;

    @CommandLine.Mixin
    AlgorithmOptions algorithm = new AlgorithmOptions();

    @Option(names = {"-additonalfile", "-additionalfile", "-verbose", "--threads", "-threads", "-pa"}, hidden = true,
            arity = "0..1", description = "Local CLI options accepted and ignored (executor cores set the parallelism).")
    String ignored;

    private JavaSparkContext context;
    private PrintStream err = System.err;

    public static void main(String[] args) {
        int code = execute(args, null, System.out, System.err);
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
        CommandLine cl = new CommandLine(job);
        String defaults = System.getProperty(DEFAULTS_FILE);
        if (defaults != null && Files.isRegularFile(Path.of(defaults))) {
            cl.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(Path.of(defaults).toFile()));
        }
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
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("reprise-spark: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** Bad input found on the driver or in a task (Spark wraps task failures in its own exception). */
    private static Throwable rootInput(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof GenomeFormatException || t instanceof IOException || t instanceof UnsupportedOperationException) {
                return t;
            }
        }
        String m = String.valueOf(ex.getMessage());
        int at = m.indexOf("GenomeFormatException: ");
        if (at >= 0) {
            String line = m.substring(at + "GenomeFormatException: ".length()).lines().findFirst().orElse(m);
            return new GenomeFormatException(line);
        }
        return null;
    }

    @Override
    public Integer call() throws Exception {
        Parameters params = algorithm.builder().build();
        MaskedFastaWriter.Style style = AlgorithmOptions.maskStyle(maskStyle);
        if (params.dist > 1) {
            throw new UnsupportedOperationException("the Spark job counts copies within one mismatch at most "
                    + "(-dist 0 or 1) so far; run -dist " + params.dist + " with the local CLI (bin/reprise)");
        }
        if (window < 1) {
            throw new IllegalArgumentException("--window must be >= 1, got " + window);
        }
        if (partitions < 0 || partitionSize < 1) {
            throw new IllegalArgumentException("--partitions must be >= 0 and --partition-size >= 1");
        }
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
            Map<String, Object> summary = run(sc, params, style, quiet ? null : err);
            if (!quiet) {
                err.println(String.format(Locale.ROOT, "reprise-spark: done: %s families, %s elements in %.1f s; %s",
                        summary.get("families"), summary.get("elements"), (Double) summary.get("total_seconds"), output));
            }
        } finally {
            if (own) {
                sc.close();
            }
        }
        return 0;
    }

    /** The whole job on a running context; returns the summary written beside the outputs. */
    Map<String, Object> run(JavaSparkContext sc, Parameters params, MaskedFastaWriter.Style style, PrintStream log)
            throws IOException {
        Progress progress = new Progress(log);
        JobClock clock = new JobClock();
        sc.sc().addSparkListener(clock);
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        long start = System.nanoTime();
        Configuration hadoop = sc.hadoopConfiguration();
        String name = new org.apache.hadoop.fs.Path(output).getName();
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(output, hadoop, overwrite)) {
            long t = System.nanoTime();
            describe(sc, progress, "contig table: reading " + input + " on the driver");
            // The same pass writes the bases, a byte each, next to the outputs (removed before the
            // commit): partitions then read only their own chunks, by position.
            org.apache.hadoop.fs.Path codesPath = out.temporaryPath("genome-codes.tmp");
            ContigTable contigs;
            try (InputStream in = FastaInput.open(input, hadoop);
                 OutputStream codesOut = new BufferedOutputStream(out.fileSystem().create(codesPath, false), 1 << 20)) {
                contigs = ContigTable.read(in, input, codesOut);
            }
            int k = params.k > 0 ? params.k : KmerLength.defaultK(contigs.repriseBufferLength(), params.dist);
            params = params.toBuilder().k(k).build();
            // Padding: a copy's flank (maxextend + maxgap beyond its k-mer) never leaves its chunk.
            long padding = (long) DraftRound.fullRadius(params) + k;
            GenomePartitioner partitioner = partitions > 0 ? GenomePartitioner.withPartitions(partitions, padding)
                    : GenomePartitioner.withTargetSize(partitionSize, padding);
            PartitionPlan plan = partitioner.partition(contigs.names(), contigs.lengths());
            int p = plan.partitionCount();
            progress.message(String.format(Locale.ROOT, "%d contigs, %,d bases, k=%d, %d partitions",
                    contigs.contigCount(), contigs.length(), k, p));
            seconds.put("contig_table", lap(t));

            t = System.nanoTime();
            describe(sc, progress, "partitions: each reads its chunks");
            Broadcast<PartitionPlan> planShared = sc.broadcast(plan);
            Broadcast<ContigTable> contigsShared = sc.broadcast(contigs);
            HadoopConf conf = new HadoopConf(hadoop);
            String codesUri = codesPath.toString();
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < p; i++) {
                ids.add(i);
            }
            JavaRDD<PartitionSequences> sequences = sc.parallelize(ids, p).map(i -> {
                org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(codesUri);
                try (org.apache.hadoop.fs.FSDataInputStream in = path.getFileSystem(conf.get()).open(path)) {
                    return PartitionSequences.readCodes(in, i, planShared.value(), contigsShared.value());
                }
            }).persist(StorageLevel.MEMORY_ONLY());
            long held = sequences.map(PartitionSequences::bases).reduce(Long::sum);
            seconds.put("partitions", lap(t));

            t = System.nanoTime();
            int reducers = (int) Math.max(sc.defaultParallelism(), Math.min(100_000, contigs.length() / 8_000_000 + 1));
            describe(sc, progress, "seed candidates: k-mer counts over " + reducers + " reducers, then ranking");
            JavaPairRDD<RankKey, Candidate> ranked = params.dist == 0
                    ? SeedCounting.rank(sequences, contigsShared, k, params, reducers)
                    : NeighbourCounting.rank(sequences, contigsShared, k, params, reducers);
            ranked.persist(StorageLevel.MEMORY_AND_DISK());
            long candidates = ranked.count();
            seconds.put("seed_candidates", lap(t));

            t = System.nanoTime();
            describe(sc, progress, "pre-masking " + candidates + " candidates on the driver");
            SeedList seeds = PreMasking.run(ranked.values().toLocalIterator(), contigs.length(), k, params.minFreq);
            ranked.unpersist(false);
            seconds.put("pre_masking", lap(t));

            t = System.nanoTime();
            describe(sc, progress, "families (" + seeds.size() + " seeds)");
            DraftRound drafts = new DraftRound(sc, sequences, params, k);
            int[] round = {0};
            DriverFamilyLoop loop = new DriverFamilyLoop(contigs, params, k, seeds, (requests, radius) -> {
                sc.setJobDescription("families: round " + (++round[0]) + ", drafting " + requests.size()
                        + " seeds (flanks of " + radius + " bases)");
                return drafts.run(requests, radius);
            }, window, flank, progress);
            List<Family> families = loop.run();
            seconds.put("families", lap(t));

            t = System.nanoTime();
            describe(sc, progress, "writing " + output);
            try (Writer w = out.createWriter(name + ".reprof")) {
                LibraryWriters.writeReprof(families, w);
            }
            try (Writer w = out.createWriter(name + ".freq")) {
                LibraryWriters.writeFreq(seeds, k, contigs, w);
            }
            try (Writer w = out.createWriter(name + ".bed")) {
                LibraryWriters.writeBed(families, contigs, w);
            }
            try (InputStream in = FastaInput.open(input, hadoop);
                 OutputStream os = new BufferedOutputStream(out.create(name + ".masked"), 1 << 16)) {
                MaskedFastaWriter.write(in, input, contigs, loop.reportedMask(), style, os);
            }
            seconds.put("write", lap(t));
            sequences.unpersist(false);
            out.fileSystem().delete(codesPath, false);

            long elements = 0;
            for (Family f : families) {
                elements += f.elementFreq();
            }
            summary.put("input", input);
            summary.put("k", k);
            summary.put("contigs", contigs.contigCount());
            summary.put("bases", contigs.length());
            summary.put("partitions", p);
            summary.put("bases_held_by_partitions", held);
            summary.put("kmer_reducers", reducers);
            summary.put("candidates", candidates);
            summary.put("seeds", seeds.size());
            summary.put("seed_copies_on_driver", seeds.copyCount());
            summary.put("seeds_processed", loop.seedsProcessed());
            summary.put("families", families.size());
            summary.put("elements", elements);
            summary.put("masked_bases", loop.reportedMask().cardinality());
            summary.putAll(loop.figures());
            for (Map.Entry<String, Double> e : seconds.entrySet()) {
                summary.put(e.getKey() + "_seconds", e.getValue());
            }
            double total = lap(start);
            summary.put("total_seconds", total);
            summary.put("spark_jobs", clock.jobs);
            summary.put("spark_job_seconds", clock.seconds());
            summary.put("driver_only_seconds", Math.max(0, total - clock.seconds()));
            summary.put("driver_peak_heap_bytes", peakHeapBytes());
            try (Writer w = out.createWriter(name + ".summary.json")) {
                writeJson(summary, w);
            }
            out.commit();
        } finally {
            sc.sc().removeSparkListener(clock); // a context may run several jobs (tests, batches)
        }
        return summary;
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

    private static void describe(JavaSparkContext sc, Progress progress, String what) {
        sc.setJobGroup("reprise", what, false);
        sc.setJobDescription(what);
        progress.phase(what);
    }

    private static double lap(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static long peakHeapBytes() {
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static void writeJson(Map<String, Object> m, Writer w) throws IOException {
        w.write("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            String value = v instanceof Number ? (v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v.toString())
                    : "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            w.write("  \"" + e.getKey() + "\": " + value + (++i < m.size() ? ",\n" : "\n"));
        }
        w.write("}\n");
    }
}
