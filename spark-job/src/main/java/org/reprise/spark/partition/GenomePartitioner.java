package org.reprise.spark.partition;

import org.reprise.genome.Contig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Cuts a genome into {@link Chunk}s and bin-packs them into Spark partitions, deterministically.
 *
 * <ol>
 *   <li><b>Sizes.</b> With a partition count N only, the target size is ceil(genome / N). With a
 *       target size T only, N = ceil(genome / T). With both, both are used as given.</li>
 *   <li><b>Cutting.</b> A contig of length L &lt;= T is one chunk. A longer contig is cut into
 *       n = ceil(L / T) cores of near-equal length (the first L mod n cores one base longer), which
 *       tile it. Every core is padded by {@code flank} bases on each side, clipped to the contig,
 *       so neighbouring padded intervals overlap by 2 x flank bases (less only where the contig
 *       ends first), and every base of a core has {@code flank} bases of context on each side
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
    private final long flank;

    private GenomePartitioner(int partitions, long targetSize, long flank) {
        this.partitions = partitions;
        this.targetSize = targetSize;
        this.flank = flank;
    }

    /**
     * @param partitions number of partitions, or 0 to derive it from {@code targetSize}
     * @param targetSize target partition size in bases (also the longest core), or 0 to derive it
     *                   from {@code partitions}
     * @param flank      padding on each side of every core, in bases; see {@link #flankFor}
     * @throws IllegalArgumentException if a value is negative, or both sizes are 0
     */
    public static GenomePartitioner of(int partitions, long targetSize, long flank) {
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
        }
        if (targetSize < 0) {
            throw new IllegalArgumentException("target partition size must be >= 1 base, got " + targetSize);
        }
        if (partitions == 0 && targetSize == 0) {
            throw new IllegalArgumentException("give a number of partitions or a target partition size");
        }
        if (flank < 0) {
            throw new IllegalArgumentException("flank must be >= 0 bases, got " + flank);
        }
        return new GenomePartitioner(partitions, targetSize, flank);
    }

    /** {@code partitions} partitions, target size derived from the genome. */
    public static GenomePartitioner withPartitions(int partitions, long flank) {
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
        }
        return of(partitions, 0, flank);
    }

    /** Partitions of about {@code targetSize} bases, their number derived from the genome. */
    public static GenomePartitioner withTargetSize(long targetSize, long flank) {
        if (targetSize < 1) {
            throw new IllegalArgumentException("target partition size must be >= 1 base, got " + targetSize);
        }
        return of(0, targetSize, flank);
    }

    /**
     * The smallest flank for REPrise's parameters: {@code maxextend + maxgap} bases, so neighbouring
     * padded intervals overlap by at least that much (twice that, in fact) and an extension of at most
     * maxextend steps, with band offsets up to maxgap, from any base of a core stays inside the
     * chunk's padded interval on either side. Add the k-mer length if the extension is anchored
     * at a k-mer's far end.
     */
    public static long flankFor(int maxExtend, int maxGap) {
        if (maxExtend < 0 || maxGap < 0) {
            throw new IllegalArgumentException("maxextend and maxgap must be >= 0, got " + maxExtend + " and " + maxGap);
        }
        return (long) maxExtend + maxGap;
    }

    /** Partitions a loaded genome's contig table (contig indexes must be 0..n-1 in order). */
    public PartitionPlan partition(List<Contig> contigs) {
        Objects.requireNonNull(contigs, "contigs");
        List<String> names = new ArrayList<>(contigs.size());
        long[] lengths = new long[contigs.size()];
        for (int i = 0; i < lengths.length; i++) {
            Contig c = Objects.requireNonNull(contigs.get(i), "contig " + i);
            if (c.index() != i) {
                throw new IllegalArgumentException("contig " + c.name() + " has index " + c.index() + " at position " + i);
            }
            names.add(c.name());
            lengths[i] = c.length();
        }
        return partition(names, lengths);
    }

    /**
     * Partitions contigs given by name and length, in input order.
     *
     * @throws IllegalArgumentException if the lists differ in size, a name is repeated, a length is
     *         negative, or the genome has no base
     */
    public PartitionPlan partition(List<String> contigNames, long[] contigLengths) {
        Objects.requireNonNull(contigNames, "contigNames");
        Objects.requireNonNull(contigLengths, "contigLengths");
        if (contigNames.size() != contigLengths.length) {
            throw new IllegalArgumentException(contigNames.size() + " contig names but " + contigLengths.length
                    + " lengths");
        }
        long total = 0;
        for (int i = 0; i < contigLengths.length; i++) {
            if (contigLengths[i] < 0) {
                throw new IllegalArgumentException("contig " + contigNames.get(i) + " has negative length "
                        + contigLengths[i]);
            }
            total = Math.addExact(total, contigLengths[i]);
        }
        if (total == 0) {
            throw new IllegalArgumentException("the genome has no bases to partition ("
                    + contigLengths.length + " contigs)");
        }
        long target = targetSize > 0 ? targetSize : ceilDiv(total, partitions);
        long n = partitions > 0 ? partitions : ceilDiv(total, target);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("target partition size " + target + " gives " + n
                    + " partitions for " + total + " bases; choose a larger one");
        }
        int binCount = (int) n;

        List<Chunk> chunks = new ArrayList<>();
        for (int ci = 0; ci < contigLengths.length; ci++) {
            long len = contigLengths[ci];
            if (len == 0) {
                continue;
            }
            long pieces = ceilDiv(len, target);
            long q = len / pieces;
            long r = len % pieces;
            long start = 0;
            for (long j = 0; j < pieces; j++) {
                long end = start + q + (j < r ? 1 : 0);
                long paddedStart = Math.max(0, start - flank);
                long paddedEnd = end > len - flank ? len : end + flank;
                chunks.add(new Chunk(ci, contigNames.get(ci), len, start, end, paddedStart, paddedEnd));
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
        return PartitionPlan.of(contigNames, contigLengths, flank, packed);
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

    public long flank() {
        return flank;
    }
}
