package org.reprise.spark.seeds;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.reprise.params.Parameters;
import org.reprise.index.KmerCodec;
import org.reprise.genome.ContigDictionary;
import org.reprise.seeds.Candidate;
import org.reprise.seeds.KmerOccurrences;
import org.reprise.seeds.TandemFilter;
import org.reprise.partition.PartitionGenome;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Genome-wide seed candidates with one-mismatch copies ({@code -dist 1}): a k-mer's copies are the
 * positions of every k-mer within one mismatch of it. Two k-mers one mismatch apart agree once the
 * base where they differ is deleted, so every position of every oriented k-mer is sent to k
 * groups keyed by (the k-mer with base j deleted, j); a group holds at most four k-mers, each a
 * neighbour of the others, and each receives the others' positions under its canonical k-mer
 * (an orientation that never occurs is sent as a receiver without positions). Each canonical k-mer
 * then has its own and its neighbours' positions on both sides, and local-core's rules
 * (complexity, tandem filter, representative = the side occurring first exactly) make the
 * candidate: the neighbourhoods local-core's {@code HammingOneTable} finds in k passes over the
 * sorted k-mers, here in one shuffle of primitive blocks.
 *
 * <p>Cost: after the k-mer shuffle, 24 bytes x k per valid base (yeast 1 Mb: 0.3 GB; fly chr2R:
 * 7 GB), then the neighbours' positions. Fine on small genomes; the next step for large ones is to
 * send counts first and positions only for k-mers that can reach minfreq.
 */
public final class NeighbourCounting {
    private NeighbourCounting() {
    }

    public static JavaPairRDD<RankKey, Candidate> rank(JavaRDD<PartitionGenome> sequences,
                                                        Broadcast<ContigDictionary> contigs, int k, Parameters p,
                                                        int reducers) {
        // Every stage here carries about k times the k-mer stage's data: k times its reducers, so a
        // task holds about what a k-mer reducer holds.
        int wide = reducers * k;
        JavaPairRDD<Integer, KmerBlock> byKmer = sequences.flatMapToPair(seq -> SeedCounting.emit(seq, k, wide))
                .partitionBy(new SeedCounting.IndexPartitioner(wide));
        // Stage 2: the deletion groups; stage 3: own and neighbours' positions by canonical k-mer.
        JavaPairRDD<Integer, long[][]> both = byKmer.values()
                .mapPartitions(it -> deletionsAndOwn(it, k, wide))
                .mapToPair(t -> t)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Integer, long[][]> shares = both.filter(t -> t._2.length == 3)
                .partitionBy(new SeedCounting.IndexPartitioner(wide)).values()
                .mapPartitions(it -> shares(it, k, wide))
                .mapToPair(t -> t);
        JavaPairRDD<Integer, long[][]> own = both.filter(t -> t._2.length == 2);
        return own.union(shares).partitionBy(new SeedCounting.IndexPartitioner(wide)).values()
                .mapPartitions(it -> candidates(it, k, p, contigs.value()))
                .mapToPair(c -> new Tuple2<>(RankKey.of(c), c))
                .sortByKey(true, reducers);
    }

    /**
     * From a k-mer reducer: every oriented k-mer's positions to its k deletion groups, as blocks
     * {key, code, position} (position -1: a receiver that never occurs), and its own positions, as
     * blocks {canonical, position << 2 | own << 1 | side}, both by target reducer.
     */
    static Iterator<Tuple2<Integer, long[][]>> deletionsAndOwn(Iterator<KmerBlock> blocks, int k, int reducers) {
        KmerCodec codec = new KmerCodec(k);
        LongArrayList[][] del = new LongArrayList[reducers][];
        LongArrayList[][] own = new LongArrayList[reducers][];
        long[][] kmerColumns = KmerBlock.concat(blocks);
        KmerOccurrences.forEachPair(kmerColumns[0], kmerColumns[1], false, k, 1, (c, a, na, firstA, b, nb, firstB) -> {
            long rc = codec.reverseComplement(c);
            int r = KmerOccurrences.batchOf(c, reducers);
            for (int i = 0; i < na; i++) {
                add(own, r, c, a[i] << 2 | 2);
            }
            for (int i = 0; i < nb; i++) {
                add(own, r, c, b[i] << 2 | 2 | 1);
            }
            for (int j = 0; j < k; j++) {
                sendToGroup(del, reducers, c, j, a, na);
                if (rc != c) {
                    sendToGroup(del, reducers, rc, j, b, nb);
                }
            }
        });
        List<Tuple2<Integer, long[][]>> out = new ArrayList<>();
        for (int r = 0; r < reducers; r++) {
            if (del[r] != null) {
                out.add(new Tuple2<>(r, new long[][] {del[r][0].toLongArray(), del[r][1].toLongArray(), del[r][2].toLongArray()}));
            }
            if (own[r] != null) {
                out.add(new Tuple2<>(r, new long[][] {own[r][0].toLongArray(), own[r][1].toLongArray()}));
            }
        }
        return out.iterator();
    }

    private static void sendToGroup(LongArrayList[][] del, int reducers, long code, int j, long[] pos, int n) {
        long key = deletionKey(code, j);
        int r = KmerOccurrences.batchOf(key, reducers);
        if (del[r] == null) {
            del[r] = new LongArrayList[] {new LongArrayList(), new LongArrayList(), new LongArrayList()};
        }
        if (n == 0) {
            del[r][0].add(key);
            del[r][1].add(code);
            del[r][2].add(-1);
        }
        for (int i = 0; i < n; i++) {
            del[r][0].add(key);
            del[r][1].add(code);
            del[r][2].add(pos[i]);
        }
    }

    private static void add(LongArrayList[][] lists, int r, long key, long value) {
        if (lists[r] == null) {
            lists[r] = new LongArrayList[] {new LongArrayList(), new LongArrayList()};
        }
        lists[r][0].add(key);
        lists[r][1].add(value);
    }

    /** A reducer's blocks of {@code width} parallel columns, concatenated column by column. */
    static long[][] concat(Iterator<long[][]> blocks, int width) {
        List<long[][]> all = new ArrayList<>();
        int n = 0;
        while (blocks.hasNext()) {
            long[][] b = blocks.next();
            all.add(b);
            n += b[0].length;
        }
        long[][] columns = new long[width][n];
        int at = 0;
        for (long[][] b : all) {
            for (int c = 0; c < width; c++) {
                System.arraycopy(b[c], 0, columns[c], at, b[0].length);
            }
            at += b[0].length;
        }
        return columns;
    }

    /** The k-mer with base j (bits 2j..2j+1 of its code) deleted, and j: unique for k <= 30. */
    static long deletionKey(long code, int j) {
        long low = code & ((1L << (2 * j)) - 1);
        long high = code >>> (2 * j + 2);
        return (((high << (2 * j)) | low) << 5) | j;
    }

    /** A deletion reducer: in each group, every k-mer receives the other k-mers' positions. */
    static Iterator<Tuple2<Integer, long[][]>> shares(Iterator<long[][]> blocks, int k, int reducers) {
        long[][] columns = concat(blocks, 3);
        long[] key = columns[0];
        long[] code = columns[1];
        long[] pos = columns[2];
        int n = key.length;
        long[] index = new long[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        LongArrays.radixSort(key, index);
        KmerCodec codec = new KmerCodec(k);
        LongArrayList[][] out = new LongArrayList[reducers][];
        long[] members = new long[4];
        for (int s = 0; s < n; ) {
            int e = s;
            int m = 0;
            while (e < n && key[e] == key[s]) {
                long c = code[(int) index[e]];
                boolean seen = false;
                for (int i = 0; i < m; i++) {
                    seen |= members[i] == c;
                }
                if (!seen) {
                    if (m == members.length) {
                        throw new IllegalStateException("more than four k-mers in one deletion group");
                    }
                    members[m++] = c;
                }
                e++;
            }
            if (m > 1) {
                for (int i = 0; i < m; i++) {
                    long receiver = members[i];
                    long rc = codec.reverseComplement(receiver);
                    long canonical = Math.min(receiver, rc);
                    long side = receiver == canonical ? 0 : 1;
                    int r = KmerOccurrences.batchOf(canonical, reducers);
                    for (int x = s; x < e; x++) {
                        int rec = (int) index[x];
                        if (code[rec] != receiver && pos[rec] >= 0) {
                            add(out, r, canonical, pos[rec] << 2 | side);
                        }
                    }
                }
            }
            s = e;
        }
        List<Tuple2<Integer, long[][]>> result = new ArrayList<>();
        for (int r = 0; r < reducers; r++) {
            if (out[r] != null) {
                result.add(new Tuple2<>(r, new long[][] {out[r][0].toLongArray(), out[r][1].toLongArray()}));
            }
        }
        return result.iterator();
    }

    /** A canonical-k-mer reducer: own and neighbours' positions to candidates. */
    static Iterator<Candidate> candidates(Iterator<long[][]> blocks, int k, Parameters p, ContigDictionary contigs) {
        long[][] columns = concat(blocks, 2);
        KmerCodec codec = new KmerCodec(k);
        List<Candidate> out = new ArrayList<>();
        // Every canonical k-mer here occurs (only occurring k-mers send or receive), as local-core
        // visits only its index's k-mers.
        TandemFilter tandem = new TandemFilter(p.tandemDist, contigs);
        KmerOccurrences.forEachPair(columns[0], columns[1], true, k, p.minFreq, (c, a, na, firstA, b, nb, firstB) -> {
            Candidate cand = KmerOccurrences.candidate(codec, c, a, na, firstA, b, nb, firstB, p.minFreq, tandem);
            if (cand != null) {
                out.add(cand);
            }
        });
        return out.iterator();
    }
}
