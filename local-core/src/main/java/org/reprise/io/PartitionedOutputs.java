package org.reprise.io;

import org.reprise.partition.PartitionedDiscovery;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The outputs of a partitioned run, written the same way by the local CLI and the Spark job:
 * the library, the genome-wide seed table as {@code .freq}, the elements by position as
 * {@code .bed}, the masked genome, and the summary's common part.
 */
public final class PartitionedOutputs {
    private PartitionedOutputs() {
    }

    /**
     * Writes {@code .reprof}, {@code .freq}, {@code .bed} and {@code .masked} into {@code sink}.
     *
     * @param fasta     the input FASTA once more, for {@code .masked} (its headers and letters are kept)
     * @param fastaName its name, for messages
     */
    public static void write(PartitionedDiscovery.Result result, OutputSink sink, InputStream fasta, String fastaName,
                             MaskedFastaWriter.Style style) throws IOException {
        try (Writer w = sink.open(".reprof")) {
            LibraryWriters.writeReprof(result.families(), w);
        }
        try (Writer w = sink.open(".freq")) {
            LibraryWriters.writeFreq(result.genomeWideSeeds(), result.parameters().k, result.contigs(), w);
        }
        try (Writer w = sink.open(".bed")) {
            LibraryWriters.writeBedByPosition(result.families(), result.contigs(), w);
        }
        try (OutputStream os = new BufferedOutputStream(sink.openStream(".masked"), 1 << 16)) {
            MaskedFastaWriter.write(fasta, fastaName, result.contigs(), result.reportedMask(), style, os);
        }
    }

    /**
     * The summary of a partitioned run, before the caller adds its own sections and later times.
     *
     * @param loadSeconds the time the input took to read, the first phase
     */
    public static RunSummary summary(PartitionedDiscovery.Result result, String input, long validBases,
                                     double loadSeconds) {
        long masked = result.reportedMask().cardinality();
        return new RunSummary(input, "partitioned", result.parameters(), result.contigs(), validBases)
                .results(result.genomeWideSeeds(), 0, result.families(), masked, masked, result.contigs().length())
                .section("partitioned", result.figures())
                .seconds("load", loadSeconds)
                .seconds(result.seconds());
    }
}
