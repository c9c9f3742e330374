package org.reprise.discover;

import org.junit.jupiter.api.Test;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.params.Parameters;
import org.reprise.testing.Sequences;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The family loop's paths that only run by chance in a normal run, forced here, each shown to have
 * run (a counter) and to leave the output as the plain one-thread run makes it:
 * <ul>
 *   <li>drafts made ahead that turn stale (an earlier family masks some of the seed's copies before
 *       its turn) and drafts made ahead that are used: forced deterministically by drafting ahead
 *       with one thread, where every draft ahead is made at once on the calling thread;</li>
 *   <li>the split path (a family of 256 copies or more has its two sides and its elements split
 *       among the workers), with two threads, on the simulated genome's 400-copy family.</li>
 * </ul>
 */
class FamilyLoopPathsTest {
    private static Genome simulated() throws IOException {
        byte[] fa = Sequences.simulatedGenome(new Random(2026)).getBytes(StandardCharsets.US_ASCII);
        return FastaGenomeReader.parse(new ByteArrayInputStream(fa), "sim.fa");
    }

    @Test
    void draftsMadeAheadThatTurnStaleAreDraftedAgain() throws IOException {
        Genome genome = simulated();
        DiscoveryResult plain = Discovery.run(genome, Parameters.defaults(), null);
        DiscoveryResult ahead = Discovery.run(genome, Parameters.defaults(), null, 8);
        assertEquals(0L, plain.familyLoopCounters().get("drafts_ahead_used"));
        assertTrue(ahead.familyLoopCounters().get("drafts_ahead_stale") > 0, ahead.familyLoopCounters().toString());
        assertTrue(ahead.familyLoopCounters().get("drafts_ahead_used") > 0, ahead.familyLoopCounters().toString());
        assertSameOutputs(plain, ahead);
    }

    @Test
    void familiesOf256CopiesOrMoreAreSplitAmongTheWorkers() throws IOException {
        Genome genome = simulated();
        DiscoveryResult one = Discovery.run(genome, Parameters.defaults(), null);
        DiscoveryResult two = Discovery.run(genome, Parameters.builder().threads(2).build(), null);
        assertEquals(0L, one.familyLoopCounters().get("families_split"));
        assertTrue(two.familyLoopCounters().get("families_split") > 0, two.familyLoopCounters().toString());
        assertSameOutputs(one, two);
    }

    private static void assertSameOutputs(DiscoveryResult expected, DiscoveryResult actual) throws IOException {
        assertTrue(ReferenceFiles.reprof(expected).contains(">R=1,"), "too few families to be a test");
        assertEquals(ReferenceFiles.reprof(expected), ReferenceFiles.reprof(actual));
        assertEquals(ReferenceFiles.bed(expected), ReferenceFiles.bed(actual));
        assertEquals(ReferenceFiles.freq(expected), ReferenceFiles.freq(actual));
        assertEquals(expected.reportedMask().cardinality(), actual.reportedMask().cardinality());
    }
}
