package org.reprise.spark.seeds;

/**
 * A k-mer pair with at least minfreq tandem-filtered copies: its representative k-mer (the side
 * that occurs first in the genome), the copy count, and the tandem-filtered copies of the
 * representative ({@code forward}) and of its reverse complement ({@code reverse}), ascending.
 * For a palindrome both lists are the same, and count twice, as in REPrise.
 */
public final class Candidate {
    final long code;
    final int count;
    final long position;
    final long[] forward;
    final long[] reverse;

    Candidate(long code, int count, long position, long[] forward, long[] reverse) {
        this.code = code;
        this.count = count;
        this.position = position;
        this.forward = forward;
        this.reverse = reverse;
    }

    RankKey rankKey() {
        return new RankKey(count, position);
    }
}
