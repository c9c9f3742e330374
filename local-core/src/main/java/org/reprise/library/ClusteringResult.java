package org.reprise.library;

import java.util.Arrays;

import org.reprise.align.Alignment;

/**
 * The clusters of a {@link ConsensusClustering}: for every input sequence (numbered by its place
 * in the input, 0-based) its cluster and its alignment to the cluster's representative; for every
 * cluster its representative and members. Clusters are numbered 0, 1, 2... in the order their
 * representatives were made, which is the processing order (support descending, then length
 * descending, then input order). Immutable.
 */
public final class ClusteringResult {
    private final int[] order;
    private final int[] clusterOf;
    private final int[] representatives;
    private final int[][] members;
    private final Alignment[] alignments;

    /**
     * @param order      the input indices in processing order
     * @param clusterOf  per input index, its cluster
     * @param alignments per input index, its alignment to its representative (A = representative,
     *                   B = the sequence); null for a representative
     */
    ClusteringResult(int[] order, int[] clusterOf, Alignment[] alignments) {
        int n = clusterOf.length;
        if (order.length != n) {
            throw new IllegalArgumentException("order has " + order.length + " entries for " + n + " sequences");
        }
        this.order = order.clone();
        this.clusterOf = clusterOf.clone();
        this.alignments = alignments.clone();
        int clusters = 0;
        for (int c : clusterOf) {
            clusters = Math.max(clusters, c + 1);
        }
        this.representatives = new int[clusters];
        int[] size = new int[clusters];
        for (int s : order) {
            if (alignments[s] == null) {
                representatives[clusterOf[s]] = s;
            }
            size[clusterOf[s]]++;
        }
        this.members = new int[clusters][];
        for (int c = 0; c < clusters; c++) {
            members[c] = new int[size[c]];
            size[c] = 0;
        }
        for (int s : order) {
            members[clusterOf[s]][size[clusterOf[s]]++] = s;
        }
    }

    /** The number of input sequences. */
    public int size() {
        return clusterOf.length;
    }

    /** The number of clusters (= representatives). */
    public int clusterCount() {
        return representatives.length;
    }

    /** The cluster of input sequence {@code sequence}. */
    public int clusterOf(int sequence) {
        return clusterOf[sequence];
    }

    /** Whether input sequence {@code sequence} is its cluster's representative. */
    public boolean isRepresentative(int sequence) {
        return alignments[sequence] == null;
    }

    /** The input index of the representative of the cluster {@code sequence} belongs to. */
    public int representativeOf(int sequence) {
        return representatives[clusterOf[sequence]];
    }

    /**
     * The alignment of a member to its representative: A is the representative, B the member
     * (coordinates on the member's forward strand; {@link Alignment#strand()} MINUS when the
     * member is reverse-complemented relative to the representative); null for a representative.
     */
    public Alignment alignment(int sequence) {
        return alignments[sequence];
    }

    /** The input index of cluster {@code cluster}'s representative. */
    public int representative(int cluster) {
        return representatives[cluster];
    }

    /** The input indices of a cluster's members, the representative first, then in processing order. */
    public int[] members(int cluster) {
        return members[cluster].clone();
    }

    /** The input indices in processing order. */
    public int[] order() {
        return order.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusteringResult r && Arrays.equals(order, r.order) && Arrays.equals(clusterOf, r.clusterOf)
                && Arrays.equals(alignments, r.alignments);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(clusterOf) + Arrays.hashCode(alignments);
    }
}
