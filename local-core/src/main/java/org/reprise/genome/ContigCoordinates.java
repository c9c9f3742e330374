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
}
