package org.reprise.batch;

import org.reprise.io.RunSummary;
import org.reprise.util.JsonInput;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a batch of genomes, one output folder each under an output root, the same way for the
 * local command line and the Spark job (each gives its {@link GenomeDriver} and
 * {@link BatchStore}):
 * <ol>
 *   <li>the manifest and every genome's command line (batch options plus its overrides) are
 *       checked by the genome command's own parser and checks: any problem is a usage error
 *       (exit 2) before anything runs, each problem one line;</li>
 *   <li>the root's lock is taken; if another run holds it, this one says so and exits 0;</li>
 *   <li>each genome whose folder has {@code _SUCCESS} and a {@link GenomeDigest} record equal to
 *       the digest of its input's stamp, effective parameters, tool and version is skipped; the
 *       others run, one after the other or {@code parallelGenomes} at a time, each after the
 *       leftovers of killed runs in its folder are deleted;</li>
 *   <li>a genome that fails (bad input, too short for any family, an error of its run) fails
 *       alone: the batch goes on;</li>
 *   <li>{@link BatchReport}'s TSV and JSON are rewritten at the start and after every genome.</li>
 * </ol>
 * Exit code: 0 when every genome is done or skipped (or the lock was held), 1 when a genome
 * failed or the report could not be written, 2 for a bad manifest or option.
 */
public final class BatchRunner {
    /** Runs single genomes for the batch: the local command line or the Spark job. */
    public interface GenomeDriver {
        /** The tool's name in messages and digests: "reprise" or "reprise-spark". */
        String tool();

        /** How a genome's command line is made and checked. */
        GenomeArguments arguments();

        /** Called once, before the first genome that runs (not at all when every genome is skipped). */
        default void prepare() throws Exception {
        }

        /**
         * Runs one genome into {@code BatchStore#genomeFolder(genomeId)}, committing its outputs
         * there with {@code _SUCCESS} last; on failure nothing there looks finished.
         *
         * @param args the genome's checked options (without input and output)
         * @param err  where the run's messages go
         * @return the genome command's exit code (0 ok)
         */
        int run(String genomeId, String input, List<String> args, PrintStream err) throws Exception;
    }

    /**
     * @param genomeArgs      options given to every genome's command
     * @param parallelGenomes genomes run at the same time, 1..64
     * @param dryRun          print what would run and why, run nothing, take no lock
     * @param quiet           no progress of the genomes' runs, only the batch's own lines and errors
     */
    public record Options(List<String> genomeArgs, int parallelGenomes, boolean dryRun, boolean quiet) {
        public Options {
            genomeArgs = List.copyOf(genomeArgs);
            if (parallelGenomes < 1 || parallelGenomes > 64) {
                throw new ManifestException("--parallel-genomes must be 1..64 (got " + parallelGenomes + ")");
            }
        }
    }

    private final GenomeDriver driver;
    private final BatchStore store;
    private final PrintStream out;
    private final PrintStream err;
    private final String prefix;

    private final Object reportLock = new Object();
    private GenomeResult[] results;
    private Map<String, Object> batchFields;
    private boolean reportFailed;

    public BatchRunner(GenomeDriver driver, BatchStore store, PrintStream out, PrintStream err) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.store = Objects.requireNonNull(store, "store");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.prefix = driver.tool() + " batch: ";
    }

    /** One genome's plan: its manifest line, command line, input and digest, and why it runs (null: skipped). */
    private record Planned(ManifestEntry entry, GenomeArguments.Resolved resolved, String input, GenomeDigest digest,
                           String reason, GenomeDigest.Recorded recorded) {
    }

    /**
     * Runs the batch (see the class comment).
     *
     * @param manifestText   the manifest's text
     * @param manifestSource its path or URI (messages; relative inputs are resolved against its folder)
     * @return the exit code
     */
    public int run(String manifestText, String manifestSource, Options options) throws IOException {
        GenomeArguments arguments = driver.arguments();
        Manifest manifest;
        List<GenomeArguments.Resolved> resolved = new ArrayList<>();
        try {
            arguments.checkBatchOptions(options.genomeArgs());
            manifest = Manifest.parse(manifestText, manifestSource, arguments.overridableColumns());
        } catch (ManifestException e) {
            err.println(prefix + e.getMessage());
            return 2;
        }
        List<String> problems = new ArrayList<>();
        for (ManifestEntry e : manifest.entries()) {
            try {
                resolved.add(arguments.resolve(options.genomeArgs(), e.overrides(),
                        manifestSource + " line " + e.line() + " (genome " + e.genomeId() + ")"));
            } catch (ManifestException ex) {
                problems.add(ex.getMessage());
                resolved.add(null);
            }
        }
        if (!problems.isEmpty()) {
            for (String p : problems) {
                err.println(prefix + p);
            }
            err.println(prefix + problems.size() + " genome(s) with bad options; nothing was run");
            return 2;
        }

        Closeable lock = null;
        if (!options.dryRun()) {
            lock = store.tryLock(holder(manifestSource));
            if (lock == null) {
                err.println(prefix + "another batch is running on " + store.root() + " (" + store.lockHolder()
                        + "); this one does nothing and exits");
                return 0;
            }
        }
        try {
            List<Planned> plan = plan(manifest, resolved, manifestSource);
            if (options.dryRun()) {
                for (Planned p : plan) {
                    out.println(p.entry.genomeId() + "\t" + (p.reason == null ? "skip" : "run") + "\t"
                            + (p.reason == null ? "up to date" : p.reason));
                }
                return 0;
            }
            return execute(plan, manifestSource, options);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private String holder(String manifestSource) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + " since " + Instant.now() + ", " + driver.tool()
                + " batch of " + manifestSource;
    }

    /** For each genome: current or not, and why. */
    private List<Planned> plan(Manifest manifest, List<GenomeArguments.Resolved> resolved, String source) throws IOException {
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < manifest.entries().size(); i++) {
            ManifestEntry e = manifest.entries().get(i);
            GenomeArguments.Resolved r = resolved.get(i);
            String input = store.resolveInput(source, e.input());
            InputStamp stamp = store.stamp(input);
            String id = e.genomeId();
            if (stamp == null) {
                plan.add(new Planned(e, r, input, null, "input not found or not a file", null));
                continue;
            }
            GenomeDigest digest = new GenomeDigest(driver.tool(), RunSummary.VERSION, stamp, r.parameters());
            String recordText = store.read(id + "/" + GenomeDigest.FILE);
            GenomeDigest.Recorded recorded = recordText == null ? null : GenomeDigest.parse(recordText);
            String reason;
            if (!store.exists(id + "/_SUCCESS")) {
                reason = store.exists(id) ? "output incomplete (no _SUCCESS)" : "new";
            } else {
                reason = digest.whyNotCurrent(recorded == null ? null : recorded.digest());
            }
            plan.add(new Planned(e, r, input, digest, reason, recorded));
        }
        return plan;
    }

    private int execute(List<Planned> plan, String manifestSource, Options options) throws IOException {
        results = new GenomeResult[plan.size()];
        List<Integer> toRun = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            if (p.reason == null) {
                GenomeDigest.Recorded r = p.recorded;
                results[i] = new GenomeResult(p.entry.genomeId(), p.input, GenomeResult.Status.SKIPPED, r.families(),
                        r.elements(), r.maskedFraction(), r.wallSeconds(), "up to date", null);
            } else {
                results[i] = GenomeResult.pending(p.entry.genomeId(), p.input, p.reason);
                toRun.add(i);
            }
        }
        batchFields = new LinkedHashMap<>();
        batchFields.put("tool", driver.tool());
        batchFields.put("version", RunSummary.VERSION);
        batchFields.put("root", store.root());
        batchFields.put("manifest", manifestSource);
        batchFields.put("started", Instant.now().toString());
        err.println(prefix + plan.size() + " genomes in " + manifestSource + ": " + (plan.size() - toRun.size())
                + " up to date, " + toRun.size() + " to run" + (toRun.isEmpty() ? "" : " (" + options.parallelGenomes()
                + " at a time)"));
        writeReport(false);
        if (!toRun.isEmpty()) {
            try {
                driver.prepare();
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                err.println(prefix + "cannot start: " + why);
                for (int i : toRun) {
                    update(i, results[i].with(GenomeResult.Status.FAILED, null, null, null, null, "batch could not start: " + why));
                }
                toRun.clear();
            }
        }
        if (options.parallelGenomes() == 1 || toRun.size() <= 1) {
            int n = 0;
            for (int i : toRun) {
                runOne(plan.get(i), i, ++n, toRun.size(), options, false);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelGenomes(), toRun.size()), r -> {
                Thread t = new Thread(r, "batch-genome");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                int n = 0;
                for (int i : toRun) {
                    int index = i;
                    int nth = ++n;
                    futures.add(pool.submit(() -> {
                        runOne(plan.get(index), index, nth, toRun.size(), options, true);
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while the genomes ran", e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("a batch genome thread failed", e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        writeReport(true);
        int done = 0;
        int skipped = 0;
        int failed = 0;
        for (GenomeResult r : results) {
            switch (r.status()) {
                case DONE -> done++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
                default -> { }
            }
        }
        err.println(prefix + "finished: " + done + " done, " + skipped + " skipped (up to date), " + failed + " failed; report "
                + store.genomeFolder(BatchReport.TSV));
        return failed > 0 || reportFailed ? 1 : 0;
    }

    /** Runs one genome and records how it went; never throws for the genome's own failure. */
    private void runOne(Planned p, int index, int nth, int of, Options options, boolean parallel) {
        String id = p.entry.genomeId();
        update(index, results[index].with(GenomeResult.Status.RUNNING, null, null, null, null, null));
        err.println(prefix + "[" + nth + "/" + of + "] " + id + ": running (" + p.reason + ")");
        Capture capture = new Capture(err, options.quiet(), parallel ? "[" + id + "] " : "");
        PrintStream genomeErr = new PrintStream(capture, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        int code;
        String crash = null;
        try {
            store.deleteLeftovers(id);
            List<String> args = new ArrayList<>(p.resolved.args());
            if (options.quiet() || parallel) {
                args.add("--quiet");
            }
            code = driver.run(id, p.input, args, genomeErr);
        } catch (Throwable t) {
            // a failure of the run itself (a bug, a lost cluster): this genome fails, the batch goes on
            code = -1;
            crash = t.getMessage() == null ? t.toString() : t.getClass().getSimpleName() + ": " + t.getMessage();
            synchronized (err) {
                t.printStackTrace(err);
            }
            if (t instanceof VirtualMachineError vme && !(t instanceof OutOfMemoryError)) {
                throw vme;
            }
        }
        genomeErr.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        GenomeResult r;
        if (code == 0) {
            r = finished(p, index, seconds);
        } else {
            String why = crash != null ? crash : capture.errorLine(code);
            r = results[index].with(GenomeResult.Status.FAILED, null, null, null, seconds, why);
        }
        update(index, r);
        if (r.status() == GenomeResult.Status.DONE) {
            err.println(String.format(Locale.ROOT, "%s%s: done in %.1f s: %d families, %d elements, %.2f%% masked", prefix, id,
                    seconds, r.families(), r.elements(), 100 * r.maskedFraction()));
        } else {
            err.println(prefix + id + ": FAILED: " + r.error());
        }
    }

    /** A genome's run succeeded: its figures from its summary, then its digest record. */
    private GenomeResult finished(Planned p, int index, double seconds) {
        String id = p.entry.genomeId();
        try {
            String summary = store.read(id + "/" + id + ".summary.json");
            if (summary == null || !store.exists(id + "/_SUCCESS")) {
                return results[index].with(GenomeResult.Status.FAILED, null, null, null, seconds,
                        "the run ended without a complete output in " + store.genomeFolder(id));
            }
            Map<String, Object> s = JsonInput.topLevel(summary);
            GenomeResult done = results[index].with(GenomeResult.Status.DONE, ((Number) s.get("families")).longValue(),
                    ((Number) s.get("elements")).longValue(), ((Number) s.get("masked_fraction")).doubleValue(), seconds, null);
            if (p.digest != null) {
                store.writeAtomically(id + "/" + GenomeDigest.FILE, p.digest.toJson(done));
            }
            return done;
        } catch (IOException | RuntimeException e) {
            return results[index].with(GenomeResult.Status.FAILED, null, null, null, seconds,
                    "output committed but not recorded as current: " + e.getMessage());
        }
    }

    private void update(int index, GenomeResult r) {
        synchronized (reportLock) {
            results[index] = r;
            writeReport(false);
        }
    }

    private void writeReport(boolean finished) {
        synchronized (reportLock) {
            List<GenomeResult> rows = List.of(results);
            try {
                store.writeAtomically(BatchReport.TSV, BatchReport.tsv(rows));
                store.writeAtomically(BatchReport.JSON, BatchReport.json(batchFields(finished), finished, rows));
            } catch (IOException e) {
                if (!reportFailed) {
                    err.println(prefix + "error: " + e.getMessage());
                }
                reportFailed = true;
            }
        }
    }

    private Map<String, Object> batchFields(boolean finished) {
        Map<String, Object> m = new LinkedHashMap<>(batchFields);
        m.put(finished ? "finished_at" : "updated", Instant.now().toString());
        return m;
    }

    /**
     * A genome run's stderr: passed on line by line (with a prefix when genomes run side by side),
     * the last lines kept to find its error message.
     */
    static final class Capture extends OutputStream {
        private final PrintStream to;
        private final boolean quiet;
        private final String linePrefix;
        private final Deque<String> last = new ArrayDeque<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        /** {@code quiet}: pass on only the warnings and errors. */
        Capture(PrintStream to, boolean quiet, String linePrefix) {
            this.to = to;
            this.quiet = quiet;
            this.linePrefix = linePrefix;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (last.size() == 200) {
                    last.removeFirst();
                }
                last.addLast(s);
                if (!quiet || s.contains("error:") || s.contains("warning:")) {
                    to.println(linePrefix + s);
                }
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        /** The run's error: its last "error:" line (the text after it), else its last line, else the exit code. */
        synchronized String errorLine(int code) {
            if (line.size() > 0) {
                write('\n');
            }
            List<String> lines = new ArrayList<>(last);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String s = lines.get(i);
                int at = s.indexOf("error: ");
                if (at >= 0) {
                    return s.substring(at + "error: ".length()).strip();
                }
            }
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank() && !lines.get(i).startsWith("Try '")) {
                    return lines.get(i).strip();
                }
            }
            return "exit code " + code;
        }
    }
}
