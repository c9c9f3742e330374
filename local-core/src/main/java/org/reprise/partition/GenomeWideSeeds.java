package org.reprise.partition;

import org.reprise.genome.BasesSource;

import it.unimi.dsi.fastutil.longs.LongArrays;
import org.reprise.index.KmerCodec;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.Candidate;
import org.reprise.seeds.KmerOccurrences;
import org.reprise.seeds.SeedTable;
import org.reprise.seeds.TandemFilter;
import org.reprise.seeds.UnmaskedCopies;
import org.reprise.mask.Bitmask;
import org.reprise.mask.RangeMask;
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
     */
    public static GenomeWideSeeds count(PartitionPlan plan, BasesSource bases, long validBases, Parameters p, int k,
                                        int batches, Workers workers) {
        KmerCodec codec = new KmerCodec(k);
        TandemFilter tandem = new TandemFilter(p.tandemDist, plan.contigs());
        int expected = expectedPerBatch(validBases, batches);
        List<long[][]> parts = inScans(plan, bases, codec, batches, expected, workers, (b, occ) -> {
            LongBuffer can = new LongBuffer(1024);
            LongBuffer countPos = new LongBuffer(1024);
            KmerOccurrences.forEachPair(occ.canonical, occ.tagged, occ.size, false, k, p.minFreq,
                    (c, a, na, fa, rb, nb, fb) -> {
                        Candidate cand = KmerOccurrences.candidate(codec, c, a, na, fa, rb, nb, fb, p.minFreq, tandem);
                        if (cand != null) {
                            // the representative's side in the count's sign, to keep one array less
                            can.add(c);
                            countPos.add(cand.code() == c ? cand.count() : -cand.count());
                            countPos.add(cand.position());
                        }
                    });
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
                                       Workers workers, BatchWork<T> work) {
        List<T> out = new ArrayList<>(batches);
        int perScan = Math.max(1, workers.threads());
        for (int from = 0; from < batches; from += perScan) {
            int to = Math.min(batches, from + perScan);
            Occurrences[] held = new Occurrences[to - from];
            for (int i = 0; i < held.length; i++) {
                held[i] = new Occurrences(expected);
            }
            int first = from;
            forEachOwned(plan, bases, codec, (c, t) -> {
                int b = KmerOccurrences.batchOf(c, batches) - first;
                if (b >= 0 && b < held.length) {
                    held[b].add(c, t);
                }
            });
            out.addAll(workers.map(held.length, i -> {
                T r = work.apply(first + i, held[i]);
                held[i] = null;
                return r;
            }));
        }
        return out;
    }

    /** One batch's occurrences: canonical codes and tagged positions, {@code [0, size)}. */
    private static final class Occurrences {
        long[] canonical;
        long[] tagged;
        int size;

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
     * The candidates of every batch that keep minfreq copies the mask leaves free, with those copies
     * only (after the tandem filter, which sees every copy, as REPrise's recount does).
     */
    private static List<Candidate[]> candidates(PartitionPlan plan, BasesSource bases, long validBases, Parameters p,
                                                int k, int batches, Workers workers, RangeMask mask) {
        if (batches < 1) {
            throw new IllegalArgumentException("batches must be >= 1, got " + batches);
        }
        KmerCodec codec = new KmerCodec(k);
        TandemFilter tandem = new TandemFilter(p.tandemDist, plan.contigs());
        int expected = expectedPerBatch(validBases, batches);
        return inScans(plan, bases, codec, batches, expected, workers, (b, occ) -> {
            List<Candidate> out = new ArrayList<>();
            KmerOccurrences.forEachPair(occ.canonical, occ.tagged, occ.size, false, k, p.minFreq,
                    (c, a, na, fa, rb, nb, fb) -> {
                        Candidate cand = KmerOccurrences.candidate(codec, c, a, na, fa, rb, nb, fb, p.minFreq, tandem);
                        if (cand != null) {
                            cand = unmasked(cand, mask, k, p.minFreq);
                        }
                        if (cand != null) {
                            out.add(cand);
                        }
                    });
            return out.toArray(new Candidate[0]);
        });
    }

    /**
     * A candidate's copies the mask leaves free, counted (the tandem filter having seen every
     * copy, as REPrise's recount does); null below minfreq.
     */
    public static Candidate unmasked(Candidate c, RangeMask mask, int k, int minFreq) {
        long[] f = c.forward().clone();
        int nf = UnmaskedCopies.keep(f, f.length, mask, k);
        boolean palindrome = c.reverse() == c.forward();
        long[] r = palindrome ? f : c.reverse().clone();
        int nr = palindrome ? nf : UnmaskedCopies.keep(r, r.length, mask, k);
        if (nf + nr < minFreq) {
            return null;
        }
        long[] ff = Arrays.copyOf(f, nf);
        return new Candidate(c.code(), nf + nr, c.position(), ff, palindrome ? ff : Arrays.copyOf(r, nr));
    }

    /**
     * The genome-wide candidates that still have minfreq copies the mask leaves free, each with
     * those copies only (a mask only grows, so they are all the family loop can ever count), in
     * rank order (free copies descending, then position): the seeds of the partitioned strategy's
     * genome-wide pass after the partitions.
     */
    public static List<Candidate> unmaskedCandidates(PartitionPlan plan, BasesSource bases, long validBases, Parameters p,
                                                     int k, int batches, Workers workers, RangeMask mask) {
        List<Candidate> all = new ArrayList<>();
        for (Candidate[] part : candidates(plan, bases, validBases, p, k, batches, workers, mask)) {
            all.addAll(Arrays.asList(part));
        }
        all.sort((x, y) -> x.ranksBefore(y) ? -1 : y.ranksBefore(x) ? 1 : 0);
        return all;
    }

    /** Visits every owned k-mer occurrence of the genome, chunk by chunk in genome order. */
    private static void forEachOwned(PartitionPlan plan, BasesSource bases, KmerCodec codec,
                                     KmerOccurrences.OccurrenceVisitor visitor) {
        byte[] buf = new byte[0];
        for (Chunk c : plan.chunks()) {
            long contigStart = plan.contigs().contigStart(c.contigIndex());
            // The core and the k - 1 bases after it are read; the array stands for the padded interval.
            long end = Math.min(c.paddedEnd(), c.coreEnd() + codec.k() - 1);
            int len = (int) (end - c.paddedStart());
            if (buf.length < len) {
                buf = new byte[len];
            }
            try {
                bases.read(contigStart + c.coreStart(), buf, (int) (c.coreStart() - c.paddedStart()),
                        (int) (end - c.coreStart()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KmerOccurrences.forEachOwned(c, buf, contigStart, codec, visitor);
        }
    }

    public int k() {
        return k;
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
