package org.reprise.spark.seeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.index.KmerIndex;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.partition.GenomePartitioner;
import org.reprise.partition.PartitionPlan;
import org.reprise.seeds.Candidate;
import org.reprise.seeds.PreMasking;
import org.reprise.seeds.SeedCandidates;
import org.reprise.seeds.SeedTable;
import org.reprise.spark.PartitionsInMemory;
import org.reprise.partition.PartitionGenome;
import org.reprise.testing.Sequences;
import scala.Tuple2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counting stage's map and reduce sides without Spark: every partition's blocks routed to
 * their reducers by hand, each reducer's candidates, pre-masked on the "driver" in rank order:
 * the seed table local-core's index-based ranking and pre-masking give, for several partition
 * and reducer counts.
 */
class SeedCountingTest {
    @TempDir
    Path dir;

    @Test
    void reducersAndPreMaskingGiveLocalCoresSeedTable() throws IOException {
        byte[] fa = Sequences.simulatedGenome(new Random(2026)).getBytes(StandardCharsets.US_ASCII);
        Genome g = FastaGenomeReader.parse(new ByteArrayInputStream(fa), "sim.fa");
        Parameters p = Parameters.defaults();
        int k = p.kFor(g.dictionary());
        SeedTable expected;
        try (Workers w = new Workers(1)) {
            KmerIndex index = KmerIndex.build(g, k);
            expected = SeedCandidates.premask(index, p, SeedCandidates.rank(index, p, null, w), null, w);
        }
        assertTrue(expected.size() > 50, "too few seeds to be a test");
        for (int[] split : new int[][] {{1, 1}, {3, 4}, {7, 9}}) {
            PartitionPlan plan = GenomePartitioner.withPartitions(split[0], GenomePartitioner.paddingFor(p, k))
                    .partition(g.dictionary());
            int reducers = split[1];
            List<List<KmerBlock>> byReducer = new ArrayList<>();
            for (int r = 0; r < reducers; r++) {
                byReducer.add(new ArrayList<>());
            }
            for (PartitionGenome seq : PartitionsInMemory.read(g, plan, dir)) {
                for (Iterator<Tuple2<Integer, KmerBlock>> it = SeedCounting.emit(seq, k, reducers); it.hasNext(); ) {
                    Tuple2<Integer, KmerBlock> t = it.next();
                    byReducer.get(t._1).add(t._2);
                }
            }
            List<Candidate> all = new ArrayList<>();
            for (List<KmerBlock> blocks : byReducer) {
                SeedCounting.count(blocks.iterator(), k, p, g.dictionary(), null).forEachRemaining(all::add);
            }
            all.sort((a, b) -> RankKey.of(a).compareTo(RankKey.of(b)));
            PreMasking pass = new PreMasking(g.length(), k, p.minFreq, true);
            for (Candidate c : all) {
                pass.take(c);
            }
            SeedTable seeds = pass.seeds();
            String where = split[0] + " partitions, " + reducers + " reducers";
            assertEquals(expected.size(), seeds.size(), where);
            for (int i = 0; i < seeds.size(); i++) {
                assertEquals(expected.code(i), seeds.code(i), where + ", seed " + i);
                assertEquals(expected.freq(i), seeds.freq(i), where + ", seed " + i);
                assertEquals(expected.position(i), seeds.position(i), where + ", seed " + i);
            }
        }
    }
}
