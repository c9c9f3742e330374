package org.reprise.partition;

import org.reprise.params.Parameters;

/**
 * How much heap a run needs, from the genome's size, so that a run that cannot fit says so before
 * it starts instead of dying in the middle. The figures are measured peaks (docs/ARCHITECTURE.md,
 * memory), rounded up:
 * <ul>
 *   <li>the exact strategy holds the whole genome and its k-mer index: about 36 bytes per base
 *       with exact copies (human chr20: 32; the 207 Mb composite: 35), more with one-mismatch
 *       neighbourhoods (their table);</li>
 *   <li>the partitioned strategy holds one partition at a time as the exact strategy would, plus,
 *       genome-wide, the candidate table (21 bytes per candidate; candidates are a few per cent of
 *       the positions) and two masks of one bit per base.</li>
 * </ul>
 */
public final class MemoryModel {
    /** Heap the JVM itself, the libraries and the small tables take. */
    static final long BASE_BYTES = 96L << 20;
    /** Exact strategy, exact copies: peak heap per base. */
    static final double EXACT_BYTES_PER_BASE = 36;
    /** Exact strategy with -dist 1 (the neighbourhood table): peak heap per base. */
    static final double EXACT_DIST1_BYTES_PER_BASE = 56;
    /** Genome-wide candidates assumed before they are counted: a tenth of the bases. */
    static final double CANDIDATES_PER_BASE = 0.10;
    /** Bytes per genome-wide candidate ({@link GenomeWideSeeds#memoryBytes}). */
    static final double BYTES_PER_CANDIDATE = 21;

    private MemoryModel() {
    }

    /** Peak heap of the exact strategy on a genome of {@code bases} bases. */
    public static long exact(long bases, Parameters p) {
        double perBase = p.dist == 1 ? EXACT_DIST1_BYTES_PER_BASE : EXACT_BYTES_PER_BASE;
        return BASE_BYTES + (long) (perBase * bases);
    }

    /** Peak heap of the partitioned strategy with partitions of {@code partitionBases} (padding included). */
    public static long partitioned(long bases, long partitionBases, Parameters p) {
        return exact(partitionBases, p) + genomeWide(bases);
    }

    /** What the partitioned strategy holds genome-wide: the candidate table and two masks. */
    static long genomeWide(long bases) {
        return (long) (CANDIDATES_PER_BASE * BYTES_PER_CANDIDATE * bases) + 2 * (bases / 8);
    }

    /**
     * The largest partition that fits {@code heap} bytes (with a fifth kept free), between 10 Mb and
     * 500 Mb; 0 when not even the smallest fits.
     */
    public static long partitionSizeFor(long bases, long heap, Parameters p) {
        double perBase = p.dist == 1 ? EXACT_DIST1_BYTES_PER_BASE : EXACT_BYTES_PER_BASE;
        long room = (long) (0.8 * heap) - BASE_BYTES - genomeWide(bases);
        long size = (long) (room / perBase);
        if (size < 10_000_000L) {
            return 0;
        }
        return Math.min(500_000_000L, size);
    }

    /** Bytes as GiB with one decimal (MiB below 1 GiB), for messages. */
    public static String gib(long bytes) {
        if (bytes < (1L << 30)) {
            return String.format(java.util.Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
        }
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
