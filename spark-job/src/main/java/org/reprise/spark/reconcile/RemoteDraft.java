package org.reprise.spark.reconcile;

import org.reprise.extend.Extension;

/**
 * A family drafted on an executor: both extensions and every copy's element relative to the copy
 * (flattened [start, end] pairs, in copy order). {@code complete} is false when the flanks cut
 * for the round were too short to prove the draft equals the one the whole genome gives; the
 * driver then asks again with the full window.
 */
public final class RemoteDraft {
    final long code;
    final boolean complete;
    final byte[] right;
    final int rightBest;
    final byte[] left;
    final int leftBest;
    final long[] rels;

    RemoteDraft(long code, boolean complete, byte[] right, int rightBest, byte[] left, int leftBest, long[] rels) {
        this.code = code;
        this.complete = complete;
        this.right = right;
        this.rightBest = rightBest;
        this.left = left;
        this.leftBest = leftBest;
        this.rels = rels;
    }

    Extension rightSide() {
        return new Extension(right, rightBest);
    }

    Extension leftSide() {
        return new Extension(left, leftBest);
    }

    long[][] elements() {
        long[][] r = new long[rels.length / 2][];
        for (int i = 0; i < r.length; i++) {
            r[i] = new long[] {rels[2 * i], rels[2 * i + 1]};
        }
        return r;
    }
}
