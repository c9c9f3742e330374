package org.reprise.partition;

import org.reprise.params.Parameters;

/**
 * How much heap a run needs, from the genome's size, so that a run that cannot fit says so before
 * it starts instead of dying in the middle. The figures are measured peaks (docs/ARCHITECTURE.md,
 * memory), rounded up:
 * <ul>
 *   <li>the exact strategy holds the whole genome, a byte a base, and its k-mer index (4.4 bytes
 *       per valid base, A, C, G or T): with exact copies a heap of 8 bytes per valid base beyond
 *       the byte every base takes runs at full speed (the composite 207 Mb genome: 5.5 bytes a
 *       base in use after the index, the rest room for the collector and the family loop's
 *       garbage); with one-mismatch neighbourhoods their table while it is built (fly chr2R:
 *       about 90 bytes a base);</li>
 *   <li>the partitioned strategy holds, genome-wide, the candidate table ({@link GenomeWideSeeds#memoryBytes}:
 *       20 bytes per candidate) and two masks of one bit per base, and besides them either one
 *       partition as the exact strategy would, or, in the genome-wide pass after the partitions,
 *       the candidates the kept families leave free, in columns, counted at most every candidate
 *       of the table ({@link #genomeWidePass}: on a 600 Mb simulated genome nearly every
 *       candidate of the table is one), beside its counting batches (an eighth of the heap).</li>
 * </ul>
 */
public final class MemoryModel {
    /** Heap the JVM itself, the libraries and the small tables take (yeast: 16 MiB in use after loading). */
    static final long BASE_BYTES = 32L << 20;
    /**
     * Heap of what follows discovery, whatever the genome's size: polishing's two k-mer indexes of
     * the library (4^11 ints each: 32 MiB), the library itself and the report's aligners. Without
     * it the bundled yeast example (45 MiB for discovery) ran out of heap while polishing.
     */
    static final long AFTER_DISCOVERY_BYTES = 64L << 20;
    /**
     * Exact strategy, exact copies: heap per valid base, beyond the byte every base takes
     * (bin/reprise sizes -Xmx with the same figures: change both together).
     */
    static final double EXACT_BYTES_PER_VALID_BASE = 8;
    /** Exact strategy with -dist 1 (the neighbourhood table): peak heap per valid base. */
    static final double EXACT_DIST1_BYTES_PER_VALID_BASE = 90;
    /** Share of the heap a plan may count on (the garbage collector needs the rest). */
    public static final double USABLE = 0.8;
    /** Smallest partition worth running. */
    public static final long MIN_PARTITION = 10_000_000L;
    /** Largest partition chosen by itself (an explicit --partition-size may be larger). */
    static final long MAX_PARTITION = 500_000_000L;

    private MemoryModel() {
    }

    private static double perValid(Parameters p) {
        return p.dist == 1 ? EXACT_DIST1_BYTES_PER_VALID_BASE : EXACT_BYTES_PER_VALID_BASE;
    }

    /** Peak heap of the exact strategy on a genome of {@code bases} bases, {@code valid} of them A, C, G or T. */
    public static long exact(long bases, long valid, Parameters p) {
        return BASE_BYTES + AFTER_DISCOVERY_BYTES + bases + (long) (perValid(p) * valid);
    }

    /**
     * Peak heap of the partitioned strategy with partitions holding {@code partitionBases} (padding
     * included; valid bases in the genome's proportion) and a genome-wide table of {@code candidates}
     * candidates with {@code copies} copies in all (0 and 0 before counting: the least it can need),
     * on a heap of {@code heap} bytes (the genome-wide pass's counting batches are sized from it).
     */
    public static long partitioned(long bases, long valid, long partitionBases, long candidates, long copies, long heap,
                                   Parameters p) {
        long partitionValid = (long) ((double) valid / Math.max(1, bases) * partitionBases);
        return Math.max(exact(partitionBases, partitionValid, p) + genomeWide(bases, candidates),
                genomeWidePass(bases, valid, candidates, copies, heap));
    }

    /**
     * How many partitions of {@code partitionBases} run side by side: at most one a thread and
     * {@code partitions}, and as many as fit {@code heap} beside what is held genome-wide (each as
     * the exact strategy on its bases would hold, {@link #exact}, less what the run holds once).
     */
    public static int partitionsAtOnce(int threads, int partitions, long bases, long valid, long partitionBases,
                                       long candidates, long heap, Parameters p) {
        long partitionValid = (long) ((double) valid / Math.max(1, bases) * partitionBases);
        long shared = BASE_BYTES + AFTER_DISCOVERY_BYTES + genomeWide(bases, candidates);
        long one = Math.max(1, exact(partitionBases, partitionValid, p) - BASE_BYTES - AFTER_DISCOVERY_BYTES);
        long fit = Math.max(1, (heap - shared) / one);
        return (int) Math.max(1, Math.min(fit, Math.min(threads, Math.max(1, partitions))));
    }

    /** What the partitioned strategy holds genome-wide: the table ({@link GenomeWideSeeds#memoryBytes}) and two masks. */
    static long genomeWide(long bases, long candidates) {
        return tableBytes(candidates) + 2 * (bases / 8);
    }

    /** The genome-wide table ({@link GenomeWideSeeds#memoryBytes}), held on disk during the reconciliation. */
    static long tableBytes(long candidates) {
        return 20 * candidates + candidates / 8;
    }

    /** Share of the heap the genome-wide pass's counting batches of one scan may take. */
    static final int PASS_BATCH_SHARE = 8;

    /**
     * The copies the genome-wide pass's columns are allocated for: the table's copies, at most 4 a
     * candidate (a 600 Mb simulated genome: 3.4 free copies a pass candidate; high-copy k-mers make
     * the table's sum far more than the kept families leave free).
     */
    public static long passCopies(long candidates, long copies) {
        return Math.min(copies, 4 * candidates);
    }

    /**
     * How many batches the genome-wide pass counts its {@code occurrences} in (those of the
     * table's k-mers, {@link GenomeWideSeeds.Filter}): as few as {@code threads}, or more, so
     * that the batches one scan fills ({@code threads} of them, 16 bytes an occurrence) take at most
     * an eighth of the heap; a multiple of {@code threads}. (The 2.5 Gbp benchmark ran out of heap
     * with batches of a quarter beside the pass's columns.)
     */
    public static int genomeWidePassBatches(long occurrences, long heap, int threads) {
        long perScan = Math.max(1, heap / PASS_BATCH_SHARE / 16);
        long scans = Math.max(1, (occurrences + perScan - 1) / perScan);
        long batches = scans * threads;
        batches = (batches + threads - 1) / threads * threads;
        return (int) Math.min(4096, batches);
    }

    /**
     * Peak heap of the genome-wide pass: besides the masks (the table waits on disk, {@code
     * PartitionedDiscovery.run}), its candidate
     * columns, at most every candidate of the table with {@link #passCopies} copies (32 bytes a
     * candidate, 8 a copy, {@link org.reprise.seeds.CandidateColumns}); while it counts, the batches
     * of one scan (an eighth of the heap, {@link #genomeWidePassBatches}, or on a small genome all
     * its occurrences at 16 bytes each) and the scan's new columns (a tenth of the held ones); while
     * it pre-masks, the seed columns and their sort (up to 60 bytes a candidate) and one more mask
     * of a bit a base. The seeds refer to the candidates' copies, no second copy.
     */
    static long genomeWidePass(long bases, long valid, long candidates, long copies, long heap) {
        long columns = 32 * candidates + 8 * passCopies(candidates, copies);
        long held = BASE_BYTES + genomeWide(bases, candidates) - tableBytes(candidates) + columns;
        long batches = Math.min(heap / PASS_BATCH_SHARE, 17 * valid);
        return Math.max(held + batches + columns / 10, held + 60 * candidates + bases / 8);
    }

    /**
     * The largest partition that fits {@code heap} bytes with a table of {@code candidates}
     * candidates and {@code copies} copies, at least {@link #MIN_PARTITION} and at most 500 Mb; 0
     * when not even the smallest fits, or when the genome-wide pass does not fit whatever the partitions.
     */
    public static long partitionSizeFor(long bases, long valid, long heap, long candidates, long copies, Parameters p) {
        if (genomeWidePass(bases, valid, candidates, copies, heap) > heap) {
            return 0;
        }
        long room = (long) (USABLE * heap) - BASE_BYTES - AFTER_DISCOVERY_BYTES - genomeWide(bases, candidates);
        long size = (long) (room / (1 + perValid(p) * valid / Math.max(1, bases)));
        return size < MIN_PARTITION ? 0 : Math.min(MAX_PARTITION, size);
    }

    /** Bytes as GiB with one decimal (MiB below 1 GiB), for messages. */
    public static String gib(long bytes) {
        if (bytes < (1L << 30)) {
            return String.format(java.util.Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
        }
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
