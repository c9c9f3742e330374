package org.reprise.genome;

/**
 * Where contigs lie in the genome's compact coordinates (contigs end to end, in file order),
 * without their bases: what writers need to turn a genome position into contig and offset. A
 * {@link Genome} is one; so is the Spark driver's contig table, which never holds the bases.
 */
public interface ContigCoordinates {
    int contigCount();

    String contigName(int contigIndex);

    /** Genome position of the contig's first base. */
    long contigStart(int contigIndex);

    long contigLength(int contigIndex);

    /** All bases of all contigs. */
    long length();

    /** The contig holding a genome position. */
    int contigIndexAt(long pos);

    /**
     * The contig holding {@code pos}, by binary search over contig starts; empty contigs share
     * their start with the next one, and the base belongs to the non-empty one.
     */
    static int indexAt(long[] starts, long length, long pos) {
        if (pos < 0 || pos >= length) {
            throw new IllegalArgumentException("position " + pos + " outside genome of " + length + " bases");
        }
        int i = java.util.Arrays.binarySearch(starts, pos);
        if (i >= 0) {
            while (i + 1 < starts.length && starts[i + 1] == pos) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }
}
