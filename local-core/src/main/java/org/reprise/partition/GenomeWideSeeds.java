package org.reprise.partition;

import it.unimi.dsi.fastutil.longs.LongArrays;
import org.reprise.discover.ProgressListener;
import org.reprise.genome.BasesSource;
import org.reprise.index.KmerCodec;
import org.reprise.mask.Bitmask;
import org.reprise.mask.RangeMask;
import org.reprise.parallel.Workers;
import org.reprise.params.Parameters;
import org.reprise.seeds.Candidate;
import org.reprise.seeds.CandidateColumns;
import org.reprise.seeds.KmerOccurrences;
import org.reprise.seeds.SeedTable;
import org.reprise.seeds.TandemFilter;
import org.reprise.seeds.UnmaskedCopies;
import org.reprise.util.LongBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The genome-wide seed candidates of the partitioned strategy: every k-mer pair with at least
 * minfreq tandem-filtered exact copies in the whole genome, with its genome-wide count and
 * position, counted without a k-mer index. The bases are read in batches: each batch passes over
 * every chunk's owned positions ({@link KmerOccurrences#forEachOwned}) and keeps the occurrences of
 * the canonical k-mers that fall in it ({@link KmerOccurrences#batchOf}), which are then sorted and
 * made candidates by the same rules as everywhere ({@link KmerOccurrences#candidate}); so memory is
 * 16 bytes per occurrence of one batch, and the table 20 bytes per candidate.
 *
 * <p>Every partition ranks its seeds by these counts, so that one family is taken in the same order
 * everywhere. After the partitions, {@link #unmaskedCandidates} counts again, keeping the copies
 * the partitions left free, for the genome-wide pass.
 */
public final class GenomeWideSeeds {
    private final int k;
    private final KmerCodec codec;
    private final long[] canonical;
    /** Whether the entry's representative is its canonical k-mer's reverse complement. */
    private final java.util.BitSet reverseRepresents;
    private final int[] count;
    private final long[] position;

    private GenomeWideSeeds(int k, long[] canonical, java.util.BitSet reverseRepresents, int[] count, long[] position) {
        this.k = k;
        this.codec = new KmerCodec(k);
        this.canonical = canonical;
        this.reverseRepresents = reverseRepresents;
        this.count = count;
        this.position = position;
    }

    /**
     * Counts the genome's candidates.
     *
     * @param validBases how many of the genome's bases are A, C, G or T (a batch's arrays are sized
     *                   from it: 16 bytes per occurrence, validBases / batches occurrences)
     * @param batches    how many batches split the occurrences; one scan of the bases fills as many
     *                   batches as there are workers, which then count them side by side
     * @param progress   told after each scan ("genome-wide counts: scan 3 of 8 done")
     */
    public static GenomeWideSeeds count(PartitionPlan plan, BasesSource bases, long validBases, Parameters p, int k,
                                        int batches, Workers workers, ProgressListener progress) {
        return count(plan, bases, validBases, p, k, batches, workers, progress, WINDOW, null);
    }

    /**
     * {@link #count} reading {@code window} bases at a time (a test cuts chunks into many windows),
     * writing every candidate with its copies to {@code copies} (batch b to its file b) unless null.
     */
    static GenomeWideSeeds count(PartitionPlan plan, BasesSource bases, long validBases, Parameters p, int k,
                                 int batches, Workers workers, ProgressListener progress, int window,
                                 CandidateCopies copies) {
        KmerCodec codec = new KmerCodec(k);
        TandemFilter tandem = new TandemFilter(p.tandemDist, plan.contigs());
        int expected = expectedPerBatch(validBases, batches);
        List<long[][]> parts = inScans(plan, bases, codec, batches, expected, workers, progress, "genome-wide counts", window,
                null, (b, occ) -> {
            LongBuffer can = new LongBuffer(1024);
            LongBuffer countPos = new LongBuffer(1024);
            CandidateCopies.Sink sink = copies == null ? null : copies.sink(b);
            KmerOccurrences.forEachPair(occ.canonical, occ.tagged, occ.size, false, k, p.minFreq,
                    (c, a, na, fa, rb, nb, fb) -> {
                        Candidate cand = KmerOccurrences.candidate(codec, c, a, na, fa, rb, nb, fb, p.minFreq, tandem);
                        if (cand != null) {
                            // the representative's side in the count's sign, to keep one array less
                            can.add(c);
                            countPos.add(cand.code() == c ? cand.count() : -cand.count());
                            countPos.add(cand.position());
                            if (sink != null) {
                                sink.write(cand);
                            }
                        }
                    });
            if (sink != null) {
                sink.close();
            }
            return new long[][] {can.toArray(), countPos.toArray()};
        });
        int n = 0;
        for (long[][] part : parts) {
            n += part[0].length;
        }
        long[] canonical = new long[n];
        long[] order = new long[n];
        int at = 0;
        for (int b = 0; b < parts.size(); b++) {
            long[] can = parts.get(b)[0];
            for (int i = 0; i < can.length; i++) {
                canonical[at] = can[i];
                order[at++] = ((long) b << 32) | i;
            }
        }
        LongArrays.radixSort(canonical, order);
        java.util.BitSet reverse = new java.util.BitSet(n);
        int[] cnt = new int[n];
        long[] pos = new long[n];
        for (int i = 0; i < n; i++) {
            long[] countPos = parts.get((int) (order[i] >>> 32))[1];
            int j = (int) order[i];
            long c = countPos[2 * j];
            reverse.set(i, c < 0);
            cnt[i] = (int) Math.abs(c);
            pos[i] = countPos[2 * j + 1];
        }
        return new GenomeWideSeeds(k, canonical, reverse, cnt, pos);
    }

    /** Occurrences a batch holds on average, with room for the hash's spread. */
    private static int expectedPerBatch(long validBases, int batches) {
        long mean = validBases / Math.max(1, batches);
        long room = mean + mean / 50 + 4 * (long) Math.sqrt((double) mean) + 1024;
        if (room > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(validBases + " valid bases in " + batches + " batches: more than 2^31 "
                    + "occurrences a batch; use more batches");
        }
        return (int) room;
    }

    /** What is done with one batch's occurrences. */
    private interface BatchWork<T> {
        T apply(int batch, Occurrences occurrences);
    }

    /**
     * Runs {@code work} on every batch, the batches taken as many at a time as there are workers:
     * one scan of the genome fills them all (one reading of the bases per scan, not per batch),
     * then the workers process them side by side. Results in batch order.
     */
    private static <T> List<T> inScans(PartitionPlan plan, BasesSource bases, KmerCodec codec, int batches, int expected,
                                       Workers workers, ProgressListener progress, String what, int window,
                                       Filter only, BatchWork<T> work) {
        List<T> out = new ArrayList<>(batches);
        int perScan = Math.max(1, workers.threads());
        int scans = (batches + perScan - 1) / perScan;
        for (int from = 0; from < batches; from += perScan) {
            int to = Math.min(batches, from + perScan);
            Occurrences[] held = new Occurrences[to - from];
            for (int i = 0; i < held.length; i++) {
                held[i] = new Occurrences(expected);
            }
            int first = from;
            fill(plan, bases, codec, batches, first, held, workers, window, only);
            out.addAll(workers.map(held.length, i -> {
                T r = work.apply(first + i, held[i]);
                held[i] = null;
                return r;
            }));
            if (scans > 1) {
                progress.message(String.format(java.util.Locale.ROOT, "%s: scan %d of %d done", what,
                        from / perScan + 1, scans));
            }
        }
        return out;
    }

    /**
     * One batch's occurrences: canonical codes and tagged positions, {@code [0, size)} once filled.
     * While a scan fills it, workers take blocks of it from {@code cursor}; what does not fit goes to
     * {@link #add} after the scan.
     */
    private static final class Occurrences {
        long[] canonical;
        long[] tagged;
        int size;
        final java.util.concurrent.atomic.AtomicLong cursor = new java.util.concurrent.atomic.AtomicLong();

        Occurrences(int expected) {
            canonical = new long[expected];
            tagged = new long[expected];
        }

        void add(long c, long t) {
            if (size == canonical.length) { // the hash spread wider than allowed for: rare
                int grown = (int) Math.min(Integer.MAX_VALUE - 16, size + (size >> 3) + 1024);
                canonical = Arrays.copyOf(canonical, grown);
                tagged = Arrays.copyOf(tagged, grown);
            }
            canonical[size] = c;
            tagged[size++] = t;
        }
    }

    /** Positions a worker takes of a batch at a time, and bases it reads at a time. */
    private static final int BLOCK = 4096;
    static final int WINDOW = 1 << 23;
    /** Marks a block's unused rest; no canonical code of k <= 31 reaches it. */
    private static final long HOLE = Long.MAX_VALUE;

    /**
     * Fills {@code held} (batches {@code first ..}) with every owned occurrence of their k-mers:
     * the owned positions cut into windows of {@code window} bases that all workers read and
     * roll side by side (the bases source is read from several threads at once), each writing
     * into blocks of the batches it reserves. The order of a batch's occurrences then depends on
     * the threads, which does not matter: {@link KmerOccurrences#forEachPair} sorts them.
     */
    private static void fill(PartitionPlan plan, BasesSource bases, KmerCodec codec, int batches, int first,
                             Occurrences[] held, Workers workers, int window, Filter only) {
        int k = codec.k();
        List<Chunk> windows = new ArrayList<>();
        for (Chunk c : plan.chunks()) {
            for (long ws = c.coreStart(); ws < c.coreEnd(); ws += window) {
                long we = Math.min(c.coreEnd(), ws + window);
                long paddedEnd = we == c.coreEnd() ? c.paddedEnd() : Math.min(c.paddedEnd(), we + k - 1);
                windows.add(new Chunk(c.contigIndex(), c.contigName(), c.contigLength(), ws, we, ws, paddedEnd));
            }
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<long[][]> overflow = workers.map(workers.threads(), t -> {
            int n = held.length;
            int[] at = new int[n];
            int[] end = new int[n];
            LongBuffer[] spill = new LongBuffer[n];
            byte[] buf = new byte[window + k];
            for (int w = next.getAndIncrement(); w < windows.size(); w = next.getAndIncrement()) {
                Chunk c = windows.get(w);
                long contigStart = plan.contigs().contigStart(c.contigIndex());
                long to = Math.min(c.paddedEnd(), c.coreEnd() + k - 1);
                try {
                    bases.read(contigStart + c.coreStart(), buf, 0, (int) (to - c.coreStart()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                KmerOccurrences.forEachOwned(c, buf, contigStart, codec, (can, tagged) -> {
                    int b = KmerOccurrences.batchOf(can, batches) - first;
                    if (b < 0 || b >= n || (only != null && !only.mightHold(can))) {
                        return;
                    }
                    if (at[b] == end[b]) {
                        Occurrences o = held[b];
                        long from = o.cursor.getAndAdd(BLOCK);
                        int cap = o.canonical.length;
                        if (from >= cap) {
                            if (spill[b] == null) {
                                spill[b] = new LongBuffer(1024);
                            }
                            spill[b].add(can);
                            spill[b].add(tagged);
                            return;
                        }
                        at[b] = (int) from;
                        end[b] = (int) Math.min(cap, from + BLOCK);
                    }
                    held[b].canonical[at[b]] = can;
                    held[b].tagged[at[b]++] = tagged;
                });
            }
            for (int b = 0; b < n; b++) {
                Arrays.fill(held[b].canonical, at[b], end[b], HOLE);
            }
            long[][] out = new long[n][];
            for (int b = 0; b < n; b++) {
                out[b] = spill[b] == null ? null : spill[b].toArray();
            }
            return out;
        });
        for (int b = 0; b < held.length; b++) {
            Occurrences o = held[b];
            int filled = (int) Math.min(o.cursor.get(), o.canonical.length);
            int size = 0;
            for (int i = 0; i < filled; i++) {
                if (o.canonical[i] != HOLE) {
                    o.canonical[size] = o.canonical[i];
                    o.tagged[size++] = o.tagged[i];
                }
            }
            o.size = size;
            for (long[][] spilled : overflow) {
                long[] pairs = spilled[b];
                for (int i = 0; pairs != null && i < pairs.length; i += 2) {
                    o.add(pairs[i], pairs[i + 1]);
                }
            }
        }
    }

    /**
     * The table of candidates counted elsewhere (a Spark job's reducers), in any order; only their
     * code, count and position are kept (their copies may be left out).
     *
     * @param parts the candidates, each a k-mer pair's representative with its genome-wide count
     */
    public static GenomeWideSeeds of(int k, List<Candidate[]> parts) {
        KmerCodec codec = new KmerCodec(k);
        int n = 0;
        for (Candidate[] part : parts) {
            n += part.length;
        }
        long[] canonical = new long[n];
        long[] order = new long[n];
        Candidate[] all = new Candidate[n];
        int at = 0;
        for (Candidate[] part : parts) {
            for (Candidate c : part) {
                all[at] = c;
                canonical[at] = Math.min(c.code(), codec.reverseComplement(c.code()));
                order[at] = at;
                at++;
            }
        }
        LongArrays.radixSort(canonical, order);
        java.util.BitSet reverse = new java.util.BitSet(n);
        int[] cnt = new int[n];
        long[] pos = new long[n];
        for (int i = 0; i < n; i++) {
            Candidate c = all[(int) order[i]];
            reverse.set(i, c.code() != canonical[i]);
            cnt[i] = c.count();
            pos[i] = c.position();
        }
        return new GenomeWideSeeds(k, canonical, reverse, cnt, pos);
    }

    /**
     * A candidate with only the copies the mask leaves free, still ranked by its count of every
     * copy (the tandem filter having seen every copy, as REPrise's recount does); null when no copy
     * is free. A candidate keeps its rank and its free copies even under minfreq of them: the
     * pre-masking of the thin seeds then claims those copies' k-mers in the exact strategy's order
     * (a candidate whose other copies were masked still shadows its neighbours, as it did in the
     * exact strategy's pre-masking), and only seeds with minfreq copies left come out of it.
     */
    public static Candidate unmasked(Candidate c, RangeMask mask, int k) {
        long[] f = c.forward().clone();
        int nf = UnmaskedCopies.keep(f, f.length, mask, k);
        boolean palindrome = c.reverse() == c.forward();
        long[] r = palindrome ? f : c.reverse().clone();
        int nr = palindrome ? nf : UnmaskedCopies.keep(r, r.length, mask, k);
        if (nf + nr == 0) {
            return null;
        }
        long[] ff = Arrays.copyOf(f, nf);
        return new Candidate(c.code(), c.count(), c.position(), ff, palindrome ? ff : Arrays.copyOf(r, nr));
    }

    /**
     * The genome-wide candidates that still have a copy the mask leaves free ({@link #unmasked}:
     * ranked by all their copies, after the tandem filter), each with its free copies only
     * (a mask only grows, so they are all the family loop can ever count): the seeds of the
     * partitioned strategy's genome-wide pass after the partitions, in primitive columns (a genome
     * of billions of random bases has tens of millions of them), in no particular order.
     *
     * @param tableCandidates the candidates of the genome-wide table these were counted in (the
     *                        columns are then allocated for all of them at once), or 0
     * @param tableCopies     the copies of that table's candidates (their counts' sum)
     */
    public static CandidateColumns unmaskedCandidates(PartitionPlan plan, BasesSource bases, long validBases, Parameters p,
                                                      int k, int batches, Workers workers, RangeMask mask,
                                                      int tableCandidates, long tableCopies, Filter only,
                                                      ProgressListener progress) {
        return unmaskedCandidates(plan, bases, validBases, p, k, batches, workers, mask, WINDOW, tableCandidates,
                tableCopies, only, progress);
    }

    /** A filter of the table's k-mers ({@link Filter}), to count again only what may be a candidate. */
    public Filter filter() {
        return Filter.of(canonical);
    }

    /**
     * Which canonical k-mers may be candidates of a table: a Bloom filter of its k-mers (16 to 32
     * bits and two probes a k-mer, at most 512 MiB; no false negatives). A k-mer whose
     * genome-wide count is under minfreq is no candidate of any count of the same occurrences, so
     * counting again only the k-mers the filter may hold gives the same candidates from a
     * fraction of the occurrences. Thread-safe once built.
     */
    public static final class Filter {
        private final long[] words;
        private final long mask;
        private final long keys;

        private Filter(long[] words, long keys) {
            this.words = words;
            this.mask = 64L * words.length - 1;
            this.keys = keys;
        }

        /** The share of other k-mers the filter lets through: (1 - e^(-2n/m))^2 for n k-mers in m bits. */
        public double falseShare() {
            double fill = 1 - Math.exp(-2.0 * keys / (64.0 * words.length));
            return fill * fill;
        }

        static Filter of(long[] canonical) {
            long bits = Long.highestOneBit(Math.max(64L, 16L * canonical.length - 1) << 1);
            bits = Math.min(bits, 1L << 32); // beyond, more false positives rather than more heap
            Filter f = new Filter(new long[(int) (bits >>> 6)], canonical.length);
            for (long c : canonical) {
                long h = hash(c);
                f.set(h & f.mask);
                f.set((h >>> 32) & f.mask);
            }
            return f;
        }

        private void set(long bit) {
            words[(int) (bit >>> 6)] |= 1L << bit;
        }

        private boolean get(long bit) {
            return (words[(int) (bit >>> 6)] & (1L << bit)) != 0;
        }

        /** False when the k-mer is surely not in the table. */
        public boolean mightHold(long canonical) {
            long h = hash(canonical);
            return get(h & mask) && get((h >>> 32) & mask);
        }

        /** Heap bytes the filter takes. */
        public long memoryBytes() {
            return 8L * words.length;
        }

        private static long hash(long x) {
            long h = x * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
            h *= 0x94D049BB133111EBL;
            return h ^ (h >>> 29);
        }
    }

    /**
     * {@link #unmaskedCandidates} reading {@code window} bases at a time, its columns allocated at
     * once for every candidate of the table (an upper bound: the pass's candidates are some of
     * them) when a table is given: a genome of billions of random bases has tens of millions of
     * them, and growing arrays would need half as much again while they are copied.
     */
    static CandidateColumns unmaskedCandidates(PartitionPlan plan, BasesSource bases, long validBases, Parameters p,
                                               int k, int batches, Workers workers, RangeMask mask, int window,
                                               int tableCandidates, long tableCopies, Filter only,
                                               ProgressListener progress) {
        if (batches < 1) {
            throw new IllegalArgumentException("batches must be >= 1, got " + batches);
        }
        KmerCodec codec = new KmerCodec(k);
        TandemFilter tandem = new TandemFilter(p.tandemDist, plan.contigs());
        // with the table's filter, a batch holds the candidates' occurrences and the filter's few
        // false positives, not every occurrence
        int expected = expectedPerBatch(only == null || tableCopies == 0 ? validBases
                : Math.min(validBases, tableCopies + (long) (2 * only.falseShare() * validBases) + 1_000_000), batches);
        // Copies start at MemoryModel.passCopies, not at the table's sum (a 2.5 Gbp genome ran out
        // of heap allocating that).
        CandidateColumns all = tableCandidates == 0 ? new CandidateColumns()
                : new CandidateColumns(tableCandidates, MemoryModel.passCopies(tableCandidates, tableCopies));
        inScans(plan, bases, codec, batches, expected, workers, progress, "genome-wide pass counts", window, only,
                (b, occ) -> {
            CandidateColumns out = new CandidateColumns();
            KmerOccurrences.forEachPair(occ.canonical, occ.tagged, occ.size, false, k, p.minFreq,
                    (c, a, na, fa, rb, nb, fb) -> {
                        Candidate cand = KmerOccurrences.candidate(codec, c, a, na, fa, rb, nb, fb, p.minFreq, tandem);
                        if (cand != null) {
                            cand = unmasked(cand, mask, k);
                        }
                        if (cand != null) {
                            out.add(cand);
                        }
                    });
            // Batches join the whole as they finish, so that only the batches of one scan are held twice.
            synchronized (all) {
                all.addAll(out);
            }
            return null;
        });
        if (tableCandidates == 0) {
            all.trim(); // (columns allocated for the table are left as they are: trimming would copy them)
        }
        return all;
    }

    public int k() {
        return k;
    }

    /** Copies of all the table's candidates (their counts' sum). */
    public long copyCount() {
        long n = 0;
        for (int c : count) {
            n += c;
        }
        return n;
    }

    /** Candidates in the table. */
    public int size() {
        return canonical.length;
    }

    /** The entry of a k-mer (either side of its pair), or -1 when its pair is no candidate. */
    public int find(long kmer) {
        int i = Arrays.binarySearch(canonical, Math.min(kmer, codec.reverseComplement(kmer)));
        return i < 0 ? -1 : i;
    }

    /** The entry's genome-wide count. */
    public int count(int entry) {
        return count[entry];
    }

    /** The entry's position: its representative's first occurrence in the genome. */
    public long position(int entry) {
        return position[entry];
    }

    /** The entry's representative k-mer. */
    public long representative(int entry) {
        return reverseRepresents.get(entry) ? codec.reverseComplement(canonical[entry]) : canonical[entry];
    }

    /** Entries in rank order: count descending, then position ascending. */
    public int[] rankOrder() {
        int n = canonical.length;
        long[] countKey = new long[n];
        long[] pos = new long[n];
        long[] index = new long[n];
        for (int i = 0; i < n; i++) {
            countKey[i] = Integer.MAX_VALUE - count[i];
            pos[i] = position[i];
            index[i] = i;
        }
        LongArrays.radixSort(new long[][] {countKey, pos, index});
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) index[i];
        }
        return order;
    }

    /** The table in rank order as a seed table (without copies), for {@code .freq}. */
    public SeedTable asSeedTable() {
        int[] order = rankOrder();
        int n = order.length;
        int[] f = new int[n];
        long[] pos = new long[n];
        long[] code = new long[n];
        for (int i = 0; i < n; i++) {
            f[i] = count[order[i]];
            pos[i] = position[order[i]];
            code[i] = representative(order[i]);
        }
        return SeedTable.of(f, pos, code);
    }

    /** The table as bytes, for {@link #readFrom} (a Spark broadcast). */
    public void writeTo(java.io.DataOutput out) throws IOException {
        out.writeInt(k);
        int n = canonical.length;
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeLong(canonical[i]);
            out.writeInt(count[i]);
            out.writeLong(position[i]);
            out.writeBoolean(reverseRepresents.get(i));
        }
    }

    /** The table {@link #writeTo} wrote. */
    public static GenomeWideSeeds readFrom(java.io.DataInput in) throws IOException {
        int k = in.readInt();
        int n = in.readInt();
        long[] canonical = new long[n];
        int[] count = new int[n];
        long[] position = new long[n];
        java.util.BitSet reverse = new java.util.BitSet(n);
        for (int i = 0; i < n; i++) {
            canonical[i] = in.readLong();
            count[i] = in.readInt();
            position[i] = in.readLong();
            reverse.set(i, in.readBoolean());
            if (i > 0 && canonical[i] <= canonical[i - 1]) {
                throw new IOException("genome-wide seeds out of order at entry " + i);
            }
        }
        return new GenomeWideSeeds(k, canonical, reverse, count, position);
    }

    /** Bytes the table holds: 20 per candidate. */
    public long memoryBytes() {
        return 20L * canonical.length + canonical.length / 8;
    }
}
