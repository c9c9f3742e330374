package org.reprise.spark.partition;

import org.reprise.genome.ContigCoordinates;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The genome's contigs without their bases: names, lengths and where each starts in the compact
 * genome coordinates local-core uses (contigs end to end, in file order). The driver reads it in
 * one streaming pass, so it never holds the sequence; tasks get it broadcast (a 250,000-contig
 * assembly is a few MB). Positions are longs: genomes past 2^31 bases are expected here.
 */
public final class ContigTable implements ContigCoordinates, Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final long[] lengths;
    private final long[] starts;
    private final long length;

    public ContigTable(List<String> names, long[] lengths) {
        if (names.size() != lengths.length) {
            throw new IllegalArgumentException(names.size() + " names but " + lengths.length + " lengths");
        }
        this.names = names.toArray(new String[0]);
        this.lengths = lengths.clone();
        this.starts = new long[lengths.length];
        long total = 0;
        for (int i = 0; i < lengths.length; i++) {
            starts[i] = total;
            total += lengths[i];
        }
        this.length = total;
    }

    /** Reads the contig table from a FASTA stream, checking every letter as local-core does. */
    public static ContigTable read(InputStream in, String source) throws IOException {
        return read(in, source, null);
    }

    /**
     * Reads the contig table, and writes every contig's base codes to {@code codesOut} (one byte a
     * base, contigs end to end: byte i is genome position i) when it is not null, so that
     * partitions can later read their chunks by position instead of parsing the whole FASTA each.
     * One contig's bases are in memory at a time.
     */
    public static ContigTable read(InputStream in, String source, java.io.OutputStream codesOut) throws IOException {
        List<String> names = new ArrayList<>();
        long[][] lengths = {new long[1024]};
        FastaGenomeReader.stream(in, source, new FastaGenomeReader.ContigSink() {
            @Override
            public boolean wants(int index, String name) {
                return codesOut != null;
            }

            @Override
            public void contig(int index, String name, long contigLength, byte[] codes) throws IOException {
                if (codesOut != null) {
                    codesOut.write(codes);
                }
                if (index == lengths[0].length) {
                    lengths[0] = Arrays.copyOf(lengths[0], index * 2);
                }
                names.add(name);
                lengths[0][index] = contigLength;
            }
        });
        return new ContigTable(names, Arrays.copyOf(lengths[0], names.size()));
    }

    @Override
    public int contigCount() {
        return names.length;
    }

    @Override
    public String contigName(int contigIndex) {
        return names[contigIndex];
    }

    @Override
    public long contigStart(int contigIndex) {
        return starts[contigIndex];
    }

    @Override
    public long contigLength(int contigIndex) {
        return lengths[contigIndex];
    }

    public long contigEnd(int contigIndex) {
        return starts[contigIndex] + lengths[contigIndex];
    }

    @Override
    public long length() {
        return length;
    }

    /** The names in file order (for the partitioner). */
    public List<String> names() {
        return List.of(names);
    }

    public long[] lengths() {
        return lengths.clone();
    }

    /** REPrise's buffer length, from which the default k is derived (as {@link Genome#repriseBufferLength()}). */
    public long repriseBufferLength() {
        return Genome.repriseBufferLength(length, names.length);
    }

    @Override
    public int contigIndexAt(long pos) {
        return ContigCoordinates.indexAt(starts, length, pos);
    }

    public boolean sameContig(long a, long b) {
        return contigIndexAt(a) == contigIndexAt(b);
    }
}
