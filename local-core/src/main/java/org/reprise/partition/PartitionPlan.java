package org.reprise.partition;

import org.reprise.genome.ContigDictionary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Which {@link Chunk}s make up the genome and which partition each goes to; made by
 * {@link GenomePartitioner}, immutable.
 *
 * <h2>Ownership rule (the only one)</h2>
 * <b>A base is owned by the one chunk whose core interval holds it.</b> The cores of a contig's
 * chunks tile the contig exactly (no gap, no overlap), so every base of every non-empty contig has
 * exactly one owner. Padding is context only: a base in the overlap of two padded intervals is
 * owned by the chunk whose core holds it, i.e. the part of the overlap left of a cut belongs to the
 * left chunk and the part right of it to the right chunk. Anything anchored at one base (a k-mer at
 * its first base, a seed copy at its k-mer's start, an element at its start) is owned by the owner
 * of that base, so it is counted once however many padded intervals contain it. {@link #owner}
 * answers it for one base; code that walks a chunk's positions tests {@link Chunk#coreContains}.
 *
 * <p>Checked when a plan is made ({@link #of}): contig table consistent; each non-empty contig's
 * cores tile it; each padded interval is the core widened by exactly {@link #padding()} bases on each
 * side and clipped to the contig; each chunk in exactly one partition; within a partition, chunks in
 * genome order. Empty contigs have no chunk (they have no base to own).
 */
public final class PartitionPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ContigDictionary contigs;
    private final long padding;
    private final Chunk[][] partitions;

    /** Per contig, its chunks in core order, their core starts and partition indices (lookups). */
    private final transient Chunk[][] chunksByContig;
    private final transient long[][] coreStartsByContig;
    private final transient int[][] partitionByContig;

    private PartitionPlan(ContigDictionary contigs, long padding, Chunk[][] partitions) {
        this.contigs = contigs;
        this.padding = padding;
        this.partitions = partitions;
        int n = contigs.contigCount();
        List<List<Chunk>> perContig = new ArrayList<>(n);
        List<List<Integer>> perContigPartition = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            perContig.add(new ArrayList<>());
            perContigPartition.add(new ArrayList<>());
        }
        for (int p = 0; p < partitions.length; p++) {
            Chunk previous = null;
            for (Chunk c : partitions[p]) {
                Objects.requireNonNull(c, "chunk in partition " + p);
                int ci = c.contigIndex();
                if (ci >= n || !contigs.contigName(ci).equals(c.contigName()) || contigs.contigLength(ci) != c.contigLength()) {
                    throw new IllegalArgumentException("chunk " + c + " does not match the contig table");
                }
                if (previous != null && previous.compareTo(c) >= 0) {
                    throw new IllegalArgumentException("partition " + p + " is not in genome order: " + previous
                            + " before " + c);
                }
                long wantStart = Math.max(0, c.coreStart() - padding);
                long wantEnd = c.coreEnd() > c.contigLength() - padding ? c.contigLength() : c.coreEnd() + padding;
                if (c.paddedStart() != wantStart || c.paddedEnd() != wantEnd) {
                    throw new IllegalArgumentException("chunk " + c + " is not padded by the plan's padding of "
                            + padding + " bases");
                }
                perContig.get(ci).add(c);
                perContigPartition.get(ci).add(p);
                previous = c;
            }
        }
        chunksByContig = new Chunk[n][];
        coreStartsByContig = new long[n][];
        partitionByContig = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Chunk> cs = perContig.get(i);
            List<Integer> ps = perContigPartition.get(i);
            Integer[] order = new Integer[cs.size()];
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> cs.get(a).compareTo(cs.get(b)));
            Chunk[] sorted = new Chunk[order.length];
            long[] starts = new long[order.length];
            int[] parts = new int[order.length];
            long expected = 0;
            for (int j = 0; j < order.length; j++) {
                sorted[j] = cs.get(order[j]);
                parts[j] = ps.get(order[j]);
                starts[j] = sorted[j].coreStart();
                if (starts[j] != expected) {
                    throw new IllegalArgumentException("cores of contig " + contigs.contigName(i) + " do not tile it: "
                            + (starts[j] < expected ? "overlap" : "gap") + " at " + Math.min(expected, starts[j]));
                }
                expected = sorted[j].coreEnd();
            }
            if (expected != contigs.contigLength(i)) {
                throw new IllegalArgumentException("cores of contig " + contigs.contigName(i) + " do not tile it: bases ["
                        + expected + ", " + contigs.contigLength(i) + ") have no chunk");
            }
            chunksByContig[i] = sorted;
            coreStartsByContig[i] = starts;
            partitionByContig[i] = parts;
        }
    }

    /**
     * Makes a plan from its parts, checking everything listed in the class comment.
     *
     * @param contigs    the genome's contigs
     * @param padding    bases of padding on each side of every core (&gt;= 0)
     * @param partitions the chunks of each partition, each list in genome order (lists may be empty)
     * @throws IllegalArgumentException with a message naming the first problem found
     */
    public static PartitionPlan of(ContigDictionary contigs, long padding, List<List<Chunk>> partitions) {
        Objects.requireNonNull(contigs, "contigs");
        Objects.requireNonNull(partitions, "partitions");
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one partition");
        }
        Chunk[][] parts = new Chunk[partitions.size()][];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = Objects.requireNonNull(partitions.get(p), "partition " + p).toArray(new Chunk[0]);
        }
        return new PartitionPlan(contigs, padding, parts);
    }

    /** Java deserialization bypasses the constructor: rebuild through it so everything is checked again. */
    private Object readResolve() {
        return new PartitionPlan(contigs, padding, partitions);
    }

    /**
     * The chunk that owns base {@code position} of contig {@code contigIndex}: the one whose core
     * interval holds it (the ownership rule in the class comment).
     *
     * @throws IndexOutOfBoundsException if there is no such contig or the position is outside it
     */
    public Chunk owner(int contigIndex, long position) {
        return chunksByContig[checkBase(contigIndex, position)][ownerSlot(contigIndex, position)];
    }

    /** {@link #owner(int, long)} by contig name. */
    public Chunk owner(String contigName, long position) {
        int i = contigs.indexOf(contigName);
        if (i < 0) {
            throw new NoSuchElementException("no contig named '" + contigName + "'");
        }
        return owner(i, position);
    }

    /** The partition of the chunk that owns the base (see {@link #owner(int, long)}). */
    public int ownerPartition(int contigIndex, long position) {
        return partitionByContig[checkBase(contigIndex, position)][ownerSlot(contigIndex, position)];
    }

    private int ownerSlot(int contigIndex, long position) {
        int j = Arrays.binarySearch(coreStartsByContig[contigIndex], position);
        return j >= 0 ? j : -j - 2; // the last core starting at or before the position
    }

    private int checkBase(int contigIndex, long position) {
        if (contigIndex < 0 || contigIndex >= contigs.contigCount()) {
            throw new IndexOutOfBoundsException("no contig with index " + contigIndex + " (there are "
                    + contigs.contigCount() + ")");
        }
        if (position < 0 || position >= contigs.contigLength(contigIndex)) {
            throw new IndexOutOfBoundsException("position " + position + " is outside contig "
                    + contigs.contigName(contigIndex) + " (length " + contigs.contigLength(contigIndex) + ")");
        }
        return contigIndex;
    }

    /** The partition a chunk of this plan is in. */
    public int partitionOf(Chunk chunk) {
        int ci = chunk.contigIndex();
        if (ci < contigs.contigCount()) {
            int j = Arrays.binarySearch(coreStartsByContig[ci], chunk.coreStart());
            if (j >= 0 && chunksByContig[ci][j].equals(chunk)) {
                return partitionByContig[ci][j];
            }
        }
        throw new NoSuchElementException("chunk " + chunk + " is not in this plan");
    }

    public int partitionCount() {
        return partitions.length;
    }

    /** The chunks of partition {@code p}, in genome order (possibly empty). */
    public List<Chunk> partition(int p) {
        return Collections.unmodifiableList(Arrays.asList(partitions[p]));
    }

    /** The chunks of contig {@code contigIndex} in core order (empty for an empty contig). */
    public List<Chunk> chunksOf(int contigIndex) {
        return Collections.unmodifiableList(Arrays.asList(chunksByContig[contigIndex]));
    }

    /** All chunks in genome order. */
    public List<Chunk> chunks() {
        List<Chunk> all = new ArrayList<>();
        for (Chunk[] cs : chunksByContig) {
            all.addAll(Arrays.asList(cs));
        }
        return Collections.unmodifiableList(all);
    }

    /** Bases of padding on each side of every core (clipped at contig ends). */
    public long padding() {
        return padding;
    }

    /** The genome's contigs. */
    public ContigDictionary contigs() {
        return contigs;
    }

    /** Sum of the core lengths of partition {@code p} (the bases it owns). */
    public long ownedBases(int p) {
        long sum = 0;
        for (Chunk c : partitions[p]) {
            sum += c.coreLength();
        }
        return sum;
    }

    /** Sum of the padded lengths of partition {@code p} (the bases it reads). */
    public long paddedBases(int p) {
        long sum = 0;
        for (Chunk c : partitions[p]) {
            sum += c.paddedLength();
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PartitionPlan)) {
            return false;
        }
        PartitionPlan p = (PartitionPlan) o;
        return padding == p.padding && contigs.equals(p.contigs) && Arrays.deepEquals(partitions, p.partitions);
    }

    @Override
    public int hashCode() {
        return 31 * contigs.hashCode() + Arrays.deepHashCode(partitions);
    }

    @Override
    public String toString() {
        int chunks = 0;
        for (Chunk[] p : partitions) {
            chunks += p.length;
        }
        return "PartitionPlan[" + contigs.contigCount() + " contigs, " + chunks + " chunks, " + partitions.length
                + " partitions, padding " + padding + "]";
    }
}
