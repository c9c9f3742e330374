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
     * @param batches how many passes split the occurrences (1 holds all of them at once: 16 bytes per
     *                valid base); batches run side by side on the workers
     */
    public static GenomeWideSeeds count(PartitionPlan plan, BasesSource bases, Parameters p, int k, int batches,
                                        Workers workers) {
        List<Candidate[]> parts = candidates(plan, bases, p, k, batches, workers, null);
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
     * The candidates of every batch; with a mask, each candidate keeps only its copies the mask
     * leaves free (after the tandem filter, which sees every copy, as REPrise's recount does) and
     * counts those, and is kept when they are minfreq.
     */
    private static List<Candidate[]> candidates(PartitionPlan plan, BasesSource bases, Parameters p, int k,
                                                int batches, Workers workers, Bitmask mask) {
        if (batches < 1) {
            throw new IllegalArgumentException("batches must be >= 1, got " + batches);
        }
        KmerCodec codec = new KmerCodec(k);
        TandemFilter tandem = new TandemFilter(p.tandemDist, plan.contigs());
        return workers.map(batches, b -> {
            LongBuffer can = new LongBuffer(1 << 16);
            LongBuffer tag = new LongBuffer(1 << 16);
            forEachOwned(plan, bases, codec, (c, t) -> {
                if (KmerOccurrences.batchOf(c, batches) == b) {
                    can.add(c);
                    tag.add(t);
                }
            });
            List<Candidate> out = new ArrayList<>();
            KmerOccurrences.forEachPair(can.toArray(), tag.toArray(), false, k, p.minFreq, (c, a, na, fa, rb, nb, fb) -> {
                Candidate cand = KmerOccurrences.candidate(codec, c, a, na, fa, rb, nb, fb, p.minFreq, tandem);
                if (cand != null && mask != null) {
                    cand = unmasked(cand, mask, k, p.minFreq);
                }
                if (cand != null) {
                    out.add(cand);
                }
            });
            return out.toArray(new Candidate[0]);
        });
    }

    /** A candidate's copies the mask leaves free, counted; null below minfreq. */
    private static Candidate unmasked(Candidate c, Bitmask mask, int k, int minFreq) {
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
    public static List<Candidate> unmaskedCandidates(PartitionPlan plan, BasesSource bases, Parameters p, int k,
                                                     int batches, Workers workers, Bitmask mask) {
        List<Candidate> all = new ArrayList<>();
        for (Candidate[] part : candidates(plan, bases, p, k, batches, workers, mask)) {
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

    /** Bytes the table holds: 20 per candidate. */
    public long memoryBytes() {
        return 20L * canonical.length + canonical.length / 8;
    }
}
