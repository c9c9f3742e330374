package org.reprise.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The smallest real Spark job: counts and sums 1..1000 in 2 partitions, through a shuffle, and
 * checks the answer. It proves a deployment works (driver, executors, shuffle, Kryo settings,
 * the application jar on the executors' class path) before the real job is tried there:
 * {@code ./submit.sh --class org.reprise.spark.SparkSmokeTest --master spark://127.0.0.1:7077}.
 * Exit code 0 and "smoke test ok" on success, 1 otherwise. The master comes from
 * {@code spark.master} (set by spark-submit or submit.sh), else {@code local[2]}.
 */
public final class SparkSmokeTest {
    /** Sum of 1..1000. */
    static final long EXPECTED_SUM = 500_500L;

    private SparkSmokeTest() {
    }

    public static void main(String[] args) {
        SparkConf conf = new SparkConf().setAppName("reprise smoke test").setIfMissing("spark.master", "local[2]");
        long[] result;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setJobDescription("smoke test: count and sum 1..1000 in 2 partitions");
            result = run(sc);
        }
        boolean ok = result[0] == 1000 && result[1] == EXPECTED_SUM && result[2] == 2;
        System.out.println("count=" + result[0] + " sum=" + result[1] + " partitions=" + result[2]
                + (ok ? " smoke test ok" : " smoke test FAILED"));
        System.exit(ok ? 0 : 1);
    }

    /** {count, sum, number of partitions after the shuffle} of 1..1000. */
    static long[] run(JavaSparkContext sc) {
        List<Integer> numbers = IntStream.rangeClosed(1, 1000).boxed().collect(Collectors.toList());
        var rdd = sc.parallelize(numbers, 2);
        long count = rdd.count();
        // a shuffle, so executors exchange blocks through the configured serializer
        var byParity = rdd.mapToPair(i -> new scala.Tuple2<>(i % 2, (long) i)).reduceByKey(Long::sum, 2);
        long sum = byParity.values().reduce(Long::sum);
        return new long[] {count, sum, byParity.getNumPartitions()};
    }
}
