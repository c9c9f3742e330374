package org.reprise.partition;

import org.reprise.genome.ContigDictionary;
import org.reprise.params.Parameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Cuts a genome into {@link Chunk}s and bin-packs them into partitions (a Spark partition, or one
 * step of local-core's partitioned discovery), deterministically.
 *
 * <ol>
 *   <li><b>Sizes.</b> With a partition count N only, the target size is ceil(genome / N). With a
 *       target size T only, N = ceil(genome / T). With both, both are used as given.</li>
 *   <li><b>Cutting.</b> A contig of length L &lt;= T is one chunk. A longer contig is cut into
 *       n = ceil(L / T) cores of near-equal length (the first L mod n cores one base longer), which
 *       tile it. Every core is padded by {@code padding} bases on each side, clipped to the contig,
 *       so neighbouring padded intervals overlap by 2 x padding bases (less only where the contig
 *       ends first), and every base of a core has {@code padding} bases of context on each side
 *       inside its own chunk. Empty contigs get no chunk.</li>
 *   <li><b>Packing.</b> Chunks by core length, longest first (ties: lower contig index, then lower
 *       core start), each onto the partition with the fewest bases so far (ties: lower partition
 *       index). A partition may stay empty when there are fewer chunks than partitions.</li>
 * </ol>
 *
 * Which chunk owns a base is {@link PartitionPlan#owner}'s business, not this class's.
 */
public final class GenomePartitioner {
    private final int partitions;
    private final long targetSize;
    private final long padding;

    private GenomePartitioner(int partitions, long targetSize, long padding) {
        this.partitions = partitions;
        this.targetSize = targetSize;
        this.padding = padding;
    }

    /**
     * @param partitions number of partitions, or 0 to derive it from {@code targetSize}
     * @param targetSize target partition size in bases (also the longest core), or 0 to derive it
     *                   from {@code partitions}
     * @param padding    bases of padding on each side of every core; see {@link #paddingFor}
     * @throws IllegalArgumentException if a value is negative, or both sizes are 0
     */
    public static GenomePartitioner of(int partitions, long targetSize, long padding) {
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
        }
        if (targetSize < 0) {
            throw new IllegalArgumentException("target partition size must be >= 1 base, got " + targetSize);
        }
        if (partitions == 0 && targetSize == 0) {
            throw new IllegalArgumentException("give a number of partitions or a target partition size");
        }
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0 bases, got " + padding);
        }
        return new GenomePartitioner(partitions, targetSize, padding);
    }

    /** {@code partitions} partitions, target size derived from the genome. */
    public static GenomePartitioner withPartitions(int partitions, long padding) {
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
        }
        return of(partitions, 0, padding);
    }

    /** Partitions of about {@code targetSize} bases, their number derived from the genome. */
    public static GenomePartitioner withTargetSize(long targetSize, long padding) {
        if (targetSize < 1) {
            throw new IllegalArgumentException("target partition size must be >= 1 base, got " + targetSize);
        }
        return of(0, targetSize, padding);
    }

    /**
     * The padding the discovery needs: a copy's flank, {@code maxextend + maxgap} bases beyond its
     * k-mer on each side (what one side's extension and element alignment can read at most: see
     * docs/ALGORITHM.md), never leaves the chunk that owns the copy's first base.
     */
    public static long paddingFor(Parameters params, int k) {
        return (long) params.maxExtend + params.maxGap + k;
    }

    /**
     * Partitions a genome's contigs, in input order.
     *
     * @throws IllegalArgumentException if the genome has no base
     */
    public PartitionPlan partition(ContigDictionary contigs) {
        Objects.requireNonNull(contigs, "contigs");
        long total = contigs.length();
        if (total == 0) {
            throw new IllegalArgumentException("the genome has no bases to partition ("
                    + contigs.contigCount() + " contigs)");
        }
        long target = targetSize > 0 ? targetSize : ceilDiv(total, partitions);
        long n = partitions > 0 ? partitions : ceilDiv(total, target);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("target partition size " + target + " gives " + n
                    + " partitions for " + total + " bases; choose a larger one");
        }
        int binCount = (int) n;

        List<Chunk> chunks = new ArrayList<>();
        for (int ci = 0; ci < contigs.contigCount(); ci++) {
            long len = contigs.contigLength(ci);
            if (len == 0) {
                continue;
            }
            long pieces = ceilDiv(len, target);
            long q = len / pieces;
            long r = len % pieces;
            long start = 0;
            for (long j = 0; j < pieces; j++) {
                long end = start + q + (j < r ? 1 : 0);
                long paddedStart = Math.max(0, start - padding);
                long paddedEnd = end > len - padding ? len : end + padding;
                chunks.add(new Chunk(ci, contigs.contigName(ci), len, start, end, paddedStart, paddedEnd));
                start = end;
            }
        }

        chunks.sort(Comparator.comparingLong(Chunk::coreLength).reversed()
                .thenComparingInt(Chunk::contigIndex).thenComparingLong(Chunk::coreStart));
        // Bins as {load, index}: lightest first, ties to the lower index.
        PriorityQueue<long[]> bins = new PriorityQueue<>(binCount,
                (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<List<Chunk>> packed = new ArrayList<>(binCount);
        for (int b = 0; b < binCount; b++) {
            bins.add(new long[] {0, b});
            packed.add(new ArrayList<>());
        }
        for (Chunk c : chunks) {
            long[] bin = bins.poll();
            packed.get((int) bin[1]).add(c);
            bin[0] += c.coreLength();
            bins.add(bin);
        }
        for (List<Chunk> p : packed) {
            Collections.sort(p);
        }
        return PartitionPlan.of(contigs, padding, packed);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    public int partitions() {
        return partitions;
    }

    public long targetSize() {
        return targetSize;
    }

    public long padding() {
        return padding;
    }
}
