package org.reprise.discover;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprise.genome.Genome;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Byte-for-byte fidelity to REPrise 1.0.1 on a real genome: the bundled yeast chrI+chrII against
 * what REPrise printed on it (../shared/reference), with default parameters and with -dist 1.
 */
class YeastReferenceTest {
    private static Genome yeast;
    private static Path reference;

    @BeforeAll
    static void load() {
        yeast = ReferenceFiles.bundledYeast();
        reference = ReferenceFiles.referenceDir();
    }

    @Test
    void defaultParametersGiveREPrisesLibraryAndElements() throws IOException {
        DiscoveryResult r = Discovery.run(yeast, Parameters.defaults(), null);
        assertEquals(12, r.k());
        assertEquals(19, r.families().size());
        assertEquals(ReferenceFiles.gunzip(reference.resolve("reprise_sacCer_chrI_chrII.reprof.gz")), ReferenceFiles.reprof(r));
        assertEquals(ReferenceFiles.repriseBedAsHalfOpen(ReferenceFiles.gunzip(reference.resolve("reprise_sacCer_chrI_chrII.bed.gz"))),
                ReferenceFiles.bed(r));
    }

    @Test
    void dist1GivesREPrisesLibraryAndElements() throws IOException {
        DiscoveryResult r = Discovery.run(yeast, Parameters.builder().dist(1).build(), null);
        assertEquals(14, r.k());
        assertEquals(15, r.families().size());
        assertEquals(ReferenceFiles.gunzip(reference.resolve("reprise_sacCer_chrI_chrII.dist1.reprof.gz")), ReferenceFiles.reprof(r));
        assertEquals(ReferenceFiles.repriseBedAsHalfOpen(ReferenceFiles.gunzip(reference.resolve("reprise_sacCer_chrI_chrII.dist1.bed.gz"))),
                ReferenceFiles.bed(r));
    }

    @Test
    void seedTableHoldsREPrisesAsAPrefix() throws IOException {
        // REPrise drops the last partial block of 1,000 candidates in pre-masking; we keep them, so
        // its table must be ours with some candidates of the last block missing.
        DiscoveryResult r = Discovery.run(yeast, Parameters.defaults(), null);
        String[] ours = ReferenceFiles.freq(r).split("\n");
        String[] theirs = ReferenceFiles.gunzip(reference.resolve("reprise_sacCer_chrI_chrII.freq.gz")).split("\n");
        int i = 0;
        for (String t : theirs) {
            String[] tf = t.split("\t");
            while (i < ours.length && !ours[i].startsWith(tf[0] + "\t" + tf[1] + "\t")) {
                i++;
            }
            assertEquals(true, i < ours.length, "REPrise's seed " + t + " is missing or out of order");
            i++;
        }
        assertEquals(true, ours.length >= theirs.length);
    }
}
