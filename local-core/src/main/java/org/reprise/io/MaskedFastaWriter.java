package org.reprise.io;

import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.ContigDictionary;
import org.reprise.genome.Genome;
import org.reprise.genome.GenomeFormatException;
import org.reprise.mask.Bitmask;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * {@code .masked}: the input FASTA with the reported elements masked, one record per contig, 60
 * bases a line. Hard masking writes N over masked bases and keeps every other letter as it was
 * (case and ambiguity codes included); soft masking writes masked bases in lowercase and all others
 * in uppercase, so that lowercase means "found by this run" only.
 *
 * <p>The letters are streamed again from the input file rather than kept in memory.
 */
public final class MaskedFastaWriter {
    /** How masked bases are written. */
    public enum Style { HARD, SOFT }

    private static final int LINE = 60;

    private MaskedFastaWriter() {
    }

    public static void write(Path input, Genome genome, Bitmask mask, Style style, OutputStream out) throws IOException {
        try (InputStream in = FastaGenomeReader.open(input)) {
            write(in, input.toString(), genome.dictionary(), mask, style, out);
        }
    }

    /**
     * Copies the FASTA read from {@code in} (decompressed) with the bases set in {@code mask}
     * masked; {@code contigs} is the genome it was read as, to check nothing changed meanwhile.
     */
    public static void write(InputStream in, String input, ContigDictionary genome, Bitmask mask, Style style,
                             OutputStream out) throws IOException {
        {
            byte[] buf = new byte[1 << 16];
            byte[] line = new byte[LINE + 1];
            line[LINE] = '\n';
            int fill = 0;
            int contig = -1;
            long pos = 0;
            boolean inHeader = false;
            boolean atLineStart = true;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (inHeader) {
                        if (b != '\r') {
                            out.write(b);
                        }
                        if (b == '\n') {
                            inHeader = false;
                            atLineStart = true;
                        }
                        continue;
                    }
                    if (b == '\n') {
                        atLineStart = true;
                        continue;
                    }
                    if (atLineStart && b == '>') {
                        if (fill > 0) {
                            out.write(line, 0, fill);
                            out.write('\n');
                            fill = 0;
                        }
                        contig++;
                        if (contig >= genome.contigCount()) {
                            throw new GenomeFormatException(input + " changed while it was read: more records than before");
                        }
                        pos = genome.contigStart(contig);
                        inHeader = true;
                        out.write(b);
                        continue;
                    }
                    atLineStart = false;
                    if (b == '\r' || b == ' ' || b == '\t' || contig < 0) {
                        continue;
                    }
                    boolean masked = mask.get(pos++);
                    byte letter;
                    if (style == Style.HARD) {
                        letter = masked ? (byte) 'N' : b;
                    } else {
                        letter = (byte) (masked ? Character.toLowerCase(b) : Character.toUpperCase(b));
                    }
                    line[fill++] = letter;
                    if (fill == LINE) {
                        out.write(line, 0, LINE + 1);
                        fill = 0;
                    }
                }
            }
            if (inHeader) {
                out.write('\n');
            }
            if (fill > 0) {
                out.write(line, 0, fill);
                out.write('\n');
            }
            if (contig + 1 != genome.contigCount() || pos != genome.length()) {
                throw new GenomeFormatException(input + " changed while it was read");
            }
        }
    }
}
