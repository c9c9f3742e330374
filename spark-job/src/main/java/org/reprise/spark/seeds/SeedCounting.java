package org.reprise.spark.seeds;

import org.reprise.spark.FaultInjection;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.reprise.genome.ContigDictionary;
import org.reprise.index.KmerCodec;
import org.reprise.params.Parameters;
import org.reprise.seeds.Candidate;
import org.reprise.seeds.KmerOccurrences;
import org.reprise.seeds.TandemFilter;
import org.reprise.mask.MaskRuns;
import org.reprise.mask.RangeMask;
import org.reprise.partition.GenomeWideSeeds;
import org.reprise.partition.PartitionGenome;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Genome-wide seed candidates ({@code -dist 0}), counted across all partitions: every partition
 * emits the canonical k-mer of each position it owns ({@link KmerOccurrences#forEachOwned}),
 * shuffled by canonical k-mer; each reducer then holds all occurrences of its k-mer pairs on both
 * strands and applies local-core's candidate rules ({@link KmerOccurrences#candidate}). The result
 * is sorted by rank, ready for the driver's pre-masking pass.
 *
 * <p>Shuffle: 16 bytes per valid base (fly chr2R: 340 MB), in one block per (map, reduce) pair.
 */
public final class SeedCounting {
    private SeedCounting() {
    }

    /** Candidates with count >= minfreq, sorted by rank (count descending, position ascending). */
    public static JavaPairRDD<RankKey, Candidate> rank(JavaRDD<PartitionGenome> sequences,
                                                        Broadcast<ContigDictionary> contigs, int k, Parameters p,
                                                        int reducers) {
        JavaRDD<Candidate> candidates = shuffled(sequences, k, reducers)
                .mapPartitions(it -> {
                    Iterator<Candidate> counted = count(it, k, p, contigs.value(), null);
                    FaultInjection.at("counting"); // after the reducer's work, before its result
                    return counted;
                });
        return candidates.mapToPair(c -> new Tuple2<>(RankKey.of(c), c)).sortByKey(true, reducers);
    }

    /**
     * The genome-wide candidates of the partitioned strategy: the same counting, each reducer's
     * candidates kept without their copies, collected on the driver as local-core's table (the same
     * table {@code GenomeWideSeeds.count} makes on one machine).
     */
    public static GenomeWideSeeds table(JavaRDD<PartitionGenome> sequences, Broadcast<ContigDictionary> contigs, int k,
                                        Parameters p, int reducers) {
        List<Candidate[]> parts = shuffled(sequences, k, reducers)
                .mapPartitions(it -> {
                    List<Candidate> out = new ArrayList<>();
                    for (Iterator<Candidate> c = count(it, k, p, contigs.value(), null); c.hasNext(); ) {
                        Candidate x = c.next();
                        out.add(new Candidate(x.code(), x.count(), x.position(), NO_COPIES, NO_COPIES));
                    }
                    FaultInjection.at("counting"); // after the reducer's work, before its result
                    return List.<Candidate[]>of(out.toArray(new Candidate[0])).iterator();
                }).collect();
        return GenomeWideSeeds.of(k, parts);
    }

    /**
     * The genome-wide pass's seeds: every candidate with minfreq copies that the mask (the kept
     * families' elements, as runs) leaves free, with those copies, in rank order, as
     * {@code GenomeWideSeeds.unmaskedCandidates} finds them on one machine.
     */
    public static List<Candidate> unmasked(JavaRDD<PartitionGenome> sequences, Broadcast<ContigDictionary> contigs, int k,
                                           Parameters p, int reducers, Broadcast<long[]> maskRuns) {
        List<Candidate> all = new ArrayList<>(shuffled(sequences, k, reducers)
                .mapPartitions(it -> count(it, k, p, contigs.value(), MaskRuns.of(maskRuns.value()))).collect());
        all.sort((x, y) -> x.ranksBefore(y) ? -1 : y.ranksBefore(x) ? 1 : 0);
        return all;
    }

    private static final long[] NO_COPIES = new long[0];

    /** Every owned k-mer occurrence, shuffled by canonical k-mer to its reducer. */
    private static JavaRDD<KmerBlock> shuffled(JavaRDD<PartitionGenome> sequences, int k, int reducers) {
        return sequences.flatMapToPair(seq -> emit(seq, k, reducers)).partitionBy(new IndexPartitioner(reducers)).values();
    }

    /** One partition's owned k-mers, grouped by reducer. */
    static Iterator<Tuple2<Integer, KmerBlock>> emit(PartitionGenome seq, int k, int reducers) {
        KmerCodec codec = new KmerCodec(k);
        LongArrayList[] codes = new LongArrayList[reducers];
        LongArrayList[] positions = new LongArrayList[reducers];
        for (int r = 0; r < reducers; r++) {
            codes[r] = new LongArrayList();
            positions[r] = new LongArrayList();
        }
        for (int j = 0; j < seq.chunkCount(); j++) {
            KmerOccurrences.forEachOwned(seq.chunk(j), seq.codes(j), seq.contigStart(j), codec, (canonical, tagged) -> {
                int r = KmerOccurrences.batchOf(canonical, reducers);
                codes[r].add(canonical);
                positions[r].add(tagged);
            });
        }
        List<Tuple2<Integer, KmerBlock>> out = new ArrayList<>();
        for (int r = 0; r < reducers; r++) {
            if (!codes[r].isEmpty()) {
                out.add(new Tuple2<>(r, new KmerBlock(codes[r].toLongArray(), positions[r].toLongArray())));
                codes[r] = positions[r] = null;
            }
        }
        return out.iterator();
    }

    /**
     * One reducer: all occurrences of its k-mer pairs, to candidates (exact copies); with a mask,
     * each keeps only the copies it leaves free and is kept when they are minfreq.
     */
    static Iterator<Candidate> count(Iterator<KmerBlock> blocks, int k, Parameters p, ContigDictionary contigs,
                                     RangeMask mask) {
        KmerCodec codec = new KmerCodec(k);
        TandemFilter tandem = new TandemFilter(p.tandemDist, contigs);
        List<Candidate> out = new ArrayList<>();
        long[][] columns = KmerBlock.concat(blocks);
        KmerOccurrences.forEachPair(columns[0], columns[1], false, k, p.minFreq, (c, a, na, firstA, b, nb, firstB) -> {
            Candidate candidate = KmerOccurrences.candidate(codec, c, a, na, firstA, b, nb, firstB, p.minFreq, tandem);
            if (candidate != null && mask != null) {
                candidate = GenomeWideSeeds.unmasked(candidate, mask, k);
            }
            if (candidate != null) {
                out.add(candidate);
            }
        });
        return out.iterator();
    }

    /** Sends key i to partition i: the map side already grouped its records by reducer. */
    static final class IndexPartitioner extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;

        IndexPartitioner(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IndexPartitioner ip && ip.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }
}
