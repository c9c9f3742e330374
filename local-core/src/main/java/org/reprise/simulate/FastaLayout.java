package org.reprise.simulate;

import java.io.IOException;
import java.io.Writer;

/**
 * Where each base of the simulated FASTA lies in the file: one header line {@code >name} per
 * contig, then its bases in lines of a fixed width, the last line possibly shorter. It gives the
 * samtools {@code .fai} index of the file without reading it, and lets a reader seek to any base.
 */
public final class FastaLayout {
    private final GenomePlan plan;
    private final int lineWidth;
    private final long[] baseOffsets;

    /**
     * @param plan      the genome
     * @param lineWidth bases per line
     */
    public FastaLayout(GenomePlan plan, int lineWidth) {
        this.plan = plan;
        this.lineWidth = lineWidth;
        this.baseOffsets = new long[plan.contigCount()];
        long at = 0;
        for (int c = 0; c < plan.contigCount(); c++) {
            at += headerBytes(c);
            baseOffsets[c] = at;
            at += recordBaseBytes(plan.contigLength(c));
        }
    }

    /**
     * @param contig contig index
     * @param pos    0-based position in the contig, in [0, length)
     * @return the byte offset of that base in the FASTA file
     */
    public long offsetOf(int contig, long pos) {
        if (pos < 0 || pos >= plan.contigLength(contig)) {
            throw new IllegalArgumentException("position " + pos + " outside " + plan.contigName(contig));
        }
        return baseOffsets[contig] + pos + pos / lineWidth;
    }

    /** @return the file's size in bytes. */
    public long fileBytes() {
        int last = plan.contigCount() - 1;
        return baseOffsets[last] + recordBaseBytes(plan.contigLength(last));
    }

    /** Writes the samtools faidx index: name, length, offset of the first base, line bases, line bytes. */
    public void writeFai(Writer w) throws IOException {
        for (int c = 0; c < plan.contigCount(); c++) {
            w.write(plan.contigName(c) + "\t" + plan.contigLength(c) + "\t" + baseOffsets[c] + "\t" + lineWidth + "\t"
                    + (lineWidth + 1) + "\n");
        }
    }

    private long headerBytes(int c) {
        return 1 + plan.contigName(c).length() + 1;
    }

    /** Bases plus one newline per line, the last line's included. */
    private long recordBaseBytes(long length) {
        return length + (length + lineWidth - 1) / lineWidth;
    }
}
