package org.reprise.genome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An assembly held as base codes ({@link BaseCode}), one byte array per contig, over the
 * coordinates of its {@link ContigDictionary} (contigs end to end in input order, no gaps;
 * positions 0-based, intervals half-open).
 *
 * <p>REPrise concatenates contigs with 11,000 invalid bases between them so that no k-mer or
 * alignment crosses a contig end. We keep no padding in memory (250,000 contigs would cost 2.75
 * Gbp of it): every reader of bases is bounded by its contig instead, and a position outside the
 * contig reads as {@link BaseCode#INVALID}, exactly as REPrise's padding would.
 *
 * <p>Immutable after construction.
 */
public final class Genome {
    /** The separator REPrise puts before, between and after contigs; it enters the default k. */
    public static final int REPRISE_PADDING = 11_000;

    private final ContigDictionary dictionary;
    private final List<Contig> contigs;
    private final byte[][] codes;

    private Genome(ContigDictionary dictionary, byte[][] codes) {
        this.dictionary = dictionary;
        this.codes = codes;
        List<Contig> list = new ArrayList<>(codes.length);
        for (int i = 0; i < codes.length; i++) {
            list.add(new Contig(dictionary.contigName(i), i, dictionary.contigStart(i), codes[i].length));
        }
        this.contigs = Collections.unmodifiableList(list);
    }

    /**
     * Builds a genome from named code arrays (values 0..3 or {@link BaseCode#INVALID}), in order.
     * The arrays are used as they are, not copied.
     *
     * @throws IllegalArgumentException if the sizes differ or a name repeats
     */
    public static Genome of(String source, List<String> names, List<byte[]> codes) {
        if (names.size() != codes.size()) {
            throw new IllegalArgumentException("names and sequences differ in number");
        }
        long[] lengths = new long[codes.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = codes.get(i).length;
        }
        return new Genome(ContigDictionary.of(source, names, lengths), codes.toArray(new byte[0][]));
    }

    /**
     * A genome read back from its bases (a byte a base, contigs end to end), as written by
     * {@link FastaGenomeReader#scan}: what the exact strategy holds after a scan.
     *
     * @param read reads the codes of genome positions {@code [position, position + len)} into {@code dst[off..]}
     * @throws GenomeFormatException if a contig is too long to hold whole (2^31 bases or more)
     */
    public static Genome load(ContigDictionary contigs, BasesSource read) throws java.io.IOException {
        byte[][] codes = new byte[contigs.contigCount()][];
        for (int c = 0; c < codes.length; c++) {
            long length = contigs.contigLength(c);
            if (length > Integer.MAX_VALUE - 16) {
                throw new GenomeFormatException("contig " + contigs.contigName(c) + " has " + length
                        + " bases, more than one piece of memory holds: run it with --strategy partitioned");
            }
            codes[c] = new byte[(int) length];
            read.read(contigs.contigStart(c), codes[c], 0, codes[c].length);
        }
        return new Genome(contigs, codes);
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

    /** The contig table: names, lengths, starts. */
    public ContigDictionary dictionary() {
        return dictionary;
    }

    /** Where the genome came from (a path or URI), for messages and the summary. */
    public String source() {
        return dictionary.source();
    }

    public List<Contig> contigs() {
        return contigs;
    }

    public int contigCount() {
        return contigs.size();
    }

    public Contig contig(int index) {
        return contigs.get(index);
    }

    /** All bases, valid or not, of all contigs. */
    public long length() {
        return dictionary.length();
    }

    /** {@link ContigDictionary#repriseBufferLength()}. */
    public long repriseBufferLength() {
        return dictionary.repriseBufferLength();
    }

    /** The codes of one contig, for hot loops; index i is genome position contig.start() + i. */
    public byte[] codes(int contigIndex) {
        return codes[contigIndex];
    }

    /** The index of the contig holding a genome position (binary search over contig starts). */
    public int contigIndexAt(long pos) {
        return dictionary.contigIndexAt(pos);
    }

    public Contig contigAt(long pos) {
        return contigs.get(contigIndexAt(pos));
    }

    /** Whether two genome positions lie in the same contig. */
    public boolean sameContig(long a, long b) {
        return dictionary.sameContig(a, b);
    }

    /** The code at a genome position. */
    public int base(long pos) {
        int c = contigIndexAt(pos);
        return codes[c][(int) (pos - dictionary.contigStart(c))];
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
