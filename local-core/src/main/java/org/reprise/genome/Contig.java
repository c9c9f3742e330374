package org.reprise.genome;

import java.util.Objects;

/**
 * One sequence of the assembly: its name (the FASTA header up to the first white space), its index in
 * input order, its first base in the genome-wide coordinate space and its length.
 */
public final class Contig {
    private final String name;
    private final int index;
    private final long start;
    private final long length;

    public Contig(String name, int index, long start, long length) {
        this.name = Objects.requireNonNull(name, "name");
        if (index < 0 || start < 0 || length < 0) {
            throw new IllegalArgumentException("negative index, start or length for contig " + name);
        }
        this.index = index;
        this.start = start;
        this.length = length;
    }

    public String name() {
        return name;
    }

    public int index() {
        return index;
    }

    /** Genome-wide coordinate of this contig's first base. */
    public long start() {
        return start;
    }

    /** Genome-wide coordinate one past this contig's last base. */
    public long end() {
        return start + length;
    }

    public long length() {
        return length;
    }

    @Override
    public String toString() {
        return name + "(" + length + " bp)";
    }
}
