package org.reprise.seeds;

import org.reprise.index.HammingOneTable;
import org.reprise.index.KmerCodec;
import org.reprise.index.KmerIndex;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.util.LongBuffer;
import org.reprise.util.PairRadixSort;

import java.util.Arrays;
import java.util.List;

/**
 * Seed candidates and the seed table of one genome from its {@link KmerIndex} (docs/ALGORITHM.md,
 * seed candidates): each k-mer pair is counted once, under its {@link Representative}, if it is
 * complex enough; its count is its tandem-filtered copies ({@link CopyFinder}) on both strands;
 * those with at least minfreq are ranked (count descending, position ascending) and go through the
 * {@link PreMasking} pass. Work is split among the workers; the ranking sort and the sequential
 * pre-masking make the result the same whatever the split.
 */
public final class SeedCandidates {
    private SeedCandidates() {
    }

    /**
     * Candidates in rank order: sort keys {@code (MAX - count) << 32 | position} ascending (count
     * descending, position ascending), each with the index of its representative k-mer.
     */
    public static final class Ranked {
        private final long[] keys;
        private final int[] kmers;
        /** With one-mismatch copies: the copies counted, per piece of the counting, and where each candidate's are. */
        private final PackedCopies[] copies;
        private final int[] pieceStart;
        private final int[] entry;

        Ranked(long[] keys, int[] kmers) {
            this(keys, kmers, null, null, null);
        }

        private Ranked(long[] keys, int[] kmers, PackedCopies[] copies, int[] pieceStart, int[] entry) {
            this.keys = keys;
            this.kmers = kmers;
            this.copies = copies;
            this.pieceStart = pieceStart;
            this.entry = entry;
        }

        /**
         * Puts the i-th candidate's tandem-filtered copies into the buffers if the counting kept
         * them (one-mismatch copies, which cost a neighbourhood gathering each); false otherwise.
         */
        boolean copies(int i, LongBuffer fwd, LongBuffer rev) {
            if (copies == null) {
                return false;
            }
            int e = entry[i];
            int piece = Arrays.binarySearch(pieceStart, e);
            piece = piece >= 0 ? piece : -piece - 2;
            while (piece + 1 < pieceStart.length && pieceStart[piece + 1] == e) {
                piece++; // empty pieces share their start with the next
            }
            copies[piece].copies(e - pieceStart[piece], fwd, rev);
            return true;
        }

        public int size() {
            return keys.length;
        }

        /** The index (in the k-mer index) of the i-th candidate's representative k-mer. */
        public int kmer(int i) {
            return kmers[i];
        }

        public int count(int i) {
            return keyCount(keys[i]);
        }

        public long position(int i) {
            return keyPosition(keys[i]);
        }
    }

    /**
     * Counts every representative k-mer and ranks those with count &gt;= minfreq. The k-mers are
     * counted in independent ranges on the workers.
     *
     * @param table the one-mismatch neighbourhoods when dist is 1, else null
     */
    public static Ranked rank(KmerIndex index, Parameters p, HammingOneTable table, Workers workers) {
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
        if (table == null) {
            PairRadixSort.sort(keys, kmers, n, 63);
            return new Ranked(keys, kmers);
        }
        // The candidates keep their copies: sorted by their entry, their k-mers follow.
        int[] entry = new int[n];
        for (int i = 0; i < n; i++) {
            entry[i] = i;
        }
        PairRadixSort.sort(keys, entry, n, 63);
        int[] sortedKmers = new int[n];
        for (int i = 0; i < n; i++) {
            sortedKmers[i] = kmers[entry[i]];
        }
        PackedCopies[] copies = new PackedCopies[parts.size()];
        int[] pieceStart = new int[parts.size()];
        at = 0;
        for (int i = 0; i < parts.size(); i++) {
            copies[i] = parts.get(i).copies[0];
            copies[i].trim();
            pieceStart[i] = at;
            at += parts.get(i).size();
        }
        return new Ranked(keys, sortedKmers, copies, pieceStart, entry);
    }

    /** The candidates among the k-mers with index in [from, to), unsorted. */
    private static Ranked rankRange(KmerIndex index, Parameters p, HammingOneTable table, int from, int to) {
        KmerCodec codec = index.codec();
        CopyFinder finder = new CopyFinder(index, p.dist, p.tandemDist);
        LongBuffer scratch = new LongBuffer(256);
        LongBuffer scratch2 = new LongBuffer(256);
        long[] keys = new long[1024];
        int[] kmers = new int[1024];
        int n = 0;
        // With the neighbourhood table, the copies just counted are kept for the pre-masking pass
        // (gathering them again from the table was an eighth of a one-thread chr2R -dist 1 run).
        PackedCopies kept = table != null ? new PackedCopies() : null;
        // With exact copies, a pair reaching minfreq has a side with at least half of them: we
        // visit only such sides, and a pair whose both sides qualify at its representative side.
        // With inexact copies any k-mer may gather enough neighbours, so every pair is visited.
        int half = p.dist == 0 ? (p.minFreq + 1) / 2 : 0;
        // k-mers are walked by their runs of slots, without a look-up per k-mer.
        int slot = from < to ? index.occurrenceStart(from) : 0;
        for (int x = from; x < to; x++) {
            int end = index.runEnd(slot);
            int xs = slot;
            slot = end;
            int ox = end - xs;
            if (ox < half) {
                continue;
            }
            long kmer = index.kmerAtSlot(xs);
            long first = index.position(xs);
            long rc = codec.reverseComplement(kmer);
            int r, rs;
            if (rc == kmer) {
                r = x;
                rs = xs;
            } else if (table != null) {
                r = table.reverseComplementIndex(x);
                rs = r >= 0 ? table.runStart(r) : -1;
            } else {
                rs = index.runOf(rc);
                r = -2; // looked up only if needed
            }
            int rEnd = rs >= 0 ? index.runEnd(rs) : -1;
            int or = rs >= 0 ? rEnd - rs : 0;
            long rFirst = rs >= 0 ? index.position(rs) : Representative.NEVER;
            boolean reverseRepresents = Representative.isReverse(first, rFirst);
            if (reverseRepresents && or >= half) {
                continue; // counted when its reverse complement, the representative, is visited
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
            } else if (p.dist == 0) {
                int fc = finder.countRun(xs, end);
                count = fc + (rs == xs ? fc : rs >= 0 ? finder.countRun(rs, rEnd) : 0);
            } else {
                count = countPair(finder, kmer, rc, p.minFreq, scratch);
            }
            if (count >= p.minFreq) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n * 2);
                    kmers = Arrays.copyOf(kmers, n * 2);
                }
                if (reverseRepresents && r == -2) {
                    r = index.kmerAt(rs);
                }
                kmers[n] = reverseRepresents ? r : x;
                keys[n++] = sortKey(count, Math.min(first, rFirst));
                if (kept != null && reverseRepresents) { // (not reached while half is 0 with inexact copies)
                    kept.add(scratch2.array(), scratch2.size(), scratch.array(), scratch.size());
                } else if (kept != null) {
                    kept.add(scratch.array(), scratch.size(), scratch2.array(), scratch2.size());
                }
            }
        }
        return new Ranked(Arrays.copyOf(keys, n), Arrays.copyOf(kmers, n), kept == null ? null : new PackedCopies[] {kept},
                null, null);
    }

    /** Forward plus reverse copies, or a number below minFreq when that is certain early. */
    static int countPair(CopyFinder finder, long kmer, long rc, int minFreq, LongBuffer scratch) {
        int upper = finder.upperBound(kmer) + finder.upperBound(rc);
        if (upper < minFreq) {
            return upper;
        }
        return finder.count(kmer, scratch) + finder.count(rc, scratch);
    }

    /** Positions are those of one index: below 2^31. */
    static long sortKey(int count, long position) {
        return ((long) (Integer.MAX_VALUE - count) << 32) | position;
    }

    static int keyCount(long key) {
        return Integer.MAX_VALUE - (int) (key >>> 32);
    }

    static long keyPosition(long key) {
        return key & 0xffff_ffffL;
    }

    /**
     * The pre-masking pass over the ranked candidates; returns the seed table (without copies:
     * the family loop finds them in the index). The copies of a block of candidates do not depend
     * on the mask, so they are gathered on the workers; the mask is then applied in rank order on
     * this thread.
     */
    public static SeedTable premask(KmerIndex index, Parameters p, Ranked ranked, HammingOneTable table,
                                    Workers workers) {
        // The candidates in their own rank order: no order or rank arrays (20 bytes a candidate).
        return premask(index, p, ranked, null, null, null, table, workers);
    }

    /**
     * The pre-masking pass over the candidates in another order: {@code order[i]} is the i-th
     * candidate to take, and {@code rankCount[i]}, {@code rankPosition[i]} the rank it is taken with
     * (count descending, then position ascending: a partition ranks by genome-wide counts). With
     * {@code order} null, the three are the candidates' own: {@code i}, its count and position.
     */
    public static SeedTable premask(KmerIndex index, Parameters p, Ranked ranked, int[] order, long[] rankCount,
                                    long[] rankPosition, HammingOneTable table, Workers workers) {
        PreMasking pass = new PreMasking(index.genome().length(), index.k(), p.minFreq, false);
        final int block = workers.threads() == 1 ? 1 : 4096;
        LongBuffer fwd = new LongBuffer(256);
        LongBuffer rev = new LongBuffer(256);
        CopyGatherer single = new CopyGatherer(index, p, table);
        // With helpers, the copies of the next block are gathered while this thread applies the
        // mask to the current one (the mask's order is the candidates', so only the gathering is
        // shared out): the mask pass no longer keeps the other threads waiting.
        List<Workers.Task<long[][]>> next = block > 1 ? gatherAhead(index, p, ranked, order, table, workers, 0, block) : null;
        for (int blockStart = 0; blockStart < ranked.size(); blockStart += block) {
            int blockEnd = Math.min(ranked.size(), blockStart + block);
            long[][] copies = null;
            if (block > 1) {
                copies = collect(next, blockEnd - blockStart);
                next = blockEnd < ranked.size() ? gatherAhead(index, p, ranked, order, table, workers, blockEnd, block) : null;
            }
            for (int c = blockStart; c < blockEnd; c++) {
                long[] f, r;
                int nf, nr;
                int candidate = order == null ? c : order[c];
                if (copies == null) {
                    if (!ranked.copies(candidate, fwd, rev)) {
                        single.gather(ranked.kmers[candidate], fwd, rev);
                    }
                    f = fwd.array();
                    nf = fwd.size();
                    r = rev.array();
                    nr = rev.size();
                } else {
                    f = copies[2 * (c - blockStart)];
                    r = copies[2 * (c - blockStart) + 1];
                    nf = f.length;
                    nr = r.length;
                }
                long count = order == null ? ranked.count(c) : rankCount[c];
                long position = order == null ? ranked.position(c) : rankPosition[c];
                pass.take(index.kmer(ranked.kmers[candidate]), count, position, f, nf, r, nr);
            }
        }
        return pass.seeds();
    }

    /**
     * Starts gathering the copies of the block of candidates from {@code blockStart} (at most
     * {@code block} of them) in pieces on the helpers, in the background.
     */
    private static List<Workers.Task<long[][]>> gatherAhead(KmerIndex index, Parameters p, Ranked ranked, int[] order,
                                                            HammingOneTable table, Workers workers, int blockStart,
                                                            int block) {
        int size = Math.min(block, ranked.size() - blockStart);
        int pieces = Math.min(size, 2 * workers.threads());
        List<Workers.Task<long[][]>> tasks = new java.util.ArrayList<>(pieces);
        for (int piece = 0; piece < pieces; piece++) {
            int from = blockStart + size * piece / pieces, to = blockStart + size * (piece + 1) / pieces;
            tasks.add(workers.submit(() -> {
                CopyGatherer g = new CopyGatherer(index, p, table);
                long[][] out = new long[2 * (to - from)][];
                LongBuffer f = new LongBuffer(256), r = new LongBuffer(256);
                for (int c = from; c < to; c++) {
                    int candidate = order == null ? c : order[c];
                    if (!ranked.copies(candidate, f, r)) {
                        g.gather(ranked.kmers[candidate], f, r);
                    }
                    out[2 * (c - from)] = f.toArray();
                    out[2 * (c - from) + 1] = r.toArray();
                }
                return out;
            }));
        }
        return tasks;
    }

    /**
     * The block's copies, in candidate order: the pieces no helper has started are gathered on
     * this thread, the others waited for.
     */
    private static long[][] collect(List<Workers.Task<long[][]>> pieces, int size) {
        long[][] copies = new long[2 * size][];
        int at = 0;
        for (int i = pieces.size() - 1; i >= 0; i--) { // the helpers take the oldest first
            pieces.get(i).runHereIfNotStarted();
        }
        for (Workers.Task<long[][]> t : pieces) {
            long[][] part = t.join();
            System.arraycopy(part, 0, copies, at, part.length);
            at += part.length;
        }
        return copies;
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

        void gather(int kmerIndex, LongBuffer fwd, LongBuffer rev) {
            if (table != null) {
                table.positions(kmerIndex, fwd, rev);
                finder.sortAndFilter(fwd);
                finder.sortAndFilter(rev);
            } else if (finder.dist() == 0) {
                int slot = index.occurrenceStart(kmerIndex);
                finder.copiesOfRun(slot, fwd);
                long rc = index.codec().reverseComplement(index.kmerAtSlot(slot));
                int rs = index.runOf(rc);
                if (rs < 0) {
                    rev.clear();
                } else {
                    finder.copiesOfRun(rs, rev);
                }
            } else {
                long kmer = index.kmer(kmerIndex);
                finder.copies(kmer, fwd);
                finder.copies(index.codec().reverseComplement(kmer), rev);
            }
        }
    }
}
