package org.reprise.genome;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contigs of an assembly without their bases: names, lengths, and where each starts in the
 * genome's coordinates. The one contig table of the project: the loaded {@link Genome}, the Spark
 * driver (which never holds the bases), the partition plan and {@code evaluate} all use it.
 *
 * <h2>Coordinates (the convention everywhere in this project)</h2>
 * <ul>
 *   <li>A <b>genome position</b> is an offset into the contigs laid end to end in file order,
 *       without separators: contig i occupies {@code [contigStart(i), contigEnd(i))}. It is a
 *       {@code long}: genomes may pass 2^31 bases.</li>
 *   <li>A <b>contig position</b> is 0-based within its contig.</li>
 *   <li>Every interval is <b>half-open</b>, {@code [start, end)}, as in BED. REPrise 1.0.1's own
 *       BED end is inclusive; ours is not (docs/ALGORITHM.md).</li>
 * </ul>
 *
 * <p>Names are unique (checked here, once). Empty contigs are allowed; they share their start with
 * the next contig and own no position. Immutable and serializable (Spark broadcasts it: a
 * 250,000-contig assembly is a few MB).
 */
public final class ContigDictionary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String[] names;
    private final long[] lengths;
    private final long[] starts;
    private final long length;
    private transient Map<String, Integer> byName;

    private ContigDictionary(String source, String[] names, long[] lengths) {
        this.source = source;
        this.names = names;
        this.lengths = lengths;
        this.starts = new long[lengths.length];
        long total = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new IllegalArgumentException("contig " + names[i] + " has negative length " + lengths[i]);
            }
            starts[i] = total;
            total = Math.addExact(total, lengths[i]);
        }
        this.length = total;
        byName();
    }

    /**
     * @param source  where the contigs come from (a path or URI), for messages
     * @param names   contig names in file order; unique
     * @param lengths their lengths, same order, each &gt;= 0 (copied)
     * @throws IllegalArgumentException if the sizes differ, a name repeats or a length is negative
     */
    public static ContigDictionary of(String source, List<String> names, long[] lengths) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(lengths, "lengths");
        if (names.size() != lengths.length) {
            throw new IllegalArgumentException(names.size() + " contig names but " + lengths.length + " lengths");
        }
        String[] n = new String[names.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = Objects.requireNonNull(names.get(i), "contig name " + i);
        }
        return new ContigDictionary(source == null ? "" : source, n, lengths.clone());
    }

    private Map<String, Integer> byName() {
        Map<String, Integer> m = byName;
        if (m == null) {
            m = new HashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                if (m.put(names[i], i) != null) {
                    throw new IllegalArgumentException("duplicate contig name '" + names[i] + "'");
                }
            }
            byName = m;
        }
        return m;
    }

    /** Where the contigs come from (a path or URI); empty when unknown. */
    public String source() {
        return source;
    }

    public int contigCount() {
        return names.length;
    }

    public String contigName(int contigIndex) {
        return names[contigIndex];
    }

    public long contigLength(int contigIndex) {
        return lengths[contigIndex];
    }

    /** Genome position of the contig's first base. */
    public long contigStart(int contigIndex) {
        return starts[contigIndex];
    }

    /** Genome position one past the contig's last base. */
    public long contigEnd(int contigIndex) {
        return starts[contigIndex] + lengths[contigIndex];
    }

    /** All bases of all contigs. */
    public long length() {
        return length;
    }

    /** The index of the contig named so, or -1. */
    public int indexOf(String name) {
        Integer i = byName().get(name);
        return i == null ? -1 : i;
    }

    /** The length of the contig named so, or -1 when there is none. */
    public long lengthOf(String name) {
        int i = indexOf(name);
        return i < 0 ? -1 : lengths[i];
    }

    /**
     * The contig holding genome position {@code pos}, by binary search over contig starts; an
     * empty contig shares its start with the next one, and the base belongs to the non-empty one.
     *
     * @throws IllegalArgumentException if {@code pos} is outside {@code [0, length())}
     */
    public int contigIndexAt(long pos) {
        if (pos < 0 || pos >= length) {
            throw new IllegalArgumentException("position " + pos + " outside genome of " + length + " bases");
        }
        int i = Arrays.binarySearch(starts, pos);
        if (i >= 0) {
            while (i + 1 < starts.length && starts[i + 1] == pos) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    /** Whether two genome positions lie in the same contig. */
    public boolean sameContig(long a, long b) {
        return contigIndexAt(a) == contigIndexAt(b);
    }

    /** The names in file order. */
    public List<String> names() {
        return List.of(names);
    }

    /** The lengths in file order (a copy). */
    public long[] lengths() {
        return lengths.clone();
    }

    /**
     * The buffer length REPrise derives its default k from: all bases plus 11,000 separator bases
     * for each contig and two more ({@link Genome#REPRISE_PADDING}).
     */
    public long repriseBufferLength() {
        return length + (long) Genome.REPRISE_PADDING * (names.length + 2L);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContigDictionary d && Arrays.equals(names, d.names) && Arrays.equals(lengths, d.lengths);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(lengths);
    }

    @Override
    public String toString() {
        return "ContigDictionary[" + names.length + " contigs, " + length + " bases]";
    }
}
