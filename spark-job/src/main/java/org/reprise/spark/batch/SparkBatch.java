package org.reprise.spark.batch;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.reprise.batch.BatchRunner;
import org.reprise.batch.GenomeArguments;
import org.reprise.batch.ManifestException;
import org.reprise.io.RunSummary;
import org.reprise.spark.SparkRepriseJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code submit.sh batch --manifest M.tsv --output-root ROOT [--parallel-genomes N] [genome
 * options]}: local-core's {@link BatchRunner} with the Spark job as the genome command, one Spark
 * context for the whole batch (made only when a genome has to run, so a batch that is up to date
 * starts no Spark at all), N genomes submitted side by side to it.
 */
@Command(name = "submit.sh batch",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        version = "reprise-spark " + RunSummary.VERSION,
        description = {
            "Runs every genome of a manifest into ROOT/<genome_id>/ (<genome_id>.reprof, .bed, .freq, .masked, "
                    + ".summary.json, then _SUCCESS) on one Spark application, skipping genomes whose output is complete "
                    + "and was made from the same input (size, modification time), parameters and version; "
                    + "ROOT/batch-report.tsv and .json are rewritten after every genome. A genome that fails fails alone.",
            "Manifest (a path or URI): tab-separated, a header naming genome_id, input (relative: to the manifest's "
                    + "folder) and any genome option to override, in snake case (minfreq, dist, partition_size, strategy, ...).",
            "Any other option is a genome option (submit.sh -- --help), given to every genome.",
            "A lock on ROOT keeps two batches from running on it at once: the second says so and exits 0."},
        footer = {"", "Exit codes: 0 every genome done or up to date (or another batch holds the lock), "
                + "1 a genome failed, 2 bad manifest or option (nothing is run)."})
public final class SparkBatch implements Callable<Integer> {
    @Option(names = {"--manifest"}, paramLabel = "URI", required = true, description = "The manifest (required).")
    String manifest;

    @Option(names = {"--output-root"}, paramLabel = "URI", required = true,
            description = "Folder of the genomes' output folders and the report (required; created if missing).")
    String root;

    @Option(names = {"--parallel-genomes"}, paramLabel = "N",
            description = "Genomes submitted side by side to the one context, 1..64 (default ${DEFAULT-VALUE}).")
    int parallelGenomes = 1;

    @Option(names = {"--dry-run"}, description = "Print each genome with whether it would run and why; run nothing.")
    boolean dryRun;

    @Option(names = {"--quiet", "-q"}, description = "Only the batch's own lines, warnings and errors on stderr.")
    boolean quiet;

    @CommandLine.Unmatched
    List<String> genomeOptions = new ArrayList<>();

    private JavaSparkContext context;
    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /**
     * Runs a batch command line; returns the exit code.
     *
     * @param sc the context to run the genomes on, or null for one of the batch's own (master
     *           from the Spark settings, local[*] when none), made only if a genome runs and
     *           stopped at the end
     */
    public static int execute(String[] args, JavaSparkContext sc, PrintStream out, PrintStream err) {
        SparkBatch batch = new SparkBatch();
        batch.context = sc;
        batch.out = out;
        batch.err = err;
        CommandLine cl = new CommandLine(batch);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("reprise-spark batch: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'submit.sh batch --help' for the options.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IOException) {
                commandLine.getErr().println("reprise-spark batch: error: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Configuration hadoop = context != null ? context.hadoopConfiguration() : new Configuration();
        String text;
        try {
            Path m = new Path(manifest);
            try (FSDataInputStream in = m.getFileSystem(hadoop).open(m)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (FileNotFoundException e) {
            err.println("reprise-spark batch: manifest not found: " + manifest);
            return 2;
        } catch (IOException e) {
            err.println("reprise-spark batch: cannot read manifest " + manifest + ": " + e.getMessage());
            return 2;
        }
        BatchRunner.Options options;
        try {
            options = new BatchRunner.Options(genomeOptions, parallelGenomes, dryRun, quiet);
        } catch (ManifestException e) {
            err.println("reprise-spark batch: " + e.getMessage());
            return 2;
        }
        HadoopBatchStore store = new HadoopBatchStore(root, hadoop);
        Driver driver = new Driver(store, context);
        try {
            return new BatchRunner(driver, store, out, err).run(text, manifest, options);
        } finally {
            driver.stop();
        }
    }

    /** The Spark job's parser and checks, for the genomes' command lines. */
    public static GenomeArguments arguments() {
        return new GenomeArguments(() -> SparkRepriseJob.parser(new SparkRepriseJob()), Set.of("input", "output", "overwrite"),
                Set.of("quiet"), command -> ((SparkRepriseJob) command).checkOptions(),
                List.of("-input", "genome.fa", "-output", "out"));
    }

    /** Each genome by {@link SparkRepriseJob#execute} on the batch's one context, into ROOT/id with --overwrite. */
    static final class Driver implements BatchRunner.GenomeDriver {
        private final HadoopBatchStore store;
        private final boolean own;
        private volatile JavaSparkContext sc;

        Driver(HadoopBatchStore store, JavaSparkContext sc) {
            this.store = store;
            this.sc = sc;
            this.own = sc == null;
        }

        @Override
        public String tool() {
            return "reprise-spark";
        }

        @Override
        public GenomeArguments arguments() {
            return SparkBatch.arguments();
        }

        @Override
        public void prepare() {
            if (sc == null) {
                SparkConf conf = new SparkConf().setAppName("reprise batch " + store.root());
                if (!conf.contains("spark.master")) {
                    conf.setMaster("local[*]");
                }
                sc = new JavaSparkContext(conf);
            }
        }

        @Override
        public int run(String genomeId, String input, List<String> args, PrintStream err) {
            List<String> all = new ArrayList<>(List.of("-input", input, "-output", store.genomeFolder(genomeId),
                    "--overwrite", "--fail-if-too-short"));
            all.addAll(args);
            sc.setLocalProperty("spark.job.description", "genome " + genomeId);
            return SparkRepriseJob.execute(all.toArray(new String[0]), sc, new PrintStream(OutputStream.nullOutputStream()), err);
        }

        void stop() {
            if (own && sc != null) {
                sc.close();
            }
        }
    }
}
