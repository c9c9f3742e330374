package org.reprise.spark.partition;

import org.reprise.genome.ContigDictionary;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.partition.Chunk;
import org.reprise.partition.PartitionPlan;

import java.io.IOException;
import java.util.List;

/**
 * The bases one Spark partition holds: for each of its chunks, the padded interval's codes
 * (local-core's base codes). Built on the executor by positioned reads of the genome's code file
 * (written by the driver's contig-table pass), then cached in memory; never shuffled. If it is
 * lost it is read again, which gives the same bases.
 */
public final class PartitionSequences {
    private final int partition;
    private final List<Chunk> chunks;
    private final byte[][] codes;
    private final long[] contigStarts;

    private PartitionSequences(int partition, List<Chunk> chunks, byte[][] codes, long[] contigStarts) {
        this.partition = partition;
        this.chunks = chunks;
        this.codes = codes;
        this.contigStarts = contigStarts;
    }

    /**
     * Reads partition {@code p}'s chunks from the genome's code file ({@link FastaGenomeReader#scan} with
     * a code stream): one positioned read per chunk, so each partition reads only its own bases.
     */
    public static PartitionSequences readCodes(org.apache.hadoop.fs.FSDataInputStream codes, int p, PartitionPlan plan,
                                               ContigDictionary contigs) throws IOException {
        List<Chunk> chunks = plan.partition(p);
        byte[][] bases = new byte[chunks.size()][];
        long[] starts = new long[chunks.size()];
        for (int j = 0; j < chunks.size(); j++) {
            Chunk c = chunks.get(j);
            starts[j] = contigs.contigStart(c.contigIndex());
            bases[j] = new byte[(int) c.paddedLength()];
            codes.readFully(starts[j] + c.paddedStart(), bases[j], 0, bases[j].length);
        }
        return new PartitionSequences(p, chunks, bases, starts);
    }

    public int partition() {
        return partition;
    }

    public int chunkCount() {
        return chunks.size();
    }

    public Chunk chunk(int j) {
        return chunks.get(j);
    }

    /** Codes of chunk j's padded interval: index i is contig offset {@code chunk(j).paddedStart() + i}. */
    public byte[] codes(int j) {
        return codes[j];
    }

    /** Genome position of chunk j's contig's first base. */
    public long contigStart(int j) {
        return contigStarts[j];
    }

    public long bases() {
        long n = 0;
        for (byte[] c : codes) {
            n += c.length;
        }
        return n;
    }
}
