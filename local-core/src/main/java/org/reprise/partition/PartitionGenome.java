package org.reprise.partition;

import org.reprise.genome.BasesSource;

import org.reprise.genome.Genome;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bases one partition holds: its chunks' padded intervals, each a contig of a {@link Genome}
 * of its own (the partition's coordinates), with the way back to the genome's coordinates. The
 * partition owns only its chunks' cores ({@link PartitionPlan}): {@link #owned()} gives them as
 * contig offsets, for a k-mer index that counts each genome position once over all partitions.
 * Immutable.
 */
public final class PartitionGenome {
    private final int partition;
    private final Genome genome;
    private final Chunk[] chunks;
    private final long[] contigStarts;
    private final byte[][] codes;
    private final boolean wholeGenome;

    private PartitionGenome(int partition, Genome genome, Chunk[] chunks, long[] contigStarts, byte[][] codes,
                            boolean wholeGenome) {
        this.partition = partition;
        this.wholeGenome = wholeGenome;
        this.genome = genome;
        this.chunks = chunks;
        this.contigStarts = contigStarts;
        this.codes = codes;
    }

    /**
     * Reads partition {@code p}'s chunks' padded intervals from the genome's bases.
     *
     * @throws IllegalArgumentException if the partition holds 2^31 bases or more (a k-mer index
     *                                  of one partition counts positions in an int)
     */
    public static PartitionGenome read(PartitionPlan plan, int p, BasesSource bases) throws IOException {
        List<Chunk> list = plan.partition(p);
        long total = 0;
        for (Chunk c : list) {
            total += c.paddedLength();
        }
        if (total >= Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("partition " + p + " holds " + total + " bases; choose a smaller "
                    + "--partition-size (one partition must stay below 2^31 bases)");
        }
        Chunk[] chunks = list.toArray(new Chunk[0]);
        long[] starts = new long[chunks.length];
        byte[][] codes = new byte[chunks.length][];
        List<String> names = new ArrayList<>(chunks.length);
        for (int j = 0; j < chunks.length; j++) {
            Chunk c = chunks[j];
            starts[j] = plan.contigs().contigStart(c.contigIndex());
            codes[j] = new byte[(int) c.paddedLength()];
            bases.read(starts[j] + c.paddedStart(), codes[j], 0, codes[j].length);
            // named by the core, which is unique: two chunks of a short contig can share one padded range
            names.add(c.contigName() + ":" + c.coreStart() + "-" + c.coreEnd());
        }
        boolean whole = chunks.length == plan.contigs().contigCount() && total == plan.contigs().length();
        return new PartitionGenome(p, Genome.of("partition " + p, names, List.of(codes)), chunks, starts, codes, whole);
    }

    /** Whether this partition holds every base of the genome (a plan of one partition, no cut). */
    public boolean holdsWholeGenome() {
        return wholeGenome;
    }

    public int partition() {
        return partition;
    }

    /** The partition's bases as a genome whose contig j is chunk j's padded interval. */
    public Genome genome() {
        return genome;
    }

    public int chunkCount() {
        return chunks.length;
    }

    public Chunk chunk(int j) {
        return chunks[j];
    }

    /** Codes of chunk j's padded interval: index i is contig offset {@code chunk(j).paddedStart() + i}. */
    public byte[] codes(int j) {
        return codes[j];
    }

    /** Genome position of chunk j's contig's first base. */
    public long contigStart(int j) {
        return contigStarts[j];
    }

    /** Bases held (the padded intervals). */
    public long bases() {
        return genome.length();
    }

    /** The cores as offsets into the partition genome's contigs: {@code [2j], [2j+1]} for chunk j. */
    public long[] owned() {
        long[] r = new long[2 * chunks.length];
        for (int j = 0; j < chunks.length; j++) {
            r[2 * j] = chunks[j].coreStart() - chunks[j].paddedStart();
            r[2 * j + 1] = chunks[j].coreEnd() - chunks[j].paddedStart();
        }
        return r;
    }

    /** The genome position of a partition position. */
    public long genomePosition(long partitionPosition) {
        int j = genome.contigIndexAt(partitionPosition);
        return contigStarts[j] + chunks[j].paddedStart() + (partitionPosition - genome.dictionary().contigStart(j));
    }

    /** An element found on chunk {@code e.contigIndex()} of this partition, in genome coordinates. */
    public PartitionResult.ClaimedElement claimed(org.reprise.discover.Element e) {
        Chunk c = chunks[e.contigIndex()];
        long start = c.paddedStart() + e.start();
        long end = c.paddedStart() + e.end();
        return new PartitionResult.ClaimedElement(c.contigIndex(), start, end, e.isReverse(), c.coreStart(),
                start < c.coreStart() || end > c.coreEnd());
    }

    /** Partition positions as genome positions (ascending stays ascending: chunks are in genome order). */
    public long[] genomePositions(long[] positions) {
        long[] out = new long[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = genomePosition(positions[i]);
        }
        return out;
    }
}
