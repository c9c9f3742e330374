package org.reprise.spark.rounds;

/** One seed to draft in a round: its code and its unmasked copies, forward then reverse, ascending. */
public final class DraftRequest {
    final long code;
    final long[] forward;
    final long[] reverse;

    DraftRequest(long code, long[] forward, long[] reverse) {
        this.code = code;
        this.forward = forward;
        this.reverse = reverse;
    }

    int copies() {
        return forward.length + reverse.length;
    }

    long position(int i) {
        return i < forward.length ? forward[i] : reverse[i - forward.length];
    }
}
