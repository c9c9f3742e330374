package org.reprise.partition;

import org.reprise.discover.CopySource;
import org.reprise.genome.BaseCode;
import org.reprise.genome.Genome;
import org.reprise.index.KmerCodec;
import org.reprise.seeds.TandemFilter;
import org.reprise.util.LongBuffer;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * The exact copies of a few known k-mers (a library's seeds), found by one scan of a genome
 * instead of a k-mer index of all of it: the copies {@link org.reprise.discover.IndexCopies} gives
 * with -dist 0 over an index of the same owned ranges ({@link org.reprise.index.KmerIndex#build}),
 * the same positions, ascending, after the same {@link TandemFilter}. The annotation needs the
 * copies of its library's seeds only, and a scan costs a fraction of an index's build.
 */
final class ScannedCopies implements CopySource {
    private final KmerCodec codec;
    private final Long2IntOpenHashMap slotOf;
    private final long[][] positions;
    private final int[] counts;
    private final TandemFilter tandem;

    /**
     * @param owned per contig, the range its k-mers may start in ({@code owned[2c] .. owned[2c+1]},
     *              half-open contig offsets), as for the index
     * @param seeds the k-mers whose copies are asked for (their reverse complements are found too)
     */
    ScannedCopies(Genome genome, int k, long[] owned, long[] seeds, int tandemDist) {
        this.codec = new KmerCodec(k);
        this.tandem = new TandemFilter(tandemDist, genome.dictionary());
        this.slotOf = new Long2IntOpenHashMap(4 * seeds.length);
        slotOf.defaultReturnValue(-1);
        for (long s : seeds) {
            slotOf.putIfAbsent(s, slotOf.size());
            slotOf.putIfAbsent(codec.reverseComplement(s), slotOf.size());
        }
        this.positions = new long[slotOf.size()][];
        this.counts = new int[slotOf.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = new long[4];
        }
        long mask = codec.mask();
        for (int c = 0; c < genome.contigCount(); c++) {
            byte[] codes = genome.codes(c);
            long start = genome.contig(c).start();
            int first = (int) Math.max(0, owned[2 * c]);
            int last = (int) Math.min(codes.length, owned[2 * c + 1] + k - 1);
            long code = 0;
            int run = 0;
            for (int i = first; i < last; i++) {
                int b = codes[i];
                if (b >= BaseCode.INVALID) {
                    run = 0;
                    continue;
                }
                code = ((code << 2) | b) & mask;
                if (++run >= k) {
                    int slot = slotOf.get(code);
                    if (slot >= 0) {
                        add(slot, start + i - k + 1);
                    }
                }
            }
        }
    }

    private void add(int slot, long position) {
        long[] p = positions[slot];
        if (counts[slot] == p.length) {
            p = java.util.Arrays.copyOf(p, 2 * p.length);
            positions[slot] = p;
        }
        p[counts[slot]++] = position;
    }

    /** Not thread-safe (the tandem filter works in the caller's buffers, but one caller at a time). */
    @Override
    public void copies(long seed, LongBuffer forward, LongBuffer reverse) {
        fill(seed, forward);
        fill(codec.reverseComplement(seed), reverse);
    }

    private void fill(long code, LongBuffer out) {
        out.clear();
        int slot = slotOf.get(code);
        if (slot < 0) {
            throw new IllegalArgumentException("k-mer " + codec.decode(code) + " was not scanned for");
        }
        int n = counts[slot];
        long[] buf = out.ensureCapacity(n);
        System.arraycopy(positions[slot], 0, buf, 0, n);
        out.setSize(tandem.filter(buf, n));
    }
}
