package org.reprise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.reprise.testing.Sequences.mutate;
import static org.reprise.testing.Sequences.random;
import static org.reprise.testing.Sequences.revcomp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end through {@link RepriseCli#execute}: exit codes, messages, output files. */
class RepriseCliTest {
    private static final List<String> SUFFIXES = List.of(".reprof", ".bed", ".freq", ".masked", ".summary.json",
            ".lib.fa", ".lib.bed", ".report.html");
    private static final String ACGT = "ACGT";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** The planted genome: two contigs, 20 kb, 5 copies of a 300-bp segment (2 reversed). */
    private static Path genome;
    private static Map<String, String> contigs;
    /** contig, start, end, reverse? of each planted copy. */
    private static final List<Object[]> PLANTED = new ArrayList<>();
    /** One successful default run, shared by the tests that only read its outputs. */
    private static Run defaultRun;
    private static Path defaultPrefix;

    private record Run(int exit, String out, String err) {
    }

    // ---------------------------------------------------------------- fixture

    private static String fasta(Map<String, String> seqs) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : seqs.entrySet()) {
            sb.append('>').append(e.getKey()).append(" synthetic contig\n");
            for (int i = 0; i < e.getValue().length(); i += 70) {
                sb.append(e.getValue(), i, Math.min(e.getValue().length(), i + 70)).append('\n');
            }
        }
        return sb.toString();
    }

    @BeforeAll
    static void makeGenome() throws IOException {
        Random rnd = new Random(424242);
        String seg = random(rnd, 300);
        StringBuilder a = new StringBuilder(random(rnd, 12_000));
        StringBuilder b = new StringBuilder(random(rnd, 8_000));
        Object[][] copies = {{"chrA", 1_000, false}, {"chrA", 4_200, true}, {"chrA", 9_000, false},
            {"chrB", 1_500, false}, {"chrB", 5_300, true}};
        for (Object[] c : copies) {
            StringBuilder target = c[0].equals("chrA") ? a : b;
            int start = (Integer) c[1];
            String copy = mutate(rnd, seg, 3);
            if ((Boolean) c[2]) {
                copy = revcomp(copy);
            }
            target.replace(start, start + 300, copy);
            PLANTED.add(new Object[] {c[0], start, start + 300, c[2]});
        }
        // some lowercase and some N, which the masked output must keep outside the elements
        for (int i = 200; i < 260; i++) {
            a.setCharAt(i, Character.toLowerCase(a.charAt(i)));
        }
        b.replace(7_000, 7_030, "N".repeat(30));
        contigs = new LinkedHashMap<>();
        contigs.put("chrA", a.toString());
        contigs.put("chrB", b.toString());
        genome = shared.resolve("planted.fa");
        Files.writeString(genome, fasta(contigs));

        Path out = Files.createDirectory(shared.resolve("default"));
        defaultPrefix = out.resolve("run");
        defaultRun = run("-input", genome.toString(), "-output", defaultPrefix.toString(), "-q");
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = RepriseCli.execute(args, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** After a failure: no output under a final name and no temporary file in the output folder. */
    private static void assertNoOutputs(Path outFolder, Set<String> allowed) throws IOException {
        Set<String> left = listing(outFolder);
        left.removeAll(allowed);
        assertEquals(Set.of(), left, "files left in the output folder after a failed run");
    }

    private Path outFolder() throws IOException {
        return Files.createDirectories(dir.resolve("out"));
    }

    // ---------------------------------------------------------------- polishing

    /**
     * Polishing adds PREFIX.lib.fa and PREFIX.lib.bed and changes no REPrise output (fidelity):
     * each strategy's .reprof, .bed, .freq and .masked are the same bytes with and without
     * --no-polish, which writes no polished file.
     */
    @Test
    void polishingAddsTheLibraryAndLeavesTheRepriseOutputsAlone() throws IOException {
        for (String strategy : new String[] {"exact", "partitioned"}) {
            Path with = outFolder().resolve(strategy + "-polished");
            Path without = outFolder().resolve(strategy + "-raw");
            Run a = run("-input", genome.toString(), "-output", with.toString(), "--strategy", strategy, "-q");
            Run b = run("-input", genome.toString(), "-output", without.toString(), "--strategy", strategy, "-q",
                    "--no-polish");
            assertEquals(0, a.exit(), a.err());
            assertEquals(0, b.exit(), b.err());
            for (String suffix : List.of(".reprof", ".bed", ".freq", ".masked")) {
                assertEquals(-1L, Files.mismatch(Path.of(with + suffix), Path.of(without + suffix)), strategy + suffix);
            }
            assertFalse(Files.exists(Path.of(without + ".lib.fa")));
            assertFalse(Files.exists(Path.of(without + ".lib.bed")));
            String lib = Files.readString(Path.of(with + ".lib.fa"));
            assertTrue(lib.startsWith(">rnd1_family-1#"), lib);
            // the planted 300-bp segment's 5 copies: one family, each copy one element of it
            List<String> bed = Files.readAllLines(Path.of(with + ".lib.bed"));
            assertEquals(PLANTED.size(), bed.size(), String.join("\n", bed));
            for (String line : bed) {
                assertTrue(line.split("\t")[3].startsWith("rnd1_family-1#"), line);
            }
            assertTrue(Files.readString(Path.of(with + ".summary.json")).contains("\"polishing\""));
        }
    }

    @Test
    void minCopiesIsCheckedAndApplied() throws IOException {
        Run bad = run("-input", genome.toString(), "-output", outFolder().resolve("x").toString(), "--min-copies", "0", "-q");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--min-copies must be >= 1"), bad.err());
        Path p = outFolder().resolve("many");
        Run r = run("-input", genome.toString(), "-output", p.toString(), "--min-copies", "6", "-q");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", Files.readString(Path.of(p + ".lib.fa")), "no family has 6 elements");
    }

    // ---------------------------------------------------------------- usage

    @Test
    void helpExitsZeroAndMentionsInput() {
        Run r = run("--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("-input"), r.out());
        assertTrue(r.out().contains("-output"), r.out());
    }

    @Test
    void unknownOptionIsAUsageError() throws IOException {
        Path out = outFolder();
        Run r = run("-input", genome.toString(), "-output", out.resolve("p").toString(), "--no-such-option");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--no-such-option"), r.err());
        assertNoOutputs(out, Set.of());
    }

    @Test
    void missingRequiredOptionIsAUsageError() throws IOException {
        Path out = outFolder();
        Run r = run("-input", genome.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("output"), r.err());
        assertNoOutputs(out, Set.of());
    }

    private void assertBadValue(String option, String value) throws IOException {
        Path out = outFolder();
        Run r = run("-input", genome.toString(), "-output", out.resolve("p").toString(), option, value);
        assertEquals(2, r.exit(), option + " " + value + ": " + r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains(option), "first line should name " + option + ": " + r.err());
        assertFalse(first.contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), "stack trace on stderr: " + r.err());
        assertNoOutputs(out, Set.of());
    }

    @Test
    void minfreqOneIsRejected() throws IOException {
        assertBadValue("-minfreq", "1");
    }

    @Test
    void distNineIsRejected() throws IOException {
        assertBadValue("-dist", "9");
    }

    @Test
    void unknownMaskStyleIsRejected() throws IOException {
        assertBadValue("--mask-style", "foo");
    }

    @Test
    void negativeTandemdistIsRejected() throws IOException {
        assertBadValue("-tandemdist", "-1");
    }

    @Test
    void nonIntegerValueIsAUsageErrorNamingTheOption() throws IOException {
        Path out = outFolder();
        Run r = run("-input", genome.toString(), "-output", out.resolve("p").toString(), "-minfreq", "abc");
        assertEquals(2, r.exit(), r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains("minfreq") && first.contains("abc"), r.err());
        assertNoOutputs(out, Set.of());
    }

    @Test
    void badParameterMessageIsOneLine() throws IOException {
        Path out = outFolder();
        Run r = run("-input", genome.toString(), "-output", out.resolve("p").toString(), "-dist", "9");
        assertEquals(2, r.exit());
        List<String> naming = r.err().lines().filter(l -> l.contains("-dist")).toList();
        assertEquals(1, naming.size(), r.err());
        assertTrue(r.err().lines().count() <= 2, "a one-line message (and at most a hint): " + r.err());
    }

    // ---------------------------------------------------------------- input errors

    @Test
    void missingInputFile() throws IOException {
        Path out = outFolder();
        Path missing = dir.resolve("missing.fa");
        Run r = run("-input", missing.toString(), "-output", out.resolve("p").toString(), "-q");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("missing.fa"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertNoOutputs(out, Set.of());
    }

    @Test
    void badLetterNamesContigAndLine() throws IOException {
        Path out = outFolder();
        Path bad = dir.resolve("bad.fa");
        // line 1 header, 2 sequence, 3 header of chrBad, 4 ok, 5 with a J
        Files.writeString(bad, ">chrOk\nACGTACGTAC\n>chrBad desc\nACGTACGTAC\nACGJACGTAC\n");
        Run r = run("-input", bad.toString(), "-output", out.resolve("p").toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("chrBad"), r.err());
        assertTrue(Pattern.compile("\\bline 5\\b").matcher(r.err()).find(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertNoOutputs(out, Set.of());
    }

    @Test
    void badLetterWithOutputBesideTheInput() throws IOException {
        // the output folder is the input's folder: only the input may remain
        Path bad = dir.resolve("bad.fa");
        Files.writeString(bad, ">x\nAC-GT\n");
        Run r = run("-input", bad.toString(), "-output", dir.resolve("bad").toString(), "-q");
        assertEquals(1, r.exit(), r.err());
        assertNoOutputs(dir, Set.of("bad.fa"));
    }

    @Test
    void directoryAsInput() throws IOException {
        Path out = outFolder();
        Run r = run("-input", dir.toString(), "-output", out.resolve("p").toString(), "-q");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("directory"), r.err());
        assertNoOutputs(out, Set.of());
    }

    @Test
    void missingOutputFolder() throws IOException {
        Run r = run("-input", genome.toString(), "-output", dir.resolve("nope/p").toString(), "-q");
        assertEquals(1, r.exit(), r.err());
        assertFalse(Files.exists(dir.resolve("nope")));
        assertNoOutputs(dir, Set.of());
    }

    // ---------------------------------------------------------------- a successful run

    @Test
    void successWritesAllSevenFilesAndNothingElse() throws IOException {
        assertEquals(0, defaultRun.exit(), defaultRun.err());
        Set<String> expected = SUFFIXES.stream().map(s -> "run" + s).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, listing(defaultPrefix.getParent()));
        for (String s : SUFFIXES) {
            assertTrue(Files.size(Path.of(defaultPrefix + s)) > 0, s + " is empty");
        }
    }

    private record Bed(String contig, long start, long end, String family, long length, char strand) {
    }

    private static List<Bed> readBed(Path p) throws IOException {
        List<Bed> out = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            String[] f = line.split("\t", -1);
            assertEquals(6, f.length, "BED6: " + line);
            long start = Long.parseLong(f[1]);
            long end = Long.parseLong(f[2]);
            assertTrue(0 <= start && start < end, line);
            assertTrue(contigs.containsKey(f[0]), "unknown contig: " + line);
            assertTrue(end <= contigs.get(f[0]).length(), "past the contig end: " + line);
            assertTrue(f[3].matches("R=\\d+"), line);
            assertEquals(end - start, Long.parseLong(f[4]), "length column: " + line);
            assertTrue(f[5].equals("+") || f[5].equals("-"), line);
            out.add(new Bed(f[0], start, end, f[3], Long.parseLong(f[4]), f[5].charAt(0)));
        }
        return out;
    }

    @Test
    void bedIsBed6AndFindsEveryPlantedCopy() throws IOException {
        assertEquals(0, defaultRun.exit(), defaultRun.err());
        List<Bed> bed = readBed(Path.of(defaultPrefix + ".bed"));
        assertFalse(bed.isEmpty(), "no element reported");
        for (Bed b : bed) {
            assertTrue(b.length() >= 50, "element shorter than minlength: " + b);
        }
        // one family must hold an element over each planted copy, with strands that agree with the plant
        Map<String, List<Bed>> byFamily = bed.stream().collect(Collectors.groupingBy(Bed::family));
        String found = null;
        for (Map.Entry<String, List<Bed>> fam : byFamily.entrySet()) {
            Map<Boolean, Set<Character>> strands = new HashMap<>();
            boolean all = true;
            for (Object[] p : PLANTED) {
                Bed hit = fam.getValue().stream()
                        .filter(b -> b.contig().equals(p[0]) && b.start() < (Integer) p[2] && (Integer) p[1] < b.end())
                        .findFirst().orElse(null);
                if (hit == null) {
                    all = false;
                    break;
                }
                strands.computeIfAbsent((Boolean) p[3], x -> new TreeSet<>()).add(hit.strand());
            }
            if (all) {
                assertEquals(1, strands.get(true).size(), "reverse copies on both strands: " + fam.getValue());
                assertEquals(1, strands.get(false).size(), "forward copies on both strands: " + fam.getValue());
                assertFalse(strands.get(true).equals(strands.get(false)), "planted strands not told apart: " + fam.getValue());
                found = fam.getKey();
            }
        }
        assertNotNull(found, "no family covers every planted copy: " + bed);
        // the elements of that family cover most of each 300-bp copy
        for (Object[] p : PLANTED) {
            long covered = 0;
            for (Bed b : byFamily.get(found)) {
                if (b.contig().equals(p[0])) {
                    covered += Math.max(0, Math.min(b.end(), (Integer) p[2]) - Math.max(b.start(), (Integer) p[1]));
                }
            }
            assertTrue(covered >= 250, "copy " + p[0] + ":" + p[1] + " covered by " + covered + " bases only");
        }
    }

    private static final Pattern REPROF_HEADER =
            Pattern.compile(">R=(\\d+), seedfreq=(\\d+), elementfreq=(\\d+), length=(\\d+), Seed=([ACGT]+)");

    @Test
    void reprofHeadersAndConsensusLines() throws IOException {
        assertEquals(0, defaultRun.exit(), defaultRun.err());
        List<String> lines = Files.readAllLines(Path.of(defaultPrefix + ".reprof"));
        List<Bed> bed = readBed(Path.of(defaultPrefix + ".bed"));
        assertFalse(lines.isEmpty());
        int families = 0;
        int firstNumber = -1;
        int i = 0;
        Set<Integer> seedLengths = new TreeSet<>();
        while (i < lines.size()) {
            Matcher m = REPROF_HEADER.matcher(lines.get(i));
            assertTrue(m.matches(), "header: " + lines.get(i));
            int number = Integer.parseInt(m.group(1));
            if (families == 0) {
                firstNumber = number;
                assertTrue(number == 0 || number == 1, "first family R=" + number);  // REPrise counts from 0
            }
            assertEquals(firstNumber + families, number, "families numbered consecutively");
            families++;
            assertTrue(Integer.parseInt(m.group(2)) >= 3, "seedfreq below minfreq: " + lines.get(i));
            int length = Integer.parseInt(m.group(4));
            seedLengths.add(m.group(5).length());
            StringBuilder consensus = new StringBuilder();
            i++;
            while (i < lines.size() && !lines.get(i).startsWith(">")) {
                String l = lines.get(i);
                assertTrue(l.length() <= 80 && !l.isEmpty(), "consensus line of " + l.length());
                assertTrue(l.matches("[ACGT]+"), l);
                if (i + 1 < lines.size() && !lines.get(i + 1).startsWith(">")) {
                    assertEquals(80, l.length(), "only the last consensus line may be short");
                }
                consensus.append(l);
                i++;
            }
            assertEquals(length, consensus.length(), "length= of R=" + number);
            assertTrue(length >= 50, "consensus shorter than minlength");
            String r = "R=" + number;
            assertEquals(bed.stream().filter(b -> b.family().equals(r)).count(), Long.parseLong(m.group(3)),
                    "elementfreq of " + r + " vs BED lines");
        }
        assertEquals(1, seedLengths.size(), "seeds of one k: " + seedLengths);
        assertTrue(families >= 1);
        // every BED family is in the library
        Set<String> reprofFamilies = new TreeSet<>();
        for (int f = 0; f < families; f++) {
            reprofFamilies.add("R=" + (firstNumber + f));
        }
        assertTrue(reprofFamilies.containsAll(bed.stream().map(Bed::family).collect(Collectors.toSet())), bed.toString());
    }

    @Test
    void summaryJsonParsesWithFamilies() throws IOException {
        assertEquals(0, defaultRun.exit(), defaultRun.err());
        JsonNode summary = new ObjectMapper().readTree(Path.of(defaultPrefix + ".summary.json").toFile());
        assertTrue(summary.isObject(), "top level is an object");
        long reprofRecords = Files.readAllLines(Path.of(defaultPrefix + ".reprof")).stream().filter(l -> l.startsWith(">")).count();
        assertEquals(reprofRecords, summary.get("families").asLong());
        long bedLines = Files.readAllLines(Path.of(defaultPrefix + ".bed")).size();
        assertEquals(bedLines, summary.get("elements").asLong());
        assertEquals(Files.readAllLines(Path.of(defaultPrefix + ".freq")).size(), summary.get("seeds").asLong());
        assertEquals("exact", summary.get("strategy").asText());
        assertEquals(summary.get("k").asInt(), summary.get("parameters").get("k").asInt());
        assertTrue(summary.get("seconds").get("total").asDouble() > 0, summary.toString());
        // memory after each phase, in run order, from loading to writing; the heap in use never above the committed
        JsonNode memory = summary.get("memory_after_phase");
        List<String> phases = new java.util.ArrayList<>();
        memory.fieldNames().forEachRemaining(phases::add);
        assertEquals("load", phases.get(0), phases.toString());
        assertEquals("write", phases.get(phases.size() - 1), phases.toString());
        assertTrue(phases.contains("index"), phases.toString());
        for (String phase : phases) {
            JsonNode m = memory.get(phase);
            assertTrue(m.get("heap_used").asLong() > 0 && m.get("heap_used").asLong() <= m.get("heap_committed").asLong(),
                    phase + ": " + m);
        }
    }

    @Test
    void freqLinesNameAKmerOfTheGenome() throws IOException {
        assertEquals(0, defaultRun.exit(), defaultRun.err());
        List<String> lines = Files.readAllLines(Path.of(defaultPrefix + ".freq"));
        assertFalse(lines.isEmpty());
        int prevFreq = Integer.MAX_VALUE;
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            assertEquals(4, f.length, line);
            assertTrue(f[0].matches("[ACGT]+"), line);
            int freq = Integer.parseInt(f[1]);
            assertTrue(freq >= 3 && freq <= prevFreq, "freq descending and >= minfreq: " + line);
            prevFreq = freq;
            String seq = contigs.get(f[2]);
            assertNotNull(seq, line);
            int pos = Integer.parseInt(f[3]);
            String at = seq.substring(pos, pos + f[0].length()).toUpperCase();
            assertTrue(at.equals(f[0]) || at.equals(revcomp(f[0])), line + " but the genome has " + at);
        }
    }

    @Test
    void maskedGenomeHasNExactlyOverTheBedElements() throws IOException {
        assertEquals(0, defaultRun.exit(), defaultRun.err());
        List<Bed> bed = readBed(Path.of(defaultPrefix + ".bed"));
        List<String> lines = Files.readAllLines(Path.of(defaultPrefix + ".masked"));
        Map<String, StringBuilder> masked = new LinkedHashMap<>();
        StringBuilder cur = null;
        for (String l : lines) {
            if (l.startsWith(">")) {
                cur = new StringBuilder();
                masked.put(l, cur);
            } else {
                assertTrue(l.length() <= 60, "line of " + l.length());
                cur.append(l);
            }
        }
        assertEquals(List.of(">chrA synthetic contig", ">chrB synthetic contig"), new ArrayList<>(masked.keySet()));
        for (String name : contigs.keySet()) {
            String orig = contigs.get(name);
            String got = masked.get(">" + name + " synthetic contig").toString();
            assertEquals(orig.length(), got.length());
            boolean[] inBed = new boolean[orig.length()];
            for (Bed b : bed) {
                if (b.contig().equals(name)) {
                    for (long p = b.start(); p < b.end(); p++) {
                        inBed[(int) p] = true;
                    }
                }
            }
            for (int p = 0; p < orig.length(); p++) {
                char want = inBed[p] ? 'N' : orig.charAt(p);
                if (got.charAt(p) != want) {
                    fail(name + ":" + p + " is " + got.charAt(p) + ", expected " + want + (inBed[p] ? " (in a BED element)" : ""));
                }
            }
        }
    }

    @Test
    void gzipInputGivesTheSameOutputsAsPlain() throws IOException {
        assertEquals(0, defaultRun.exit(), defaultRun.err());
        Path gz = dir.resolve("planted.fa.gz");
        try (java.io.OutputStream os = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            os.write(Files.readAllBytes(genome));
        }
        Path out = outFolder();
        Run r = run("-input", gz.toString(), "-output", out.resolve("run").toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        for (String s : List.of(".reprof", ".bed", ".freq", ".masked")) {
            assertArrayEquals(Files.readAllBytes(Path.of(defaultPrefix + s)), Files.readAllBytes(out.resolve("run" + s)), s);
        }
    }

    @Test
    void softMaskStyleLowercasesExactlyTheBedElements() throws IOException {
        Path out = outFolder();
        Run r = run("-input", genome.toString(), "-output", out.resolve("soft").toString(), "--mask-style", "soft", "-q");
        assertEquals(0, r.exit(), r.err());
        List<Bed> bed = readBed(out.resolve("soft.bed"));
        assertFalse(bed.isEmpty());
        Map<String, StringBuilder> masked = new LinkedHashMap<>();
        StringBuilder cur = null;
        for (String l : Files.readAllLines(out.resolve("soft.masked"))) {
            if (l.startsWith(">")) {
                cur = new StringBuilder();
                masked.put(l.substring(1).split(" ")[0], cur);
            } else {
                cur.append(l);
            }
        }
        for (String name : contigs.keySet()) {
            String orig = contigs.get(name);
            String got = masked.get(name).toString();
            boolean[] inBed = new boolean[orig.length()];
            for (Bed b : bed) {
                if (b.contig().equals(name)) {
                    for (long p = b.start(); p < b.end(); p++) {
                        inBed[(int) p] = true;
                    }
                }
            }
            for (int p = 0; p < orig.length(); p++) {
                char want = inBed[p] ? Character.toLowerCase(orig.charAt(p)) : Character.toUpperCase(orig.charAt(p));
                if (got.charAt(p) != want) {
                    fail(name + ":" + p + " is " + got.charAt(p) + ", expected " + want);
                }
            }
        }
    }

    // ---------------------------------------------------------------- option styles, quiet

    @Test
    void repriseAndGnuStyleOptionsGiveIdenticalOutputs() throws IOException {
        Path a = Files.createDirectories(dir.resolve("single"));
        Path b = Files.createDirectories(dir.resolve("gnu"));
        Run ra = run("-input", genome.toString(), "-output", a.resolve("x").toString(), "-dist", "1",
                "-tandemdist", "300", "-minlength", "60", "-q");
        Run rb = run("--input", genome.toString(), "--output", b.resolve("x").toString(), "--dist", "1",
                "--tandemdist", "300", "--minlength", "60", "--quiet");
        assertEquals(0, ra.exit(), ra.err());
        assertEquals(0, rb.exit(), rb.err());
        for (String s : List.of(".reprof", ".bed", ".freq", ".masked")) {
            assertArrayEquals(Files.readAllBytes(a.resolve("x" + s)), Files.readAllBytes(b.resolve("x" + s)), s);
        }
        // the summary differs only in timings, heap and how the drafts were shared among threads
        JsonNode sa = stripVolatile(a.resolve("x.summary.json"));
        JsonNode sb = stripVolatile(b.resolve("x.summary.json"));
        assertEquals(sa.toString().replace(a.toString(), ""), sb.toString().replace(b.toString(), ""));
        assertEquals(1, sa.get("parameters").get("dist").asInt(), "dist 1 in the summary");
        assertEquals(300, sa.get("parameters").get("tandemdist").asInt());
        assertFalse(Files.readString(a.resolve("x.bed")).isEmpty());
    }

    private static JsonNode stripVolatile(Path summary) throws IOException {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(summary.toFile());
        json.remove(List.of("seconds", "memory_after_phase", "peak_heap_bytes", "family_loop"));
        return json;
    }

    /** -q: nothing on stderr at all, neither on the stream given nor on System.err. */
    @Test
    void quietSuppressesProgress() throws IOException {
        PrintStream saved = System.err;
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        Run quiet;
        Run loud;
        try {
            System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
            quiet = run("-input", genome.toString(), "-output", Files.createDirectories(dir.resolve("q")).resolve("p").toString(),
                    "-q", "-maxrepeat", "1");
            String quietSys = sysErr.toString(StandardCharsets.UTF_8);
            assertEquals(0, quiet.exit(), quiet.err());
            assertEquals("", quiet.err());
            assertEquals("", quietSys);
            loud = run("-input", genome.toString(), "-output", Files.createDirectories(dir.resolve("l")).resolve("p").toString(),
                    "-maxrepeat", "1");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, loud.exit(), loud.err());
        String progress = loud.err() + sysErr.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("reading "), "no progress without -q: " + progress);
    }

    /** Progress must go to the err stream handed to execute(), as the error messages do. */
    @Test
    void progressGoesToTheGivenErrStream() throws IOException {
        PrintStream saved = System.err;
        Run loud;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            loud = run("-input", genome.toString(), "-output", Files.createDirectories(dir.resolve("l")).resolve("p").toString(),
                    "-maxrepeat", "1");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, loud.exit(), loud.err());
        assertTrue(loud.err().contains("reading "), "progress not written to the err stream given to execute(): '"
                + loud.err() + "'");
    }
}
