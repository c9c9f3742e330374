package org.reprise.spark.partition;

import org.apache.spark.Partitioner;

import java.util.Objects;

/**
 * Spark {@link Partitioner} for pair RDDs keyed by {@link Chunk}: each key goes to the partition the
 * {@link PartitionPlan} put it in, so {@code partitionBy(new ChunkPartitioner(plan))} lays the
 * chunks out exactly as planned. A key that is not a chunk of the plan is an error, not a hash.
 */
public final class ChunkPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final PartitionPlan plan;

    public ChunkPartitioner(PartitionPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public int numPartitions() {
        return plan.partitionCount();
    }

    @Override
    public int getPartition(Object key) {
        if (!(key instanceof Chunk)) {
            throw new IllegalArgumentException("ChunkPartitioner keys must be Chunks, got "
                    + (key == null ? "null" : key.getClass().getName()));
        }
        return plan.partitionOf((Chunk) key);
    }

    public PartitionPlan plan() {
        return plan;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkPartitioner && ((ChunkPartitioner) o).plan.equals(plan);
    }

    @Override
    public int hashCode() {
        return plan.hashCode();
    }
}
