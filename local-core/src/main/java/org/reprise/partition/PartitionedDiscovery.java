package org.reprise.partition;

import org.reprise.discover.Family;
import org.reprise.discover.ProgressListener;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.SeedTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The partitioned strategy on one machine (docs/ALGORITHM.md, partitioned strategy): the genome is
 * cut into partitions (contigs bin-packed, long ones cut into chunks padded by
 * {@link GenomePartitioner#paddingFor}), seeds are counted genome-wide without an index
 * ({@link GenomeWideSeeds}), each partition runs the engine on its own chunks with its own masks
 * and the run's threads ({@link PartitionDiscovery}), one after the other so that memory stays
 * that of one partition, and the {@link Reconciliation} makes one library of what they found.
 * For genomes of any size: positions are longs, one partition stays below 2^31 bases.
 */
public final class PartitionedDiscovery {
    private PartitionedDiscovery() {
    }

    /** Everything a partitioned run produced, for the writers and the summary. */
    public record Result(ContigDictionary contigs, Parameters parameters, PartitionPlan plan, List<Family> families,
                         Bitmask reportedMask, SeedTable genomeWideSeeds, Map<String, Object> figures,
                         Map<String, Double> seconds) {
        public long elementCount() {
            long n = 0;
            for (Family f : families) {
                n += f.elementFreq();
            }
            return n;
        }
    }

    /**
     * @param contigs        the genome's contigs
     * @param bases          its bases, by position
     * @param params         the parameters, k resolved
     * @param partitionSize  target bases per partition
     */
    public static Result run(ContigDictionary contigs, BasesSource bases, Parameters params, long partitionSize,
                             Workers workers, ProgressListener progress) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        int k = params.k;
        PartitionPlan plan = GenomePartitioner.withTargetSize(partitionSize, GenomePartitioner.paddingFor(params, k))
                .partition(contigs);
        figures.put("partitions", plan.partitionCount());
        figures.put("partition_size", partitionSize);
        figures.put("padding", plan.padding());

        long t = System.nanoTime();
        // Batches of genome-wide counting: each holds 16 bytes per occurrence; about a partition's worth.
        int batches = (int) Math.max(workers.threads(), Math.min(4096, contigs.length() / Math.max(1, partitionSize) + 1));
        progress.phase(String.format(Locale.ROOT, "genome-wide seed counts (%d batches over %,d bases)", batches,
                contigs.length()));
        GenomeWideSeeds global = GenomeWideSeeds.count(plan, bases, params, k, batches, workers);
        figures.put("genome_wide_candidates", global.size());
        figures.put("genome_wide_table_bytes", global.memoryBytes());
        t = lap(seconds, "genome-wide counts", t);

        List<PartitionResult> parts = new ArrayList<>(plan.partitionCount());
        long heldMax = 0;
        List<Object> perPartition = new ArrayList<>();
        for (int p = 0; p < plan.partitionCount(); p++) {
            if (plan.partition(p).isEmpty()) {
                continue;
            }
            PartitionGenome part;
            try {
                part = PartitionGenome.read(plan, p, bases);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            heldMax = Math.max(heldMax, part.bases());
            progress.phase(String.format(Locale.ROOT, "partition %d of %d: %,d bases in %d chunks", p + 1,
                    plan.partitionCount(), part.bases(), part.chunkCount()));
            PartitionResult r = PartitionDiscovery.run(part, params, global, workers, progress);
            parts.add(r);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("partition", p);
            one.put("bases", part.bases());
            one.putAll(r.counters());
            one.put("seconds", r.seconds());
            perPartition.add(one);
        }
        figures.put("largest_partition_bases", heldMax);
        t = lap(seconds, "partitions", t);

        progress.phase("reconciliation of " + parts.size() + " partitions");
        Reconciliation.Library library = Reconciliation.run(plan, parts, bases, params, workers, batches, progress);
        figures.put("reconciliation", library.counters());
        figures.put("per_partition", perPartition);
        lap(seconds, "reconciliation", t);
        return new Result(contigs, params, plan, library.families(), library.reportedMask(), global.asSeedTable(),
                figures, seconds);
    }

    private static long lap(Map<String, Double> seconds, String phase, long since) {
        long now = System.nanoTime();
        seconds.put(phase, (now - since) / 1e9);
        return now;
    }
}
