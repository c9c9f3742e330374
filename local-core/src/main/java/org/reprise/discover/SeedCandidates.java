package org.reprise.discover;

import org.reprise.index.CopyFinder;
import org.reprise.index.HammingOneTable;
import org.reprise.index.IntBuffer;
import org.reprise.index.KmerCodec;
import org.reprise.index.KmerIndex;
import org.reprise.index.PairRadixSort;
import org.reprise.mask.Bitmask;
import org.reprise.parallel.Workers;

import java.util.Arrays;
import java.util.List;

/**
 * Section 2 of the algorithm: which k-mers become seeds, and with what copy count.
 *
 * <ol>
 *   <li>Each k-mer / reverse-complement pair is counted once, under the k-mer found first in the
 *       genome (its representative position), if it is complex enough. Its count is the number of
 *       tandem-filtered copies within dist mismatches of it plus those of its reverse complement.</li>
 *   <li>Candidates with count &gt;= minfreq, by count descending then position ascending, go through
 *       the pre-masking pass: copies touching the k-mer mask are dropped, the rest are added to it,
 *       and the k-mer is a seed if its new count is still &gt;= minfreq. REPrise skips the last
 *       partial block of 1,000 candidates here; we process every candidate.</li>
 * </ol>
 * The result is the seed table in {@code .freq} order: count descending, position ascending.
 */
public final class SeedCandidates implements SeedTable {
    private final int[] freq;
    private final int[] position;
    private final long[] code;

    private SeedCandidates(int[] freq, int[] position, long[] code) {
        this.freq = freq;
        this.position = position;
        this.code = code;
    }

    @Override
    public int size() {
        return freq.length;
    }

    @Override
    public int freq(int i) {
        return freq[i];
    }

    @Override
    public long position(int i) {
        return position[i];
    }

    @Override
    public long code(int i) {
        return code[i];
    }

    /**
     * Candidates in rank order: sort keys {@code (MAX - count) << 32 | position} ascending (count
     * descending, position ascending), each with the index of its k-mer.
     */
    static final class Ranked {
        final long[] keys;
        final int[] kmers;

        Ranked(long[] keys, int[] kmers) {
            this.keys = keys;
            this.kmers = kmers;
        }

        int size() {
            return keys.length;
        }
    }

    /**
     * Counts every representative k-mer and ranks those with count &gt;= minfreq. The k-mers are
     * counted in independent ranges on the workers; the ranking sort makes the result the same
     * whatever the split.
     */
    static Ranked rankCandidates(KmerIndex index, Parameters p, HammingOneTable table, Workers workers) {
        int d = index.distinctKmers();
        int pieces = Math.max(1, Math.min(d / 4096, 16 * workers.threads()));
        List<Ranked> parts = workers.map(pieces, piece -> rankRange(index, p, table,
                (int) ((long) d * piece / pieces), (int) ((long) d * (piece + 1) / pieces)));
        int n = 0;
        for (Ranked r : parts) {
            n += r.size();
        }
        long[] keys = new long[n];
        int[] kmers = new int[n];
        int at = 0;
        for (Ranked r : parts) {
            System.arraycopy(r.keys, 0, keys, at, r.size());
            System.arraycopy(r.kmers, 0, kmers, at, r.size());
            at += r.size();
        }
        PairRadixSort.sort(keys, kmers, n, 63);
        return new Ranked(keys, kmers);
    }

    /** The candidates among the k-mers with index in [from, to), unsorted. */
    private static Ranked rankRange(KmerIndex index, Parameters p, HammingOneTable table, int from, int to) {
        KmerCodec codec = index.codec();
        CopyFinder finder = new CopyFinder(index, p.dist, p.tandemDist);
        IntBuffer scratch = new IntBuffer(256);
        IntBuffer scratch2 = new IntBuffer(256);
        long[] keys = new long[1024];
        int[] kmers = new int[1024];
        int n = 0;
        // With exact copies, a pair reaching minfreq has a side with at least half of them: we
        // visit only such sides, and a pair whose both sides qualify at its representative side.
        // With inexact copies any k-mer may gather enough neighbours, so every pair is visited.
        int half = p.dist == 0 ? (p.minFreq + 1) / 2 : 0;
        int bucket = from < to ? index.bucketOf(from) : 0;
        for (int x = from; x < to; x++) {
            while (x >= index.bucketEnd(bucket)) {
                bucket++;
            }
            int ox = index.occurrenceCount(x);
            if (ox < half) {
                continue;
            }
            long kmer = index.kmerInBucket(bucket, x);
            int first = index.position(index.occurrenceStart(x));
            long rc = codec.reverseComplement(kmer);
            int r = rc == kmer ? x : table != null ? table.reverseComplementIndex(x) : index.indexOf(rc);
            int or = r >= 0 ? index.occurrenceCount(r) : 0;
            int rFirst = r >= 0 ? index.position(index.occurrenceStart(r)) : Integer.MAX_VALUE;
            if (rFirst < first && or >= half) {
                continue; // counted when its reverse complement, which occurs first, is visited
            }
            if (p.dist == 0 && ox + or < p.minFreq) {
                continue; // the tandem filter only lowers counts
            }
            if (table != null && table.bound(x) < p.minFreq) {
                continue;
            }
            if (!codec.complexEnough(kmer)) {
                continue;
            }
            int count;
            if (table != null) {
                table.positions(x, scratch, scratch2);
                count = finder.sortAndFilter(scratch) + finder.sortAndFilter(scratch2);
            } else {
                count = countPair(finder, kmer, rc, p.minFreq, scratch);
            }
            if (count >= p.minFreq) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n * 2);
                    kmers = Arrays.copyOf(kmers, n * 2);
                }
                // The representative is the pair's side that occurs first.
                kmers[n] = rFirst < first ? r : x;
                keys[n++] = sortKey(count, Math.min(first, rFirst));
            }
        }
        return new Ranked(Arrays.copyOf(keys, n), Arrays.copyOf(kmers, n));
    }

    /** Forward plus reverse copies, or a number below minFreq when that is certain early. */
    static int countPair(CopyFinder finder, long kmer, long rc, int minFreq, IntBuffer scratch) {
        int upper = finder.upperBound(kmer) + finder.upperBound(rc);
        if (upper < minFreq) {
            return upper;
        }
        return finder.count(kmer, scratch) + finder.count(rc, scratch);
    }

    static long sortKey(int count, int position) {
        return ((long) (Integer.MAX_VALUE - count) << 32) | position;
    }

    static int keyCount(long key) {
        return Integer.MAX_VALUE - (int) (key >>> 32);
    }

    static int keyPosition(long key) {
        return (int) key;
    }

    /** The pre-masking pass, in rank order; returns the seeds ordered by new count, then position. */
    static SeedCandidates premask(KmerIndex index, Parameters p, Ranked ranked, HammingOneTable table,
                                  Workers workers) {
        int k = index.k();
        Bitmask kmerMask = new Bitmask(index.genome().length());
        long[] kept = new long[ranked.size()];
        int n = 0;
        // The copies of a block of candidates do not depend on the mask: they are gathered in
        // parallel; the mask is then applied in rank order on this thread, as REPrise does.
        final int block = workers.threads() == 1 ? 1 : 4096;
        IntBuffer fwd = new IntBuffer(256);
        IntBuffer rev = new IntBuffer(256);
        CopyGatherer single = new CopyGatherer(index, p, table);
        for (int blockStart = 0; blockStart < ranked.size(); blockStart += block) {
            int blockEnd = Math.min(ranked.size(), blockStart + block);
            int[][] copies = null;
            if (block > 1) {
                int size = blockEnd - blockStart;
                int pieces = Math.min(size, 4 * workers.threads());
                final int bs = blockStart;
                List<int[][]> parts = workers.map(pieces, piece -> {
                    CopyGatherer g = new CopyGatherer(index, p, table);
                    int from = bs + size * piece / pieces, to = bs + size * (piece + 1) / pieces;
                    int[][] out = new int[2 * (to - from)][];
                    IntBuffer f = new IntBuffer(256), r = new IntBuffer(256);
                    for (int c = from; c < to; c++) {
                        g.gather(ranked.kmers[c], f, r);
                        out[2 * (c - from)] = f.toArray();
                        out[2 * (c - from) + 1] = r.toArray();
                    }
                    return out;
                });
                copies = new int[2 * size][];
                int at = 0;
                for (int[][] part : parts) {
                    System.arraycopy(part, 0, copies, at, part.length);
                    at += part.length;
                }
            }
            for (int c = blockStart; c < blockEnd; c++) {
                if (copies == null) {
                    single.gather(ranked.kmers[c], fwd, rev);
                } else {
                    fwd.copyFrom(copies[2 * (c - blockStart)]);
                    rev.copyFrom(copies[2 * (c - blockStart) + 1]);
                }
                // Both strands are filtered before either is masked, as in REPrise.
                int nf = keepFree(fwd, kmerMask, k);
                int nr = keepFree(rev, kmerMask, k);
                markAll(fwd, nf, kmerMask, k);
                markAll(rev, nr, kmerMask, k);
                int count = nf + nr;
                if (count >= p.minFreq) {
                    kept[n++] = sortKey(count, keyPosition(ranked.keys[c]));
                }
            }
        }
        // Order by the new count; the code is read again from the genome at the position.
        kept = Arrays.copyOf(kept, n);
        Arrays.sort(kept);
        int[] freq = new int[n];
        int[] position = new int[n];
        long[] code = new long[n];
        for (int i = 0; i < n; i++) {
            freq[i] = keyCount(kept[i]);
            position[i] = keyPosition(kept[i]);
            code[i] = kmerAt(index, position[i]);
        }
        return new SeedCandidates(freq, position, code);
    }

    /** The tandem-filtered copies of a k-mer and of its reverse complement, from the table or the index. */
    private static final class CopyGatherer {
        private final KmerIndex index;
        private final HammingOneTable table;
        private final CopyFinder finder;

        CopyGatherer(KmerIndex index, Parameters p, HammingOneTable table) {
            this.index = index;
            this.table = table;
            this.finder = new CopyFinder(index, p.dist, p.tandemDist);
        }

        void gather(int kmerIndex, IntBuffer fwd, IntBuffer rev) {
            if (table != null) {
                table.positions(kmerIndex, fwd, rev);
                finder.sortAndFilter(fwd);
                finder.sortAndFilter(rev);
            } else {
                long kmer = index.kmer(kmerIndex);
                finder.copies(kmer, fwd);
                finder.copies(index.codec().reverseComplement(kmer), rev);
            }
        }
    }

    /** The k-mer code at a genome position known to start a valid k-mer. */
    static long kmerAt(KmerIndex index, int pos) {
        var genome = index.genome();
        int c = genome.contigIndexAt(pos);
        long code = index.codec().encode(genome.codes(c), (int) (pos - genome.contig(c).start()));
        if (code < 0) {
            throw new IllegalStateException("no valid k-mer at " + pos);
        }
        return code;
    }

    /** Keeps, in order, the copies whose k bases are all free in the mask; returns how many. */
    static int keepFree(IntBuffer copies, Bitmask mask, int k) {
        int[] a = copies.array();
        int w = 0;
        for (int i = 0, n = copies.size(); i < n; i++) {
            if (mask.isRangeFree(a[i], (long) a[i] + k)) {
                a[w++] = a[i];
            }
        }
        copies.setSize(w);
        return w;
    }

    private static void markAll(IntBuffer copies, int n, Bitmask mask, int k) {
        int[] a = copies.array();
        for (int i = 0; i < n; i++) {
            mask.markRange(a[i], (long) a[i] + k);
        }
    }
}
