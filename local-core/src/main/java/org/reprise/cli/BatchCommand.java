package org.reprise.cli;

import org.reprise.batch.BatchRunner;
import org.reprise.batch.GenomeArguments;
import org.reprise.batch.LocalBatchStore;
import org.reprise.io.OutputDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code reprise batch --manifest M.tsv --output-root ROOT [genome options]}: every genome of a
 * manifest discovered by the local command line into {@code ROOT/<genome_id>/}, resumable and
 * idempotent ({@link BatchRunner}). Genome options are the command line's own, given to every
 * genome; manifest columns override them per genome.
 */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs every genome of a manifest into ROOT/<genome_id>/ (<genome_id>.reprof, .bed, .freq, .masked, "
                    + ".summary.json, then _SUCCESS), skipping genomes whose output is complete and was made from the same "
                    + "input (size, modification time), parameters and version; ROOT/batch-report.tsv and .json are "
                    + "rewritten after every genome. A genome that fails fails alone.",
            "Manifest: tab-separated, a header naming genome_id, input (relative paths: to the manifest's folder) and "
                    + "any genome option to override, in snake case (minfreq, dist, partition_size, ...).",
            "Any other option is a genome option (reprise --help), given to every genome.",
            "A lock on ROOT keeps two batches from running on it at once: the second says so and exits 0."},
        footer = {"", "Exit codes: 0 every genome done or up to date (or another batch holds the lock), "
                + "1 a genome failed, 2 bad manifest or option (nothing is run)."})
final class BatchCommand implements Callable<Integer> {
    @Option(names = {"--manifest"}, paramLabel = "TSV", required = true, description = "The manifest (required).")
    Path manifest;

    @Option(names = {"--output-root"}, paramLabel = "ROOT", required = true,
            description = "Folder of the genomes' output folders and the report (required; created if missing).")
    Path root;

    @Option(names = {"--parallel-genomes"}, paramLabel = "N",
            description = "Genomes run at the same time, 1..64 (default ${DEFAULT-VALUE}); each gets --threads / N threads "
                    + "unless the options say otherwise.")
    int parallelGenomes = 1;

    @Option(names = {"--dry-run"}, description = "Print each genome with whether it would run and why; run nothing.")
    boolean dryRun;

    @Option(names = {"--quiet", "-q"}, description = "Only the batch's own lines, warnings and errors on stderr.")
    boolean quiet;

    @CommandLine.Unmatched
    List<String> genomeOptions = new ArrayList<>();

    @CommandLine.ParentCommand
    RepriseCli parent;

    @Override
    public Integer call() throws IOException {
        PrintStream err = parent.err();
        String text;
        try {
            text = Files.readString(manifest);
        } catch (NoSuchFileException e) {
            err.println("reprise batch: manifest not found: " + manifest);
            return 2;
        } catch (IOException e) {
            err.println("reprise batch: cannot read manifest " + manifest + ": " + e.getMessage());
            return 2;
        }
        List<String> options = new ArrayList<>(genomeOptions);
        if (parallelGenomes > 1 && options.stream().noneMatch(o -> o.equals("--threads") || o.equals("-threads")
                || o.equals("-pa") || o.startsWith("--threads="))) {
            options.add("--threads");
            options.add(Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() / parallelGenomes)));
        }
        BatchRunner.Options run;
        try {
            run = new BatchRunner.Options(options, parallelGenomes, dryRun, quiet);
        } catch (IllegalArgumentException e) {
            err.println("reprise batch: " + e.getMessage());
            return 2;
        }
        LocalBatchStore store = new LocalBatchStore(root);
        return new BatchRunner(new LocalDriver(store), store, parent.out(), err).run(text, manifest.toString(), run);
    }

    /** The genome command's parser, as {@link RepriseCli#execute} builds it. */
    static GenomeArguments arguments() {
        return new GenomeArguments(() -> new CommandLine(new RepriseCli()), Set.of("input", "output"),
                Set.of("threads", "quiet"), command -> ((RepriseCli) command).checkOptions(),
                List.of("-input", "genome.fa", "-output", "prefix"));
    }

    /** Each genome by {@link RepriseCli#execute} into a temporary directory, committed with _SUCCESS last. */
    static final class LocalDriver implements BatchRunner.GenomeDriver {
        private final LocalBatchStore store;

        LocalDriver(LocalBatchStore store) {
            this.store = store;
        }

        @Override
        public String tool() {
            return "reprise";
        }

        @Override
        public GenomeArguments arguments() {
            return BatchCommand.arguments();
        }

        @Override
        public int run(String genomeId, String input, List<String> args, PrintStream err) {
            Path folder = Path.of(store.genomeFolder(genomeId));
            try (OutputDirectory out = OutputDirectory.open(folder)) {
                List<String> all = new ArrayList<>(List.of("-input", input, "-output",
                        out.temporary().resolve(genomeId).toString(), "--fail-if-too-short"));
                all.addAll(args);
                int code = RepriseCli.execute(all.toArray(new String[0]), new PrintStream(OutputStream.nullOutputStream()), err);
                if (code != 0) {
                    return code;
                }
                out.commit();
                return 0;
            } catch (IOException e) {
                err.println("reprise: error: " + e.getMessage());
                return 1;
            }
        }
    }
}
