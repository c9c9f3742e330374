package org.reprise.spark.tasks;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.reprise.discover.ProgressListener;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.partition.Annotation;
import org.reprise.partition.GenomeWideSeeds;
import org.reprise.partition.PartitionDiscovery;
import org.reprise.partition.PartitionGenome;
import org.reprise.partition.PartitionResult;
import org.reprise.partition.PartitionResultCodec;
import org.reprise.spark.FaultInjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The partitioned strategy's main work on the executors: one task per partition runs local-core's
 * {@link PartitionDiscovery} on the partition's chunks, with its own repeat mask and
 * {@code spark.task.cpus} worker threads, ranked by the genome-wide table; the driver gets each
 * partition's families and boundary claims back as bytes.
 */
public final class PartitionTasks {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionTasks.class);

    private PartitionTasks() {
    }

    /**
     * @param sequences the partitions' bases (one record per Spark partition, cached)
     * @param global    the genome-wide candidates, broadcast
     * @param params    the parameters, k resolved
     * @param threads   worker threads of one task ({@code spark.task.cpus})
     * @return every partition's result, in partition order
     */
    public static List<PartitionResult> run(JavaRDD<PartitionGenome> sequences, Broadcast<GenomeWideSeeds> global,
                                            Parameters params, int threads) {
        List<byte[]> encoded = sequences.map(part -> {
            long t = System.nanoTime();
            PartitionResult r;
            try (Workers workers = new Workers(threads)) {
                r = PartitionDiscovery.run(part, params, global.value(), workers, ProgressListener.NONE);
            }
            LOG.info("partition {}: {} bases, {} families in {} s", part.partition(), part.bases(), r.families().size(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t) / 1e9));
            FaultInjection.at("discovery"); // after the partition's work, before its result
            return PartitionResultCodec.encode(r);
        }).collect();
        List<PartitionResult> out = new ArrayList<>(encoded.size());
        for (byte[] b : encoded) {
            out.add(PartitionResultCodec.decode(b));
        }
        out.sort(Comparator.comparingInt(PartitionResult::partition));
        return out;
    }

    /**
     * The annotation of every partition with the ordered library, one task per partition
     * ({@link Annotation#run}), the library broadcast as bytes; results in partition order.
     */
    public static List<Annotation.Result> annotate(JavaSparkContext sc, JavaRDD<PartitionGenome> sequences,
                                                   List<Annotation.Entry> library, Parameters params, int threads) {
        Broadcast<byte[]> shared = sc.broadcast(Annotation.encodeLibrary(library));
        try {
            List<byte[]> encoded = sequences.map(part -> {
                Annotation.Result r;
                try (Workers workers = new Workers(threads)) {
                    r = Annotation.run(part, Annotation.decodeLibrary(shared.value()), params, workers);
                }
                FaultInjection.at("annotation");
                return Annotation.encode(r);
            }).collect();
            List<Annotation.Result> out = new ArrayList<>(encoded.size());
            for (byte[] b : encoded) {
                out.add(Annotation.decode(b));
            }
            out.sort(Comparator.comparingInt(Annotation.Result::partition));
            return out;
        } finally {
            shared.destroy();
        }
    }
}
