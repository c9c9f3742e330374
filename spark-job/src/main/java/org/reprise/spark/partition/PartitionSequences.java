package org.reprise.spark.partition;

import org.reprise.genome.FastaGenomeReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The bases one Spark partition holds: for each of its chunks, the padded interval's codes
 * (local-core's base codes). Built on the executor by streaming the input FASTA and keeping only
 * this partition's contigs, then cached in memory; never shuffled. If it is lost it is read again,
 * which gives the same bases.
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

    /** Reads partition {@code p}'s chunks from a FASTA stream (every record is parsed and checked). */
    public static PartitionSequences read(InputStream in, String source, int p, PartitionPlan plan,
                                          ContigTable contigs) throws IOException {
        List<Chunk> chunks = plan.partition(p);
        byte[][] codes = new byte[chunks.size()][];
        long[] starts = new long[chunks.size()];
        boolean[] wanted = new boolean[plan.contigCount()];
        for (Chunk c : chunks) {
            wanted[c.contigIndex()] = true;
        }
        FastaGenomeReader.stream(in, source, new FastaGenomeReader.ContigSink() {
            @Override
            public boolean wants(int index, String name) {
                return index < wanted.length && wanted[index];
            }

            @Override
            public void contig(int index, String name, long length, byte[] contig) {
                if (index >= wanted.length || !name.equals(plan.contigName(index)) || length != plan.contigLength(index)) {
                    throw new IllegalStateException(source + " changed while the job ran: record " + (index + 1)
                            + " is now " + name + " of " + length + " bases");
                }
                if (!wanted[index]) {
                    return;
                }
                for (int j = 0; j < chunks.size(); j++) {
                    Chunk c = chunks.get(j);
                    if (c.contigIndex() == index) {
                        codes[j] = Arrays.copyOfRange(contig, (int) c.paddedStart(), (int) c.paddedEnd());
                        starts[j] = contigs.contigStart(index);
                    }
                }
            }
        });
        for (int j = 0; j < chunks.size(); j++) {
            if (codes[j] == null) {
                throw new IllegalStateException(source + " changed while the job ran: " + chunks.get(j) + " is missing");
            }
        }
        return new PartitionSequences(p, chunks, codes, starts);
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
