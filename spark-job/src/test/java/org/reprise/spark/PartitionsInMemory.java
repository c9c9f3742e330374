package org.reprise.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.reprise.genome.Genome;
import org.reprise.partition.PartitionPlan;
import org.reprise.partition.PartitionGenome;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every partition of a plan read as the job reads it (positioned reads of a bases file), without Spark. */
public final class PartitionsInMemory {
    private PartitionsInMemory() {
    }

    public static List<PartitionGenome> read(Genome genome, PartitionPlan plan, Path dir) throws IOException {
        Path codes = dir.resolve("codes.bin");
        try (OutputStream out = Files.newOutputStream(codes)) {
            for (int c = 0; c < genome.contigCount(); c++) {
                out.write(genome.codes(c));
            }
        }
        List<PartitionGenome> parts = new ArrayList<>();
        FileSystem fs = FileSystem.getLocal(new Configuration());
        for (int p = 0; p < plan.partitionCount(); p++) {
            try (FSDataInputStream in = fs.open(new org.apache.hadoop.fs.Path(codes.toUri()))) {
                parts.add(PartitionGenome.read(plan, p, in::readFully));
            }
        }
        return parts;
    }
}
