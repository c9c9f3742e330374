package org.reprise.simulate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Writes a planned genome as FASTA, streaming each contig from its first base to its last:
 * background from the contig's own random stream, planted copies made again from their seeds as
 * the writer reaches them, target-site duplications from the bases just written. Memory holds a
 * 1 MiB output buffer and the copies being written, whatever the genome's size; positions are
 * longs, so a contig may pass 2^31 bases.
 */
public final class GenomeWriter {
    private static final int BUFFER = 1 << 20;
    /** Bases of history kept for target-site duplications (the longest is 20). */
    private static final int HISTORY = 64;
    private static final long PROGRESS_EVERY = 1L << 26;

    private final GenomePlan plan;
    private final OutputStream out;
    private final int width;
    private final boolean lowerCaseTruth;
    private final LongConsumer progress;
    private final byte[] buf = new byte[BUFFER];
    private int used;
    private int column;
    private final byte[] history = new byte[HISTORY];
    private int historyLength;
    private long written;
    private long nextReport = PROGRESS_EVERY;

    private GenomeWriter(GenomePlan plan, OutputStream out, LongConsumer progress) {
        this.plan = plan;
        this.out = out;
        this.width = plan.parameters().fastaLine();
        this.lowerCaseTruth = plan.parameters().softMaskTruth();
        this.progress = progress;
    }

    /**
     * Writes the genome: for each contig a line {@code >name}, then its bases in lines of
     * {@link SimulationParameters#fastaLine()}, upper case (planted pieces lower case with
     * {@link SimulationParameters#softMaskTruth()}). Does not close {@code out}.
     *
     * @param plan     the genome
     * @param out      where the FASTA goes
     * @param progress told the number of bases written every 2^26 bases (may be null)
     * @throws IOException if writing fails
     */
    public static void write(GenomePlan plan, OutputStream out, LongConsumer progress) throws IOException {
        GenomeWriter w = new GenomeWriter(plan, out, progress);
        for (int c = 0; c < plan.contigCount(); c++) {
            w.contig(c);
        }
        w.flush();
    }

    private void contig(int c) throws IOException {
        ContigPlan contig = plan.contig(c);
        raw((">" + contig.name() + "\n").getBytes(StandardCharsets.US_ASCII));
        column = 0;
        historyLength = 0;
        BaseSource background = new BaseSource(plan.parameters().gc(),
                Seeds.derive(plan.parameters().seed(), Seeds.BACKGROUND, c));
        byte[] block = new byte[HISTORY];
        ArrayDeque<byte[]> sites = new ArrayDeque<>();
        Map<Integer, byte[]> open = new HashMap<>();
        for (int s = 0; s < contig.segmentCount(); s++) {
            long v = contig.value(s);
            switch (contig.kind(s)) {
                case ContigPlan.BACKGROUND -> background(background, v, block);
                case ContigPlan.PIECE -> {
                    TruthPiece piece = plan.pieces().get((int) v);
                    byte[] copy = open.get(piece.copy());
                    if (copy == null) {
                        copy = CopySequence.of(plan, plan.copy(piece.copy()));
                        open.put(piece.copy(), copy);
                    }
                    bases(copy, piece.copyFrom(), (int) piece.length(), lowerCaseTruth);
                    if (piece.index() == piece.count()) {
                        open.remove(piece.copy());
                    }
                }
                case ContigPlan.SNAPSHOT -> sites.push(Arrays.copyOfRange(history, historyLength - (int) v, historyLength));
                case ContigPlan.TSD -> {
                    byte[] site = sites.pop();
                    bases(site, 0, site.length, false);
                }
                default -> throw new IllegalStateException("unknown segment kind " + contig.kind(s));
            }
        }
        if (column > 0) {
            room(1);
            buf[used++] = '\n';
        }
    }

    /**
     * Appends {@code n} background bases. All but the last {@value #HISTORY} are drawn straight
     * into the output buffer, a line at a time (the bulk of a genome is background: no copy); the
     * last ones go through {@link #bases} so that the history sees them.
     */
    private void background(BaseSource source, long n, byte[] block) throws IOException {
        long direct = n - Math.min(n, HISTORY);
        written += direct;
        while (direct > 0) {
            int k = (int) Math.min(direct, width - column);
            room(k + 1);
            source.fill(buf, used, k);
            used += k;
            column += k;
            direct -= k;
            if (column == width) {
                buf[used++] = '\n';
                column = 0;
            }
        }
        int last = (int) Math.min(n, HISTORY);
        source.fill(block, 0, last);
        bases(block, 0, last, false);
    }

    /** Appends upper-case bases, breaking lines; lower-cases them in the file when asked. */
    private void bases(byte[] src, int off, int len, boolean lower) throws IOException {
        remember(src, off, len);
        int end = off + len;
        while (off < end) {
            int k = Math.min(end - off, width - column);
            room(k + 1);
            if (lower) {
                for (int i = 0; i < k; i++) {
                    buf[used + i] = (byte) (src[off + i] | 0x20);
                }
            } else {
                System.arraycopy(src, off, buf, used, k);
            }
            used += k;
            off += k;
            column += k;
            if (column == width) {
                buf[used++] = '\n';
                column = 0;
            }
        }
        written += len;
        if (progress != null && written >= nextReport) {
            nextReport = (written / PROGRESS_EVERY + 1) * PROGRESS_EVERY;
            progress.accept(written);
        }
    }

    /** Keeps the last {@value #HISTORY} bases written, for the target-site duplications. */
    private void remember(byte[] src, int off, int len) {
        if (len >= HISTORY) {
            System.arraycopy(src, off + len - HISTORY, history, 0, HISTORY);
            historyLength = HISTORY;
            return;
        }
        int keep = Math.min(historyLength, HISTORY - len);
        System.arraycopy(history, historyLength - keep, history, 0, keep);
        System.arraycopy(src, off, history, keep, len);
        historyLength = keep + len;
    }

    private void raw(byte[] b) throws IOException {
        room(b.length);
        System.arraycopy(b, 0, buf, used, b.length);
        used += b.length;
    }

    private void room(int n) throws IOException {
        if (used + n > buf.length) {
            flush();
        }
    }

    private void flush() throws IOException {
        out.write(buf, 0, used);
        used = 0;
    }
}
