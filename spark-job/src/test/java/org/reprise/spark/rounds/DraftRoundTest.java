package org.reprise.spark.rounds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.discover.Draft;
import org.reprise.discover.Drafting;
import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.extend.SeedCopies;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.index.KmerIndex;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.partition.GenomePartitioner;
import org.reprise.partition.PartitionPlan;
import org.reprise.seeds.CopyFinder;
import org.reprise.seeds.SeedCandidates;
import org.reprise.seeds.SeedTable;
import org.reprise.spark.PartitionsInMemory;
import org.reprise.partition.PartitionGenome;
import org.reprise.testing.Sequences;
import org.reprise.util.LongBuffer;
import scala.Tuple2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drafting round's two sides without Spark: the partitions cut the flanks of the copies they own,
 * the flanks are grouped by seed by hand, and each seed's draft from its flanks is the draft
 * local-core makes on the whole genome, when the radius is full; a radius too short for a draft is
 * reported (null) rather than trusted.
 */
class DraftRoundTest {
    @TempDir
    Path dir;

    @Test
    void draftsFromFlanksEqualDraftsFromTheWholeGenome() throws IOException {
        byte[] fa = Sequences.simulatedGenome(new Random(2026)).getBytes(StandardCharsets.US_ASCII);
        Genome g = FastaGenomeReader.parse(new ByteArrayInputStream(fa), "sim.fa");
        Parameters p = Parameters.defaults();
        int k = p.kFor(g.dictionary());
        KmerIndex index = KmerIndex.build(g, k);
        SeedTable seeds;
        try (Workers w = new Workers(1)) {
            seeds = SeedCandidates.premask(index, p, SeedCandidates.rank(index, p, null, w), null, w);
        }
        CopyFinder finder = new CopyFinder(index, 0, p.tandemDist);
        List<DraftRequest> requests = new ArrayList<>();
        LongBuffer f = new LongBuffer(), r = new LongBuffer();
        for (int i = 0; i < Math.min(40, seeds.size()); i++) {
            finder.copies(seeds.code(i), f);
            finder.copies(index.codec().reverseComplement(seeds.code(i)), r);
            requests.add(new DraftRequest(seeds.code(i), f.toArray(), r.toArray()));
        }
        PartitionPlan plan = GenomePartitioner.withPartitions(3, GenomePartitioner.paddingFor(p, k)).partition(g.dictionary());
        List<PartitionGenome> parts = PartitionsInMemory.read(g, plan, dir);
        RoundPlan round = RoundPlan.of(requests);
        int full = DraftRound.fullRadius(p);
        List<List<Flank>> byRequest = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            byRequest.add(new ArrayList<>());
        }
        for (PartitionGenome seq : parts) {
            for (Iterator<Tuple2<Integer, Flank>> it = DraftRound.cut(seq, round, k, full); it.hasNext(); ) {
                Tuple2<Integer, Flank> t = it.next();
                byRequest.get(t._1).add(t._2);
            }
        }
        Drafting drafting = new Drafting(p);
        int shortOnes = 0;
        for (int i = 0; i < requests.size(); i++) {
            DraftRequest q = requests.get(i);
            Tuple2<Long, Draft> fromFlanks = DraftRound.draft(round, i, byRequest.get(i), p, k, full);
            Draft whole = drafting.draft(reads(g, k, q), q.forward, q.reverse, new ConsensusExtender(p), new ElementAligner(p));
            assertEquals(q.code, (long) fromFlanks._1);
            Draft d = fromFlanks._2;
            assertTrue(d.madeFrom(q.forward, q.reverse));
            assertArrayEquals(whole.elementEnds(), d.elementEnds(), "seed " + i);
            assertArrayEquals(whole.right().bases(), d.right().bases());
            assertArrayEquals(whole.left().bases(), d.left().bases());
            // Flanks of 60 bases: most of these families reach further, and must say so.
            if (DraftRound.draft(round, i, byRequest.get(i), p, k, 60)._2 == null) {
                shortOnes++;
            }
        }
        assertTrue(shortOnes > 0, "no draft needed more than 60 bases: no test of the check");
    }

    private static SeedCopies reads(Genome g, int k, DraftRequest q) {
        long[] pos = new long[q.copies()];
        boolean[] rev = new boolean[pos.length];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = q.position(i);
            rev[i] = i >= q.forward.length;
        }
        return new SeedCopies(g, k, pos, rev);
    }
}
