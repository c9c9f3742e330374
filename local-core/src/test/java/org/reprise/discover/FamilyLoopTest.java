package org.reprise.discover;

import org.junit.jupiter.api.Test;
import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.extend.SeedCopies;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.index.KmerIndex;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.CopyFinder;
import org.reprise.seeds.PreMasking;
import org.reprise.seeds.SeedCandidates;
import org.reprise.seeds.SeedTable;
import org.reprise.testing.Sequences;
import org.reprise.util.LongBuffer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The family loop on its own, with drafters written for the test: whatever a drafter hands out
 * ahead, the loop commits only drafts made from the seed's present copies; a drafter that drafts
 * from other copies is caught; a loop fed stored copy lists (the Spark driver's way) commits what
 * one fed by the index does.
 */
class FamilyLoopTest {
    private static Genome simulated() throws IOException {
        byte[] fa = Sequences.simulatedGenome(new Random(2026)).getBytes(StandardCharsets.US_ASCII);
        return FastaGenomeReader.parse(new ByteArrayInputStream(fa), "sim.fa");
    }

    /** Drafts on this thread, and hands out ahead whatever {@link #ahead} makes of the seed's draft. */
    private static class TestDrafter implements Drafter {
        final Genome genome;
        final Parameters params;
        final int k;
        final List<Long> draftedNow = new ArrayList<>();

        TestDrafter(Genome genome, Parameters params, int k) {
            this.genome = genome;
            this.params = params;
            this.k = k;
        }

        Draft draftOf(long[] f, long[] r) {
            long[] pos = new long[f.length + r.length];
            boolean[] rev = new boolean[pos.length];
            System.arraycopy(f, 0, pos, 0, f.length);
            System.arraycopy(r, 0, pos, f.length, r.length);
            Arrays.fill(rev, f.length, pos.length, true);
            return new Drafting(params).draft(new SeedCopies(genome, k, pos, rev), f, r, new ConsensusExtender(params),
                    new ElementAligner(params));
        }

        Draft ahead(long seed, LookAhead loop) {
            return null;
        }

        @Override
        public Draft takeAhead(long seed, LookAhead loop) {
            return ahead(seed, loop);
        }

        @Override
        public Draft draftNow(long seed, long[] forward, long[] reverse, LookAhead loop) {
            draftedNow.add(seed);
            return draftOf(forward, reverse);
        }
    }

    private static String reprof(List<Family> families) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        org.reprise.io.LibraryWriters.writeReprof(families, w);
        return w.toString();
    }

    private record Setup(Genome genome, Parameters params, int k, KmerIndex index, SeedTable seeds) {
    }

    private static Setup setup() throws IOException {
        Genome g = simulated();
        Parameters p = Parameters.defaults();
        int k = p.kFor(g.dictionary());
        KmerIndex index = KmerIndex.build(g, k);
        try (Workers w = new Workers(1)) {
            SeedCandidates.Ranked ranked = SeedCandidates.rank(index, p, null, w);
            return new Setup(g, p, k, index, SeedCandidates.premask(index, p, ranked, null, w));
        }
    }

    private static FamilyLoop loop(Setup s, CopySource copies, Drafter drafter) {
        return new FamilyLoop(s.genome.dictionary(), s.params, s.k, s.seeds, copies, drafter, null);
    }

    @Test
    void draftsHandedOutFromOtherCopiesAreNeverCommitted() throws IOException {
        Setup s = setup();
        TestDrafter plain = new TestDrafter(s.genome, s.params, s.k);
        FamilyLoop reference = loop(s, new IndexCopies(s.index, 0, s.params.tandemDist), plain);
        String expected = reprof(reference.run());
        assertTrue(expected.contains(">R=1,"), "too few families to be a test");

        // Ahead: a draft of the right seed, but made as if its last copy were gone.
        TestDrafter stale = new TestDrafter(s.genome, s.params, s.k) {
            final LongBuffer f = new LongBuffer(), r = new LongBuffer();

            @Override
            Draft ahead(long seed, LookAhead loop) {
                loop.unmaskedCopies(seed, f, r);
                long[] fw = f.toArray();
                return fw.length < 2 ? null : draftOf(Arrays.copyOf(fw, fw.length - 1), r.toArray());
            }
        };
        FamilyLoop withStale = loop(s, new IndexCopies(s.index, 0, s.params.tandemDist), stale);
        assertEquals(expected, reprof(withStale.run()));
        assertTrue(withStale.counters().get("drafts_ahead_stale") > 0, withStale.counters().toString());
        assertEquals(0L, withStale.counters().get("drafts_ahead_used"));
        assertEquals(reference.reportedMask().cardinality(), withStale.reportedMask().cardinality());

        // Ahead: the right draft; the loop uses every one and drafts nothing at the seeds' turn.
        TestDrafter good = new TestDrafter(s.genome, s.params, s.k) {
            final LongBuffer f = new LongBuffer(), r = new LongBuffer();

            @Override
            Draft ahead(long seed, LookAhead loop) {
                loop.unmaskedCopies(seed, f, r);
                return draftOf(f.toArray(), r.toArray());
            }
        };
        FamilyLoop withGood = loop(s, new IndexCopies(s.index, 0, s.params.tandemDist), good);
        assertEquals(expected, reprof(withGood.run()));
        assertEquals(0L, withGood.counters().get("drafted_at_turn"));
        assertTrue(good.draftedNow.isEmpty());
    }

    @Test
    void aDrafterThatDraftsFromOtherCopiesIsCaught() throws IOException {
        Setup s = setup();
        TestDrafter wrong = new TestDrafter(s.genome, s.params, s.k) {
            @Override
            public Draft draftNow(long seed, long[] forward, long[] reverse, LookAhead loop) {
                return draftOf(forward, new long[0]);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> loop(s, new IndexCopies(s.index, 0, s.params.tandemDist), wrong).run());
        assertTrue(e.getMessage().contains("from other copies"), e.getMessage());
    }

    @Test
    void storedCopyListsGiveWhatTheIndexGives() throws IOException {
        Setup s = setup();
        String expected = reprof(loop(s, new IndexCopies(s.index, 0, s.params.tandemDist),
                new TestDrafter(s.genome, s.params, s.k)).run());
        // The Spark driver's seed table: pre-masking that keeps every seed's copies, no index after it.
        PreMasking pass = new PreMasking(s.genome.length(), s.k, s.params.minFreq, true);
        CopyFinder finder = new CopyFinder(s.index, 0, s.params.tandemDist);
        LongBuffer f = new LongBuffer(), r = new LongBuffer();
        try (Workers w = new Workers(1)) {
            SeedCandidates.Ranked ranked = SeedCandidates.rank(s.index, s.params, null, w);
            for (int i = 0; i < ranked.size(); i++) {
                long code = s.index.kmer(ranked.kmer(i));
                finder.copies(code, f);
                finder.copies(s.index.codec().reverseComplement(code), r);
                long[] fw = f.toArray();
                long[] rv = r.toArray();
                pass.take(code, ranked.count(i), ranked.position(i), fw, fw.length, rv, rv.length);
            }
        }
        SeedTable stored = pass.seeds();
        assertEquals(s.seeds.size(), stored.size());
        Setup storedSetup = new Setup(s.genome, s.params, s.k, s.index, stored);
        assertEquals(expected, reprof(loop(storedSetup, new StoredCopies(stored), new TestDrafter(s.genome, s.params, s.k)).run()));
    }
}
