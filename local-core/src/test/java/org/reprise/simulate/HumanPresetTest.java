package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.RepriseCli;

/**
 * {@code reprise simulate --preset human}: a scaled-down genome written through the command line
 * (shape, repeat share, divergence, determinism, overrides), and the full-size preset planned up
 * to its copy numbers only (families, giant copy numbers, contig sizes), never written.
 */
class HumanPresetTest {
    private static final String[] SUFFIXES = {".fa", ".fa.fai", ".truth.bed", ".families.fa", ".truth.tsv"};
    private static final String[] CHROMOSOMES = {"chr1", "chr2", "chr3", "chr4", "chr5", "chr6", "chr7", "chr8",
        "chr9", "chr10", "chr11", "chr12", "chr13", "chr14", "chr15", "chr16", "chr17", "chr18", "chr19", "chr20",
        "chr21", "chr22", "chrX", "chrY"};

    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RepriseCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, err.toString(StandardCharsets.UTF_8));
    }

    private String simulate(String name, String... options) {
        String prefix = dir.resolve(name).toString();
        List<String> args = new ArrayList<>(List.of("simulate", "--preset", "human", "-q", "-o", prefix));
        args.addAll(List.of(options));
        Run r = run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return prefix;
    }

    /** Contig names and lengths from the {@code .fai}, in file order. */
    private static Map<String, Long> fai(String prefix) throws IOException {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(prefix + ".fa.fai"))) {
            String[] c = line.split("\t");
            out.put(c[0], Long.parseLong(c[1]));
        }
        return out;
    }

    private static boolean interspersed(String label) {
        return !label.equals("Satellite") && !label.equals("Low_complexity");
    }

    @Test
    void aScaledDownPresetHasTheShapeRepeatsAndDivergenceOfTheFullOne() throws IOException {
        long length = 30_000_000L;
        double scale = (double) length / HumanPreset.LENGTH;
        String prefix = simulate("h", "--length", "30M", "--seed", "7");

        // 24 chromosomes in the reference's order and proportions, then the unplaced contigs.
        List<Map.Entry<String, Long>> contigs = new ArrayList<>(fai(prefix).entrySet());
        long total = 0;
        for (int i = 0; i < contigs.size(); i++) {
            String name = contigs.get(i).getKey();
            long size = contigs.get(i).getValue();
            total += size;
            if (i < 24) {
                assertEquals(CHROMOSOMES[i], name);
                assertTrue(size >= HumanPreset.CHROMOSOME_MIN * scale && size <= HumanPreset.CHROMOSOME_MAX * scale,
                        name + " " + size);
            } else {
                assertTrue(name.startsWith("chrUn"), name);
                assertTrue(size >= HumanPreset.UNPLACED_MIN_SIZE && size <= HumanPreset.UNPLACED_MAX_SIZE,
                        name + " " + size);
            }
        }
        assertEquals(length, total);
        assertEquals(24 + Math.round(HumanPreset.UNPLACED * scale), contigs.size());
        Map<String, Long> sizes = fai(prefix);
        assertTrue(sizes.get("chr1") > sizes.get("chr10") && sizes.get("chr10") > sizes.get("chr21"), "shape");

        // Interspersed copies fill at least 45% of the genome, some of them diverged by 25% or more.
        List<SimulatedFiles.BedLine> bed = SimulatedFiles.readBed(Path.of(prefix + ".truth.bed"));
        long repeats = 0;
        int mostDiverged = 0;
        for (SimulatedFiles.BedLine b : bed) {
            if (interspersed(b.repeatClass())) {
                repeats += b.end() - b.start();
                mostDiverged = Math.max(mostDiverged, b.score());
            }
        }
        assertTrue(repeats >= 0.45 * length, repeats + " interspersed bases");
        assertTrue(mostDiverged >= 250, mostDiverged + " events per thousand bases at most");

        Map<String, Map<String, String>> tsv = SimulatedFiles.readTsv(Path.of(prefix + ".truth.tsv"));
        int families = 0;
        double oldest = 0;
        int giantSine = 0;
        int lineCopies = 0;
        int lineTruncated = 0;
        for (Map<String, String> row : tsv.values()) {
            if (!interspersed(row.get("class"))) {
                continue;
            }
            families++;
            oldest = Math.max(oldest, Double.parseDouble(row.get("family_divergence")));
            if (row.get("class").equals("SINE") && row.get("consensus_length").equals("300")) {
                giantSine = Math.max(giantSine, Integer.parseInt(row.get("copies")));
            }
            if (row.get("class").equals("LINE") && row.get("consensus_length").equals("6000")) {
                lineCopies += Integer.parseInt(row.get("copies"));
                lineTruncated += Integer.parseInt(row.get("truncated5"));
            }
        }
        // Below 200 Mb the drawn families fall with the length; the giants stay, with scaled copy numbers.
        assertEquals(Math.round(HumanPreset.FAMILIES * (double) length / HumanPreset.FULL_FAMILIES_FROM) + 4, families);
        assertTrue(oldest > 0.25 && oldest <= 0.30, "oldest family " + oldest);
        assertTrue(giantSine >= 0.99 * 550_000 * scale, giantSine + " SINE copies");
        assertTrue(lineCopies >= 0.99 * 220_000 * scale && lineTruncated > 0.8 * lineCopies,
                lineTruncated + " of " + lineCopies + " 6 kb LINE copies 5'-truncated");
    }

    @Test
    void theFullSizePresetHasOverAThousandFamiliesAndGiantCopyNumbers() {
        SimulationParameters p = HumanPreset.builder(1, HumanPreset.LENGTH, null).build();
        long[] sizes = p.contigSizes();
        String[] names = p.contigNames();
        assertEquals(24 + HumanPreset.UNPLACED, sizes.length);
        assertEquals(HumanPreset.LENGTH, Arrays.stream(sizes).sum());
        for (int i = 0; i < sizes.length; i++) {
            if (i < 24) {
                assertEquals(CHROMOSOMES[i], names[i]);
                assertTrue(sizes[i] >= 50_000_000L && sizes[i] <= 250_000_000L, names[i] + " " + sizes[i]);
            } else {
                assertTrue(sizes[i] >= 5_000 && sizes[i] <= 200_000, names[i] + " " + sizes[i]);
            }
        }

        SimulationPlanner.Design design = SimulationPlanner.design(p);
        int[] copies = design.copyNumbers();
        assertTrue(copies.length >= 1000, copies.length + " interspersed families");
        int sine = 0;
        int bigLines = 0;
        int fewest = Integer.MAX_VALUE;
        for (int f = 0; f < copies.length; f++) {
            RepeatFamily fam = design.families().get(f);
            assertTrue(fam.repeatClass().interspersed());
            assertTrue(fam.divergence() <= 0.30);
            fewest = Math.min(fewest, copies[f]);
            if (fam.repeatClass() == RepeatClass.SINE && fam.length() == 300) {
                sine = Math.max(sine, copies[f]);
            }
            if (fam.repeatClass() == RepeatClass.LINE && fam.length() == 6000 && copies[f] >= 100_000) {
                bigLines++;
            }
        }
        assertEquals(3, fewest);
        assertTrue(sine >= 500_000, sine + " copies of the 300-base SINE");
        assertTrue(bigLines >= 1, "a 6 kb LINE with 100,000 copies or more");
    }

    @Test
    void copiesAreDivergedUpToThirtyPercent() {
        GenomePlan plan = SimulationPlanner.plan(HumanPreset.builder(2, 10_000_000L, null).build());
        double most = 0;
        for (PlantedCopy c : plan.copies()) {
            if (plan.families().get(c.family()).repeatClass().interspersed()) {
                assertTrue(c.rate() >= 0 && c.rate() <= 0.30, "copy " + c.id() + " rate " + c.rate());
                most = Math.max(most, c.rate());
            }
        }
        assertTrue(most >= 0.29, "most diverged copy " + most);
    }

    @Test
    void chromosomeSizesPastTwoToThe31AreAccepted() {
        long big = 2_200_000_000L;
        SimulationParameters p = HumanPreset.builder(3, HumanPreset.LENGTH, new long[] {big, 300_000_000L}).build();
        long[] sizes = SimulationPlanner.contigSizes(p);
        assertEquals(big, sizes[0]);
        assertTrue(sizes[0] > (1L << 31));
        assertEquals("chr1", p.contigNames()[0]);
        assertEquals("chr2", p.contigNames()[1]);
        // The unplaced contigs come on top, as many as for a genome of the chromosomes' total.
        assertEquals(2 + Math.round(HumanPreset.UNPLACED * 2.5e9 / HumanPreset.LENGTH), sizes.length);
        assertTrue(p.length() > 2_500_000_000L);
        SimulationPlanner.Design design = SimulationPlanner.design(p);
        int sine = 0;
        for (int f = 0; f < design.copyNumbers().length; f++) {
            if (design.families().get(f).repeatClass() == RepeatClass.SINE && design.families().get(f).length() == 300) {
                sine = design.copyNumbers()[f];
            }
        }
        assertEquals(Math.round(550_000 * (double) p.length() / HumanPreset.LENGTH), sine);
    }

    @Test
    void theSameSeedGivesTheSameBytes() throws IOException {
        String a = simulate("a", "--length", "10M", "--seed", "5");
        String b = simulate("b", "--length", "10M", "--seed", "5");
        for (String s : SUFFIXES) {
            assertArrayEquals(Files.readAllBytes(Path.of(a + s)), Files.readAllBytes(Path.of(b + s)), s);
        }
        String c = simulate("c", "--length", "10M", "--seed", "6");
        assertFalse(Arrays.equals(Files.readAllBytes(Path.of(a + ".fa")), Files.readAllBytes(Path.of(c + ".fa"))));
        assertFalse(Files.readString(Path.of(a + ".fa.fai")).equals(Files.readString(Path.of(c + ".fa.fai"))),
                "the unplaced contigs' sizes are drawn from the seed");
    }

    @Test
    void optionsGivenExplicitlyOverrideThePreset() throws IOException {
        String prefix = simulate("o", "--length", "10M", "--families", "30", "--max-divergence", "0.1",
                "--satellites", "0", "--low-complexity", "0", "--fasta-line", "100");
        Map<String, Map<String, String>> tsv = SimulatedFiles.readTsv(Path.of(prefix + ".truth.tsv"));
        assertEquals(30 + 4, tsv.size(), "30 drawn families and the 4 giants, no tandem pieces");
        for (Map<String, String> row : tsv.values()) {
            assertTrue(Double.parseDouble(row.get("family_divergence")) <= 0.1, row.toString());
        }
        assertTrue(Files.readString(Path.of(prefix + ".fa.fai")).startsWith("chr1\t"));
        assertTrue(Files.readString(Path.of(prefix + ".fa.fai")).lines().allMatch(l -> l.endsWith("\t100\t101")));
    }

    @Test
    void badPresetUsesAreOneLineUsageErrors() {
        String out = dir.resolve("x").toString();
        String[][] cases = {
            {"--preset", "mouse"}, {"--preset", "human", "--contigs", "30"}, {"--preset", "human", "--length", "5M"},
            {"--preset", "human", "--contig-sizes", "3M,2M"},
        };
        String[] messages = {"--preset must be human (got mouse)", "--contigs does not combine with --preset",
            "--length must be between 10M and 1000G bases with --preset human (got 5000000)",
            "--contig-sizes must add up to at least 10M bases with --preset human (got 5000000)"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("simulate", "-o", out));
            args.addAll(List.of(cases[i]));
            Run r = run(args.toArray(new String[0]));
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().lines().findFirst().orElse("").contains(messages[i]), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.fa")));
    }
}
