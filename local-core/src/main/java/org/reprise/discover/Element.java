package org.reprise.discover;

/**
 * One copy of a reported family in the genome: contig, 0-based half-open [start, end) on the
 * contig, strand, and the family's number. Immutable.
 */
public final class Element {
    private final int contigIndex;
    private final long start;
    private final long end;
    private final boolean reverse;
    private final int family;

    public Element(int contigIndex, long start, long end, boolean reverse, int family) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad element [" + start + ", " + end + ")");
        }
        this.contigIndex = contigIndex;
        this.start = start;
        this.end = end;
        this.reverse = reverse;
        this.family = family;
    }

    public int contigIndex() {
        return contigIndex;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long length() {
        return end - start;
    }

    public boolean isReverse() {
        return reverse;
    }

    public char strand() {
        return reverse ? '-' : '+';
    }

    public int family() {
        return family;
    }
}
