package org.reprise.genome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An assembly held as base codes ({@link BaseCode}), one byte array per contig, with a genome-wide
 * coordinate space in which contig i occupies [start_i, start_i + length_i) and contigs follow each
 * other in input order without gaps.
 *
 * <p>REPrise concatenates contigs with 11,000 invalid bases between them so that no k-mer or
 * alignment crosses a contig end. We keep no padding in memory (250,000 contigs would cost 2.75
 * Gbp of it): every reader of bases is bounded by its contig instead, and a position outside the
 * contig reads as {@link BaseCode#INVALID}, exactly as REPrise's padding would.
 *
 * <p>Immutable after construction.
 */
public final class Genome implements ContigCoordinates {
    /** The separator REPrise puts before, between and after contigs; it enters the default k. */
    public static final int REPRISE_PADDING = 11_000;

    private final String source;
    private final List<Contig> contigs;
    private final long[] starts;
    private final byte[][] codes;
    private final long length;

    private Genome(String source, List<Contig> contigs, byte[][] codes) {
        this.source = source;
        this.contigs = Collections.unmodifiableList(contigs);
        this.codes = codes;
        this.starts = new long[contigs.size()];
        long total = 0;
        for (int i = 0; i < starts.length; i++) {
            starts[i] = contigs.get(i).start();
            total += contigs.get(i).length();
        }
        this.length = total;
    }

    /**
     * Builds a genome from named code arrays (values 0..3 or {@link BaseCode#INVALID}), in order.
     * The arrays are used as they are, not copied.
     */
    public static Genome of(String source, List<String> names, List<byte[]> codes) {
        if (names.size() != codes.size()) {
            throw new IllegalArgumentException("names and sequences differ in number");
        }
        List<Contig> contigs = new ArrayList<>(names.size());
        long start = 0;
        for (int i = 0; i < names.size(); i++) {
            contigs.add(new Contig(names.get(i), i, start, codes.get(i).length));
            start += codes.get(i).length;
        }
        return new Genome(source, contigs, codes.toArray(new byte[0][]));
    }

    /** Convenience for tests and small inputs: sequences as letters. */
    public static Genome ofLetters(String source, List<String> names, List<String> sequences) {
        List<byte[]> codes = new ArrayList<>();
        for (int s = 0; s < sequences.size(); s++) {
            String seq = sequences.get(s);
            byte[] c = new byte[seq.length()];
            for (int i = 0; i < c.length; i++) {
                byte b = BaseCode.fromAscii(seq.charAt(i));
                if (b == BaseCode.ILLEGAL) {
                    throw new GenomeFormatException("letter '" + seq.charAt(i) + "' in contig "
                            + names.get(s) + " is not a base or IUPAC code");
                }
                c[i] = b;
            }
            codes.add(c);
        }
        return of(source, names, codes);
    }

    /** Where the genome came from (a path or URI), for messages and the summary. */
    public String source() {
        return source;
    }

    public List<Contig> contigs() {
        return contigs;
    }

    @Override
    public int contigCount() {
        return contigs.size();
    }

    public Contig contig(int index) {
        return contigs.get(index);
    }

    @Override
    public String contigName(int contigIndex) {
        return contigs.get(contigIndex).name();
    }

    @Override
    public long contigStart(int contigIndex) {
        return starts[contigIndex];
    }

    @Override
    public long contigLength(int contigIndex) {
        return contigs.get(contigIndex).length();
    }

    /** All bases, valid or not, of all contigs. */
    @Override
    public long length() {
        return length;
    }

    /**
     * The buffer length REPrise computes its default k from: all bases plus 11,000 separator bases
     * for each contig and two more.
     */
    public long repriseBufferLength() {
        return repriseBufferLength(length, contigs.size());
    }

    /** {@link #repriseBufferLength()} of a genome known only by its size and contig count. */
    public static long repriseBufferLength(long bases, int contigCount) {
        return bases + (long) REPRISE_PADDING * (contigCount + 2);
    }

    /** The codes of one contig, for hot loops; index i is genome position contig.start() + i. */
    public byte[] codes(int contigIndex) {
        return codes[contigIndex];
    }

    /** The index of the contig holding a genome position (binary search over contig starts). */
    @Override
    public int contigIndexAt(long pos) {
        return ContigCoordinates.indexAt(starts, length, pos);
    }

    public Contig contigAt(long pos) {
        return contigs.get(contigIndexAt(pos));
    }

    /** Whether two genome positions lie in the same contig. */
    public boolean sameContig(long a, long b) {
        return contigIndexAt(a) == contigIndexAt(b);
    }

    /** The code at a genome position. */
    public int base(long pos) {
        int c = contigIndexAt(pos);
        return codes[c][(int) (pos - starts[c])];
    }

    /** Number of bases that are A, C, G or T. */
    public long validBases() {
        long n = 0;
        for (byte[] c : codes) {
            for (byte b : c) {
                if (b < BaseCode.INVALID) {
                    n++;
                }
            }
        }
        return n;
    }
}
