package org.reprise.spark;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprise.spark.partition.Chunk;
import org.reprise.spark.partition.ChunkPartitioner;
import org.reprise.spark.partition.GenomePartitioner;
import org.reprise.spark.partition.PartitionPlan;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One small Spark context in local[2], Kryo with registration required, as conf/spark-defaults.conf. */
class SparkLocalTest {
    static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = SparkTesting.context("local[2]", "SparkLocalTest");
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    @Test
    void smokeTestCountsAndSums() {
        assertArrayEquals(new long[] {1000, SparkSmokeTest.EXPECTED_SUM, 2}, SparkSmokeTest.run(sc));
    }

    @Test
    void chunksShuffleToTheirPlannedPartitionsAndThePlanBroadcasts() {
        PartitionPlan plan = GenomePartitioner.withPartitions(3, 50)
                .partition(List.of("a", "b", "c", "d"), new long[] {1_000, 400, 250, 77});
        List<Tuple2<Chunk, Long>> pairs = new ArrayList<>();
        for (Chunk c : plan.chunks()) {
            pairs.add(new Tuple2<>(c, c.coreLength()));
        }
        Broadcast<PartitionPlan> shared = sc.broadcast(plan);
        JavaPairRDD<Chunk, Long> laidOut = sc.parallelizePairs(pairs, 2).partitionBy(new ChunkPartitioner(plan));
        // each task checks, against the broadcast plan, that it holds exactly its partition's chunks
        List<String> problems = laidOut.mapPartitionsWithIndex((index, it) -> {
            PartitionPlan p = shared.value();
            List<Chunk> seen = new ArrayList<>();
            it.forEachRemaining(t -> seen.add(t._1()));
            seen.sort(null);
            List<String> out = new ArrayList<>();
            if (!seen.equals(p.partition(index))) {
                out.add("partition " + index + " holds " + seen + " not " + p.partition(index));
            }
            return out.iterator();
        }, true).collect();
        assertTrue(problems.isEmpty(), problems.toString());
        long owned = laidOut.values().reduce(Long::sum);
        assertEquals(1_727, owned);
        shared.destroy();
    }
}
