package org.reprise.seeds;

/**
 * A seed candidate (docs/ALGORITHM.md, seed candidates): a k-mer pair with at least minfreq
 * tandem-filtered copies, under its representative k-mer ({@link Representative}), with its count,
 * its position (the representative's first occurrence, genome coordinates) and the tandem-filtered
 * copies of the representative ({@code forward}) and of its reverse complement ({@code reverse}),
 * ascending. A palindrome's two lists are the same array and count twice, as in REPrise.
 * Immutable by convention: the arrays are not copied and must not be changed.
 */
public final class Candidate {
    private final long code;
    private final int count;
    private final long position;
    private final long[] forward;
    private final long[] reverse;

    public Candidate(long code, int count, long position, long[] forward, long[] reverse) {
        this.code = code;
        this.count = count;
        this.position = position;
        this.forward = forward;
        this.reverse = reverse;
    }

    /** The representative k-mer's 2-bit code. */
    public long code() {
        return code;
    }

    /** Forward plus reverse copies. */
    public int count() {
        return count;
    }

    /** The representative's first occurrence. */
    public long position() {
        return position;
    }

    public long[] forward() {
        return forward;
    }

    public long[] reverse() {
        return reverse;
    }

    /**
     * Whether this candidate ranks before {@code o}: more copies first, then the earlier position
     * (the order of the pre-masking pass and of {@code .freq}).
     */
    public boolean ranksBefore(Candidate o) {
        return count != o.count ? count > o.count : position < o.position;
    }
}
