package org.reprise.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprise.genome.ContigDictionary;
import org.reprise.partition.Chunk;
import org.reprise.partition.GenomePartitioner;
import org.reprise.partition.PartitionPlan;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.List;

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
    void shuffleWithKryoCountsAndSums() {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            numbers.add(i);
        }
        List<Tuple2<Integer, Long>> sums = sc.parallelize(numbers, 2)
                .mapToPair(i -> new Tuple2<>(i % 2, (long) i))
                .reduceByKey(Long::sum, 2)
                .collect();
        long total = 0;
        for (Tuple2<Integer, Long> t : sums) {
            total += t._2;
        }
        assertEquals(2, sums.size());
        assertEquals(500_500L, total);
    }

    @Test
    void thePlanBroadcastsAndEachTaskFindsItsChunks() {
        PartitionPlan plan = GenomePartitioner.withPartitions(3, 50)
                .partition(ContigDictionary.of("g", List.of("a", "b", "c", "d"), new long[] {1_000, 400, 250, 77}));
        Broadcast<PartitionPlan> shared = sc.broadcast(plan);
        List<Integer> ids = List.of(0, 1, 2);
        // each task reads its own partition of the broadcast plan and checks its chunks' owner
        List<String> problems = sc.parallelize(ids, 3).flatMap(p -> {
            PartitionPlan pl = shared.value();
            List<String> out = new ArrayList<>();
            for (Chunk c : pl.partition(p)) {
                if (pl.ownerPartition(c.contigIndex(), c.coreStart()) != p) {
                    out.add(c + " is not owned by partition " + p);
                }
            }
            return out.iterator();
        }).collect();
        assertTrue(problems.isEmpty(), problems.toString());
        long owned = sc.parallelize(ids, 3).map(p -> shared.value().ownedBases(p)).reduce(Long::sum);
        assertEquals(1_727, owned);
        shared.destroy();
    }
}
