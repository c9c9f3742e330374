package org.reprise.spark.seeds;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.reprise.discover.Parameters;
import org.reprise.index.KmerCodec;
import org.reprise.spark.partition.Chunk;
import org.reprise.spark.partition.ContigTable;
import org.reprise.spark.partition.PartitionSequences;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Genome-wide seed candidates (section 2 of ALGORITHM.md, {@code -dist 0}), counted across all
 * partitions: every partition emits the canonical k-mer of each position it owns (the chunk core
 * rule, so each position once), shuffled by canonical k-mer; each reducer then holds all
 * occurrences of its k-mer pairs on both strands and applies local-core's rules: complexity,
 * tandem filter (a copy less than tandemdist after the previous one on the same contig is
 * dropped), count = forward + reverse copies, representative = the side occurring first. The
 * result is sorted by rank with a range partitioner, ready for the driver's pre-masking pass.
 *
 * <p>Shuffle: 16 bytes per valid base (fly chr2R: 340 MB), in one block per (map, reduce) pair.
 */
public final class SeedCounting {
    private SeedCounting() {
    }

    /** Candidates with count >= minfreq, sorted by rank (count descending, position ascending). */
    public static JavaPairRDD<RankKey, Candidate> rank(JavaRDD<PartitionSequences> sequences,
                                                        Broadcast<ContigTable> contigs, int k, Parameters p,
                                                        int reducers) {
        JavaPairRDD<Integer, KmerBlock> blocks = sequences.flatMapToPair(seq -> emit(seq, k, reducers));
        JavaRDD<Candidate> candidates = blocks.partitionBy(new IndexPartitioner(reducers)).values()
                .mapPartitions(it -> count(it, k, p, contigs.value()));
        return candidates.mapToPair(c -> new Tuple2<>(c.rankKey(), c)).sortByKey(true, reducers);
    }

    /** One partition's owned k-mers, grouped by reducer. */
    static Iterator<Tuple2<Integer, KmerBlock>> emit(PartitionSequences seq, int k, int reducers) {
        KmerCodec codec = new KmerCodec(k);
        LongArrayList[] codes = new LongArrayList[reducers];
        LongArrayList[] positions = new LongArrayList[reducers];
        for (int r = 0; r < reducers; r++) {
            codes[r] = new LongArrayList();
            positions[r] = new LongArrayList();
        }
        for (int j = 0; j < seq.chunkCount(); j++) {
            Chunk c = seq.chunk(j);
            byte[] bases = seq.codes(j);
            long contigStart = seq.contigStart(j);
            long last = Math.min(c.coreEnd(), c.contigLength() - k + 1);
            for (long q = c.coreStart(); q < last; q++) {
                long code = codec.encode(bases, (int) (q - c.paddedStart()));
                if (code < 0) {
                    continue;
                }
                long rc = codec.reverseComplement(code);
                long canonical = Math.min(code, rc);
                int r = reducerOf(canonical, reducers);
                codes[r].add(canonical);
                positions[r].add(((contigStart + q) << 1) | (code == canonical ? 0 : 1));
            }
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

    static int reducerOf(long canonical, int reducers) {
        long h = canonical * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int) Long.remainderUnsigned(h, reducers);
    }

    /** One reducer: all occurrences of its k-mer pairs, to candidates (exact copies). */
    static Iterator<Candidate> count(Iterator<KmerBlock> blocks, int k, Parameters p, ContigTable contigs) {
        KmerCodec codec = new KmerCodec(k);
        List<Candidate> out = new ArrayList<>();
        forEachPair(blocks, k, p.minFreq, (c, a, na, firstA, b, nb, firstB) -> {
            if (!codec.complexEnough(c)) {
                return;
            }
            Candidate candidate = candidate(codec, c, a, na, firstA, b, nb, firstB, p, contigs);
            if (candidate != null) {
                out.add(candidate);
            }
        });
        return out.iterator();
    }

    /** What {@link #forEachPair} hands over: a canonical k-mer and the sorted positions of each side. */
    interface PairVisitor {
        /**
         * {@code a[0..na)}: where the genome reads c (or, with neighbours, copies of c);
         * {@code b[0..nb)}: the same for its reverse complement; {@code firstA}, {@code firstB}:
         * each side's first exact occurrence, MAX_VALUE when the side never occurs.
         */
        void visit(long canonical, long[] a, int na, long firstA, long[] b, int nb, long firstB);
    }

    /**
     * Merges a reducer's k-mer blocks and visits every canonical k-mer with at least
     * {@code minRaw} occurrences (a palindrome's count twice); the arrays are reused between visits.
     */
    static void forEachPair(Iterator<KmerBlock> blocks, int k, int minRaw, PairVisitor visitor) {
        List<KmerBlock> all = new ArrayList<>();
        int n = 0;
        while (blocks.hasNext()) {
            KmerBlock blk = blocks.next();
            all.add(blk);
            n += blk.size();
        }
        long[] canonical = new long[n];
        long[] ps = new long[n];
        int at = 0;
        for (KmerBlock blk : all) {
            System.arraycopy(blk.canonical, 0, canonical, at, blk.size());
            System.arraycopy(blk.positionStrand, 0, ps, at, blk.size());
            at += blk.size();
        }
        all.clear();
        forEachPair(canonical, ps, false, k, minRaw, visitor);
    }

    /**
     * Sorts {@code (canonical, tagged)} pairs and visits each canonical k-mer with at least
     * {@code minRaw} positions (a palindrome's count twice). A tagged value is
     * {@code position << 1 | side}, or, when {@code exactTag}, {@code position << 2 | exact << 1 |
     * side}, where exact marks the k-mer's own occurrences among its neighbours' (without the tag
     * every position is the k-mer's own).
     */
    static void forEachPair(long[] canonical, long[] tagged, boolean exactTag, int k, int minRaw, PairVisitor visitor) {
        int n = canonical.length;
        int shift = exactTag ? 2 : 1;
        LongArrays.radixSort(canonical, tagged);
        KmerCodec codec = new KmerCodec(k);
        long[] a = new long[16];
        long[] b = new long[16];
        for (int s = 0; s < n; ) {
            int e = s;
            while (e < n && canonical[e] == canonical[s]) {
                e++;
            }
            long c = canonical[s];
            boolean palindrome = codec.reverseComplement(c) == c;
            int raw = palindrome ? 2 * (e - s) : e - s;
            if (raw >= minRaw) {
                if (a.length < e - s) {
                    a = new long[e - s];
                    b = new long[e - s];
                }
                int na = 0, nb = 0;
                long firstA = Long.MAX_VALUE, firstB = Long.MAX_VALUE;
                for (int i = s; i < e; i++) {
                    long position = tagged[i] >>> shift;
                    boolean exact = !exactTag || (tagged[i] & 2) != 0;
                    // Sorted by position within a k-mer: the first exact one seen is the first.
                    if ((tagged[i] & 1) == 0) {
                        a[na++] = position;
                        if (exact && firstA == Long.MAX_VALUE) {
                            firstA = position;
                        }
                    } else {
                        b[nb++] = position;
                        if (exact && firstB == Long.MAX_VALUE) {
                            firstB = position;
                        }
                    }
                }
                visitor.visit(c, a, na, firstA, b, nb, firstB);
            }
            s = e;
        }
    }

    /**
     * The candidate of canonical k-mer c, or null below minfreq: {@code a} and {@code b} hold the
     * sorted copies of c and of its reverse complement (within dist mismatches; modified by the
     * tandem filter), {@code firstA} and {@code firstB} their exact first occurrences, which decide
     * the representative side (MAX_VALUE when a side never occurs).
     */
    static Candidate candidate(KmerCodec codec, long c, long[] a, int na, long firstA, long[] b, int nb, long firstB,
                               Parameters p, ContigTable contigs) {
        boolean palindrome = codec.reverseComplement(c) == c;
        int fa = tandemFilter(a, na, p.tandemDist, contigs);
        int fb = palindrome ? fa : tandemFilter(b, nb, p.tandemDist, contigs);
        int count = fa + fb;
        if (count < p.minFreq) {
            return null;
        }
        long[] la = Arrays.copyOf(a, fa);
        long[] lb = palindrome ? la : Arrays.copyOf(b, fb);
        if (firstB < firstA) {
            return new Candidate(codec.reverseComplement(c), count, firstB, lb, la);
        }
        return new Candidate(c, count, firstA, la, lb);
    }

    /** local-core's tandem filter over sorted genome positions; returns the new length. */
    static int tandemFilter(long[] sorted, int n, int tandemDist, ContigTable contigs) {
        if (tandemDist == 0 || n < 2) {
            return n;
        }
        int w = 1;
        long prev = sorted[0];
        for (int i = 1; i < n; i++) {
            long q = sorted[i];
            if (!(q - prev < tandemDist && contigs.sameContig(prev, q))) {
                sorted[w++] = q;
            }
            prev = q;
        }
        return w;
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
