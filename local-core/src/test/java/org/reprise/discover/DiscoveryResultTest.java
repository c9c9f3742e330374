package org.reprise.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.params.Parameters;
import org.reprise.testing.CliRuns;

/**
 * What a discovery run reports besides its families (the figures of summary.json and the phases
 * shown as progress), and the room-for-a-family rule of {@link FamilyRoom} at its bounds.
 */
class DiscoveryResultTest {
    @Test
    void theFiguresOfARunAgreeWithItsFamiliesAndMasksAndItsPhasesAreShownInOrder() throws IOException {
        String fasta = CliRuns.planted(7, 12_000, 6);
        Genome genome = FastaGenomeReader.parse(new ByteArrayInputStream(fasta.getBytes(StandardCharsets.US_ASCII)), "p.fa");
        List<String> phases = new ArrayList<>();
        int[] seedsDone = {0};
        ProgressListener progress = new ProgressListener() {
            @Override
            public void phase(String name) {
                phases.add(name.replaceAll(" [(0-9].*", ""));
            }

            @Override
            public void seedDone(int seedsProcessed, int familiesReported, int seedsQueued) {
                seedsDone[0]++;
            }
        };
        DiscoveryResult r = Discovery.run(genome, Parameters.builder().threads(1).build(), progress);
        assertEquals(List.of("index", "seed candidates", "pre-masking", "families"), phases);
        assertTrue(r.families().size() >= 1, "the planted family");
        long elements = 0;
        for (Family f : r.families()) {
            elements += f.elementFreq();
        }
        assertEquals(elements, r.elementCount());
        assertTrue(r.elementCount() >= 6, "six planted copies: " + r.elementCount());
        assertTrue(r.seedsProcessed() >= r.families().size() && r.seedsProcessed() <= r.seeds().size(),
                r.seedsProcessed() + " seeds processed of " + r.seeds().size());
        assertEquals(r.seedsProcessed(), seedsDone[0], "one progress call per seed processed");
        assertTrue(r.repeatMaskedBases() >= r.reportedMask().cardinality() && r.reportedMask().cardinality() > 0,
                r.repeatMaskedBases() + " repeat-masked, " + r.reportedMask().cardinality() + " reported");
        assertTrue(r.indexBytes() >= 4L * 12_000, "an index of " + r.indexBytes() + " bytes");
        assertEquals(List.of("index", "seed candidates", "pre-masking", "families"), List.copyOf(r.phaseSeconds().keySet()));
        assertEquals(r.phaseSeconds().keySet(), r.phaseMemory().keySet());
    }

    private static FastaGenomeReader.Scan scan(String fasta) throws IOException {
        return FastaGenomeReader.scan(new ByteArrayInputStream(fasta.getBytes(StandardCharsets.US_ASCII)), "g.fa",
                new ByteArrayOutputStream());
    }

    @Test
    void aFamilyNeedsARunOfKValidBasesAndAContigOfMinlength() throws IOException {
        Parameters p = Parameters.builder().k(5).minLength(12).build();
        String run5 = ">a\nACGTANACGTNN\n"; // 12 bases, the longest valid run 5
        assertNull(FamilyRoom.whyNone(scan(run5), p), "a run of exactly k and a contig of exactly minlength");
        String none = FamilyRoom.whyNone(scan(">a\nACGTNACGTNAC\n"), p);
        assertTrue(none != null && none.startsWith("g.fa: no valid k-mer (no run of k = 5 A, C, G or T bases; the longest is 4)"), none);
        String allN = FamilyRoom.whyNone(scan(">a\nNNNNNNNNNNNNNNNN\n"), p);
        assertTrue(allN != null && allN.contains("the longest is 0"), allN);
        String shortOnes = FamilyRoom.whyNone(scan(">a\nACGTAC\n>b\nACGTACGTACG\n"), p);
        assertTrue(shortOnes != null && shortOnes.startsWith("g.fa: every contig is shorter than -minlength 12 (the longest has 11 bases)"),
                shortOnes);
    }
}
