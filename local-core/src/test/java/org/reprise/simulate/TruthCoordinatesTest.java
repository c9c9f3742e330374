package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.simulate.SimulatedFiles.BedLine;

/**
 * A small undiverged genome written end to end and read back from its files: every truth line
 * holds exactly the bases its family's consensus says, nested copies split their host where the
 * BED says, TSDs flank the copies, LTRs and TIRs have their structure.
 */
class TruthCoordinatesTest {
    @TempDir
    static Path dir;
    static SimulatedFiles files;
    static Map<Integer, List<BedLine>> copies;

    @BeforeAll
    static void simulate() throws IOException {
        SimulationParameters p = SimulationParameters.builder().seed(7).length(800_000).contigs(8).families(30)
                .copies(3, 40).maxDivergence(0).nested(0.3).satellites(4).lowComplexity(12).build();
        String prefix = dir.resolve("sim").toString();
        Simulation.run(p, prefix, null);
        files = new SimulatedFiles(prefix);
        copies = files.byCopy();
    }

    @Test
    void piecesAreSortedDisjointAndInsideTheirContigs() {
        List<String> contigs = new ArrayList<>(files.genome.keySet());
        int lastContig = -1;
        long lastEnd = 0;
        for (BedLine b : files.bed) {
            int c = contigs.indexOf(b.contig());
            assertTrue(c >= lastContig, "contigs in file order: " + b);
            if (c != lastContig) {
                lastEnd = 0;
                lastContig = c;
            }
            assertTrue(b.start() >= lastEnd && b.start() < b.end(), "sorted, disjoint, not empty: " + b);
            assertTrue(b.end() <= files.genome.get(b.contig()).length(), "inside the contig: " + b);
            assertEquals(0, b.score(), "no divergence: " + b);
            lastEnd = b.end();
        }
    }

    @Test
    void everyUndivergedCopyIsItsConsensusOrItsReverseComplement() {
        int interspersed = 0;
        int tandem = 0;
        for (List<BedLine> pieces : copies.values()) {
            BedLine first = pieces.get(0);
            StringBuilder seq = new StringBuilder();
            for (int i = 0; i < pieces.size(); i++) {
                BedLine b = pieces.get(i);
                assertEquals(first.contig(), b.contig());
                assertEquals(first.name(), b.name());
                if (pieces.size() > 1) {
                    assertEquals((i + 1) + "/" + pieces.size(), b.attributes().get("piece"), b.toString());
                }
                seq.append(files.bases(b.contig(), b.start(), b.end()));
            }
            String got = seq.toString();
            switch (first.repeatClass()) {
                case "Satellite" -> {
                    String unit = files.consensus(first.name());
                    assertEquals(orient(unit.repeat(got.length() / unit.length() + 1).substring(0, got.length()),
                            first.strand()), got, first.toString());
                    tandem++;
                }
                case "Low_complexity" -> {
                    if (first.name().equals("AT_rich")) {
                        long at = got.chars().filter(ch -> ch == 'A' || ch == 'T').count();
                        assertTrue(at >= 0.75 * got.length(), first.toString());
                    } else {
                        String motif = first.name().equals("(A)n") ? "A" : "CA";
                        assertEquals(orient(motif.repeat(got.length()).substring(0, got.length()), first.strand()), got,
                                first.toString());
                    }
                    tandem++;
                }
                default -> {
                    int[] cons = first.range("cons");
                    String full = orient(files.consensus(first.name()).substring(cons[0], cons[1]), first.strand());
                    String expected = full;
                    if (first.has("cut")) {
                        assertEquals(1, pieces.size());
                        int[] part = first.range("part");
                        expected = full.substring(part[0], part[1]);
                        if (first.attributes().get("cut").equals("contig_start")) {
                            assertEquals(0, first.start());
                            assertEquals(full.length(), part[1]);
                        } else {
                            assertEquals(files.genome.get(first.contig()).length(), first.end());
                            assertEquals(0, part[0]);
                        }
                        assertTrue(part[1] - part[0] < full.length(), "a cut copy is cut: " + first);
                    }
                    assertEquals(expected, got, "copy " + first.copy() + " " + first);
                    interspersed++;
                }
            }
        }
        int tandemInTable = 0;
        for (Map<String, String> row : files.tsv.values()) {
            if (row.get("class").equals("Satellite") || row.get("class").equals("Low_complexity")) {
                tandemInTable += Integer.parseInt(row.get("copies"));
            }
        }
        assertEquals(tandemInTable, tandem);
        assertTrue(interspersed > 150 && tandem >= 6, interspersed + " interspersed copies, " + tandem + " tandem");
    }

    @Test
    void contigEndsCutSomeCopies() {
        long atStart = files.bed.stream().filter(b -> "contig_start".equals(b.attributes().get("cut"))).count();
        long atEnd = files.bed.stream().filter(b -> "contig_end".equals(b.attributes().get("cut"))).count();
        assertTrue(atStart >= 1 && atEnd >= 1, atStart + " cut by a contig start, " + atEnd + " by an end");
    }

    @Test
    void nestedCopiesSplitTheirHostExactlyWhereTheyLie() {
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (Map.Entry<Integer, List<BedLine>> e : copies.entrySet()) {
            BedLine first = e.getValue().get(0);
            if (first.has("nested_in")) {
                children.computeIfAbsent(Integer.parseInt(first.attributes().get("nested_in")), k -> new ArrayList<>())
                        .add(e.getKey());
            }
        }
        assertTrue(children.size() > 20, children.size() + " hosts");
        int gaps = 0;
        for (Map.Entry<Integer, List<Integer>> e : children.entrySet()) {
            List<BedLine> host = copies.get(e.getKey());
            Set<Integer> placed = new HashSet<>();
            // Between two pieces of the host lie exactly its nested copies, end to end, each followed
            // by its TSD.
            for (int k = 0; k + 1 < host.size(); k++) {
                long at = host.get(k).end();
                long gapEnd = host.get(k + 1).start();
                while (at < gapEnd) {
                    int child = childStartingAt(e.getValue(), at);
                    assertTrue(child > 0, "host " + e.getKey() + ": no nested copy starts at " + at);
                    List<BedLine> c = copies.get(child);
                    at = c.get(c.size() - 1).end() + tsd(c.get(0));
                    placed.add(child);
                }
                assertEquals(gapEnd, at, "host " + e.getKey() + " gap " + k);
                gaps++;
            }
            assertEquals(new HashSet<>(e.getValue()), placed, "every nested copy lies in a gap of host " + e.getKey());
        }
        assertTrue(gaps >= children.size());
    }

    private static int childStartingAt(List<Integer> candidates, long pos) {
        for (int c : candidates) {
            if (copies.get(c).get(0).start() == pos) {
                return c;
            }
        }
        return 0;
    }

    private static int tsd(BedLine b) {
        return b.has("tsd") ? Integer.parseInt(b.attributes().get("tsd")) : 0;
    }

    @Test
    void targetSiteDuplicationsFlankEveryCopyThatHasOne() {
        Map<String, int[]> ranges = Map.of("LTR", new int[] {4, 6}, "DNA", new int[] {2, 10}, "LINE", new int[] {7, 20},
                "SINE", new int[] {7, 20}, "Unknown", new int[] {0, 10});
        int checked = 0;
        for (List<BedLine> pieces : copies.values()) {
            BedLine first = pieces.get(0);
            BedLine last = pieces.get(pieces.size() - 1);
            int t = tsd(first);
            if (!first.repeatClass().equals("Satellite") && !first.repeatClass().equals("Low_complexity")
                    && !first.has("cut")) {
                int[] r = ranges.get(first.repeatClass());
                assertTrue(t >= r[0] && t <= r[1], "TSD length of " + first);
            } else {
                assertEquals(0, t, first.toString());
            }
            if (t == 0) {
                continue;
            }
            assertEquals(files.bases(first.contig(), first.start() - t, first.start()),
                    files.bases(last.contig(), last.end(), last.end() + t), "TSD around copy " + first.copy());
            checked++;
        }
        assertTrue(checked > 150, checked + " TSDs");
    }

    @Test
    void fullLengthLtrCopiesHaveTwoIdenticalLtrs() {
        int checked = 0;
        for (List<BedLine> pieces : copies.values()) {
            BedLine first = pieces.get(0);
            if (!first.repeatClass().equals("LTR") || first.has("solo_ltr") || first.has("cut") || first.range("cons")[0] != 0) {
                continue;
            }
            int ltr = Integer.parseInt(files.tsv.get(first.name()).get("ltr_length"));
            String seq = orient(concat(pieces), first.strand());
            assertEquals(Integer.parseInt(files.tsv.get(first.name()).get("consensus_length")), seq.length());
            assertEquals(seq.substring(0, ltr), seq.substring(seq.length() - ltr), "LTRs of copy " + first.copy());
            assertEquals(files.families.get(first.name() + "_LTR#LTR/Unknown"), seq.substring(0, ltr));
            assertTrue(seq.startsWith("TG") && seq.substring(0, ltr).endsWith("CA"), "LTRs run TG...CA");
            checked++;
        }
        assertTrue(checked >= 5, checked + " full-length LTR copies");
    }

    @Test
    void soloLtrsAreOneLtr() {
        int checked = 0;
        for (List<BedLine> pieces : copies.values()) {
            BedLine first = pieces.get(0);
            if (first.has("solo_ltr")) {
                int ltr = Integer.parseInt(files.tsv.get(first.name()).get("ltr_length"));
                assertEquals("0-" + ltr, first.attributes().get("cons"));
                checked++;
            }
        }
        assertTrue(checked >= 3, checked + " solo LTRs");
    }

    @Test
    void dnaTransposonsEndInInvertedRepeatsInTheLibraryAndTheGenome() {
        int families = 0;
        int genomeCopies = 0;
        for (Map<String, String> row : files.tsv.values()) {
            if (!row.get("class").equals("DNA")) {
                continue;
            }
            String cons = files.consensus(row.get("name"));
            int tir = Integer.parseInt(row.get("tir_length"));
            assertTrue(tir >= 20 && tir <= 300, row.toString());
            assertEquals(cons.substring(0, tir), SimulatedFiles.revcomp(cons.substring(cons.length() - tir)));
            families++;
            for (List<BedLine> pieces : copies.values()) {
                BedLine first = pieces.get(0);
                if (first.name().equals(row.get("name")) && !first.has("cut") && first.range("cons")[0] == 0) {
                    String seq = concat(pieces);
                    assertEquals(seq.substring(0, tir), SimulatedFiles.revcomp(seq.substring(seq.length() - tir)));
                    genomeCopies++;
                }
            }
        }
        assertTrue(families >= 3 && genomeCopies >= 10, families + " DNA families, " + genomeCopies + " copies");
    }

    @Test
    void linesAndSinesEndInPolyA() {
        int checked = 0;
        for (Map<String, String> row : files.tsv.values()) {
            String c = row.get("class");
            if (!c.equals("LINE") && !c.equals("SINE")) {
                continue;
            }
            String cons = files.consensus(row.get("name"));
            int polyA = Integer.parseInt(row.get("polya_length"));
            assertTrue(polyA >= 10 && polyA <= 40, row.toString());
            assertTrue(cons.endsWith("A".repeat(polyA)), row.toString());
            if (c.equals("SINE")) {
                assertTrue(cons.length() >= 100 && cons.length() <= 500, row.toString());
            }
            checked++;
        }
        assertTrue(checked >= 5, checked + " LINE/SINE families");
    }

    @Test
    void tableCountsAgreeWithTheBed() {
        for (Map<String, String> row : files.tsv.values()) {
            String name = row.get("name");
            Set<Integer> ids = new HashSet<>();
            long bases = 0;
            int truncated = 0;
            int nested = 0;
            int cut = 0;
            for (List<BedLine> pieces : copies.values()) {
                BedLine first = pieces.get(0);
                if (!first.name().equals(name)) {
                    continue;
                }
                ids.add(first.copy());
                for (BedLine b : pieces) {
                    bases += b.end() - b.start();
                }
                truncated += first.has("truncated5") ? 1 : 0;
                nested += first.has("nested_in") ? 1 : 0;
                cut += first.has("cut") ? 1 : 0;
            }
            assertEquals(Integer.toString(ids.size()), row.get("copies"), name);
            assertEquals(Long.toString(bases), row.get("bases"), name);
            assertEquals(Integer.toString(truncated), row.get("truncated5"), name);
            assertEquals(Integer.toString(nested), row.get("nested"), name);
            assertEquals(Integer.toString(cut), row.get("contig_cut"), name);
        }
        assertEquals(30, files.tsv.keySet().stream().filter(n -> n.startsWith("fam")).count());
        assertTrue(files.tsv.keySet().containsAll(List.of("(A)n", "(CA)n", "AT_rich", "sat001")));
    }

    static String orient(String forward, char strand) {
        return strand == '+' ? forward : SimulatedFiles.revcomp(forward);
    }

    private static String concat(List<BedLine> pieces) {
        StringBuilder s = new StringBuilder();
        for (BedLine b : pieces) {
            s.append(files.bases(b.contig(), b.start(), b.end()));
        }
        return s.toString();
    }
}
