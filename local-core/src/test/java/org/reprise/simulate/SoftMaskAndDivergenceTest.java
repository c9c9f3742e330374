package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.simulate.SimulatedFiles.BedLine;

/** Soft-masking marks exactly the truth; diverged copies really differ, their TSDs do not. */
class SoftMaskAndDivergenceTest {
    @TempDir
    Path dir;

    private static SimulationParameters.Builder small() {
        return SimulationParameters.builder().seed(3).length(400_000).contigs(5).families(20).copies(5, 40)
                .satellites(3).lowComplexity(10).fastaLine(80);
    }

    @Test
    void softMaskedPlantedPiecesAreExactlyTheLowerCaseBases() throws IOException {
        String plain = dir.resolve("plain").toString();
        String masked = dir.resolve("masked").toString();
        Simulation.run(small().build(), plain, null);
        Simulation.run(small().softMaskTruth(true).build(), masked, null);
        SimulatedFiles p = new SimulatedFiles(plain);
        SimulatedFiles m = new SimulatedFiles(masked);
        assertEquals(p.bed, m.bed);
        for (Map.Entry<String, String> e : m.genome.entrySet()) {
            String seq = e.getValue();
            boolean[] truth = new boolean[seq.length()];
            for (BedLine b : m.bed) {
                if (b.contig().equals(e.getKey())) {
                    for (long i = b.start(); i < b.end(); i++) {
                        truth[(int) i] = true;
                    }
                }
            }
            for (int i = 0; i < seq.length(); i++) {
                assertEquals(truth[i], Character.isLowerCase(seq.charAt(i)), e.getKey() + ":" + i);
            }
            assertEquals(p.genome.get(e.getKey()), seq.toUpperCase(), "masking changes case only");
        }
    }

    @Test
    void divergedCopiesDifferFromTheConsensusButKeepTheirTsds() throws IOException {
        String prefix = dir.resolve("div").toString();
        Simulation.run(small().maxDivergence(0.2).build(), prefix, null);
        SimulatedFiles f = new SimulatedFiles(prefix);
        int diverged = 0;
        int ltrPairsDiffering = 0;
        int tsds = 0;
        double scoreSum = 0;
        int interspersed = 0;
        for (List<BedLine> pieces : f.byCopy().values()) {
            BedLine first = pieces.get(0);
            BedLine last = pieces.get(pieces.size() - 1);
            if (!first.has("cons")) {
                continue;
            }
            interspersed++;
            scoreSum += first.score();
            StringBuilder s = new StringBuilder();
            for (BedLine b : pieces) {
                s.append(f.bases(b.contig(), b.start(), b.end()));
            }
            int[] cons = first.range("cons");
            String expected = TruthCoordinatesTest.orient(f.consensus(first.name()).substring(cons[0], cons[1]), first.strand());
            if (first.score() > 20 && !first.has("cut") && !s.toString().equals(expected)) {
                diverged++;
            }
            if (first.repeatClass().equals("LTR") && !first.has("solo_ltr") && !first.has("cut") && cons[0] == 0
                    && first.score() > 20) {
                int ltr = Integer.parseInt(f.tsv.get(first.name()).get("ltr_length"));
                String seq = s.toString();
                if (!seq.substring(0, ltr).equals(seq.substring(seq.length() - ltr))) {
                    ltrPairsDiffering++;
                }
            }
            if (first.has("tsd")) {
                int t = Integer.parseInt(first.attributes().get("tsd"));
                assertEquals(f.bases(first.contig(), first.start() - t, first.start()),
                        f.bases(last.contig(), last.end(), last.end() + t));
                tsds++;
            }
        }
        assertTrue(diverged > 50, diverged + " diverged copies");
        assertTrue(ltrPairsDiffering > 3, ltrPairsDiffering + " LTR copies whose two LTRs differ");
        assertTrue(tsds > 50, tsds + " TSDs");
        // the table's mean divergence is the copies' (score = events per thousand bases)
        double tableMean = 0;
        int copies = 0;
        for (Map<String, String> row : f.tsv.values()) {
            if (row.get("name").startsWith("fam") && !row.get("mean_divergence").equals("NA")) {
                tableMean += Double.parseDouble(row.get("mean_divergence")) * Integer.parseInt(row.get("copies"));
                copies += Integer.parseInt(row.get("copies"));
            }
        }
        assertEquals(interspersed, copies);
        assertEquals(tableMean / copies, scoreSum / interspersed / 1000, 0.002);
        assertTrue(tableMean / copies > 0.02 && tableMean / copies < 0.2, "mean divergence " + tableMean / copies);
    }
}
