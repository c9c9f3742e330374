package org.reprise.testing;

import org.reprise.cli.RepriseCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The local command line run in this JVM, small planted genomes, and output trees compared byte for byte. */
public final class CliRuns {
    private CliRuns() {
    }

    /** A finished command line: exit code, stdout and stderr. */
    public record Result(int exit, String out, String err) {
        /** The non-blank lines of stderr. */
        public java.util.List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Runs {@code reprise ARGS} through {@link RepriseCli#execute}. */
    public static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = RepriseCli.execute(args, o, e);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A FASTA of two random contigs ({@code length} bases in all) holding {@code copies} mutated
     * copies of one 300-bp segment, some reversed: a genome with one family, found in a second.
     */
    public static String planted(long seed, int length, int copies) {
        Random rnd = new Random(seed);
        String seg = Sequences.random(rnd, 300);
        StringBuilder[] contigs = {new StringBuilder(Sequences.random(rnd, length * 3 / 5)),
            new StringBuilder(Sequences.random(rnd, length - length * 3 / 5))};
        for (int i = 0; i < copies; i++) {
            StringBuilder target = contigs[i % 2];
            int slot = (target.length() - 400) / (copies / 2 + 1);
            int start = 50 + (i / 2) * slot + rnd.nextInt(Math.max(1, slot - 350));
            String copy = Sequences.mutate(rnd, seg, 3);
            target.replace(start, start + 300, i % 3 == 1 ? Sequences.revcomp(copy) : copy);
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < contigs.length; c++) {
            sb.append(">chr").append((char) ('A' + c)).append(" planted\n");
            for (int i = 0; i < contigs[c].length(); i += 70) {
                sb.append(contigs[c], i, Math.min(contigs[c].length(), i + 70)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Every file under {@code dir} (relative path with '/', bytes), hidden ones included. */
    public static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /**
     * The files two output trees differ in (by name or by bytes), ignoring the files whose name
     * ends with one of {@code ignored} (e.g. ".summary.json", which holds timings).
     */
    public static java.util.List<String> differences(Map<String, byte[]> a, Map<String, byte[]> b, String... ignored) {
        java.util.Set<String> names = new java.util.TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String n : names) {
            boolean skip = false;
            for (String s : ignored) {
                skip |= n.endsWith(s);
            }
            if (!skip && !(a.containsKey(n) && b.containsKey(n) && java.util.Arrays.equals(a.get(n), b.get(n)))) {
                out.add(n + (a.containsKey(n) ? "" : " (only in the second)") + (b.containsKey(n) ? "" : " (only in the first)"));
            }
        }
        return out;
    }

    /**
     * A run summary without what changes from run to run (wall seconds, peak heap, memory after each
     * phase, the family loop's look-ahead counters, which depend on thread timing, and the thread
     * count, which changes no result), so that two summaries of the same input and parameters
     * compare equal.
     */
    public static String summaryWithoutTimes(byte[] json) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(json);
        dropTimes(tree);
        return mapper.writeValueAsString(tree);
    }

    private static void dropTimes(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            java.util.List<String> drop = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(n -> {
                if (n.equals("seconds") || n.endsWith("_seconds") || n.equals("peak_heap_bytes") || n.endsWith("_share")
                        || n.equals("memory_after_phase") || n.contains("heap_used") || n.contains("rss_peak")
                        || n.startsWith("drafts_ahead") || n.equals("drafted_at_turn") || n.equals("threads")) {
                    drop.add(n);
                }
            });
            o.remove(drop);
        }
        node.forEach(CliRuns::dropTimes);
    }

    /**
     * {@link #differences} of two output trees, their summaries compared without times and their
     * run reports by their result sections ({@link #reportResults}).
     */
    public static java.util.List<String> differencesButTimes(Map<String, byte[]> a, Map<String, byte[]> b) throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>(differences(a, b, ".summary.json", ".report.html"));
        java.util.Set<String> names = new java.util.TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String n : names) {
            if (n.endsWith(".summary.json") && (!a.containsKey(n) || !b.containsKey(n)
                    || !summaryWithoutTimes(a.get(n)).equals(summaryWithoutTimes(b.get(n))))) {
                out.add(n);
            }
            if (n.endsWith(".report.html") && (!a.containsKey(n) || !b.containsKey(n)
                    || !reportResults(a.get(n)).equals(reportResults(b.get(n))))) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * The sections of a run report that show results (library, masking, polishing, families), in
     * page order: the rest (the header's date, the cards' wall time and memory, the run's phases)
     * changes from run to run.
     */
    public static String reportResults(byte[] html) {
        String page = new String(html, java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<section id=\"(library|masking|polishing|families)\">.*?</section>", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        while (m.find()) {
            out.append(m.group()).append('\n');
        }
        if (out.length() == 0) {
            throw new IllegalArgumentException("not a run report: no result section");
        }
        return out.toString();
    }

    /** 30 kb in three contigs with three families (6, 4 and 8 copies, some reversed): a run takes seconds. */
    public static String threeFamilies(Random rnd) {
        StringBuilder[] contigs = new StringBuilder[3];
        for (int c = 0; c < 3; c++) {
            contigs[c] = new StringBuilder(Sequences.random(rnd, 10_000));
        }
        int[] lengths = {300, 500, 200};
        int[] copies = {6, 4, 8};
        int slot = 0;
        for (int f = 0; f < 3; f++) {
            String seg = Sequences.random(rnd, lengths[f]);
            for (int i = 0; i < copies[f]; i++, slot++) {
                StringBuilder target = contigs[slot % 3];
                int start = 100 + (slot / 3) * 1_500;
                String copy = Sequences.mutate(rnd, seg, lengths[f] / 100);
                target.replace(start, start + seg.length(), i % 2 == 1 ? Sequences.revcomp(copy) : copy);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            sb.append(">ctg").append(c + 1).append('\n');
            for (int i = 0; i < contigs[c].length(); i += 60) {
                sb.append(contigs[c], i, Math.min(contigs[c].length(), i + 60)).append('\n');
            }
        }
        return sb.toString();
    }

}
