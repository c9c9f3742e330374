package org.reprise.polish;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.reprise.align.Dna;
import org.reprise.genome.BaseCode;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;

/**
 * Bases of a genome by contig coordinates (0-based, half-open), over a {@link BasesSource}
 * (contigs end to end at {@link ContigDictionary#contigStart}). Reads are clipped to the contig;
 * what lies outside it is {@link BaseCode#INVALID}. Thread-safe when the source is.
 */
final class GenomeBases {
    private final ContigDictionary contigs;
    private final BasesSource source;

    GenomeBases(ContigDictionary contigs, BasesSource source) {
        this.contigs = contigs;
        this.source = source;
    }

    ContigDictionary contigs() {
        return contigs;
    }

    /**
     * @return the codes of {@code [start, end)} on the contig, forward strand, or their reverse
     *         complement when {@code reverse}; positions outside the contig read as invalid
     */
    byte[] read(int contig, long start, long end, boolean reverse) {
        if (end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        int n = Math.toIntExact(end - start);
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, BaseCode.INVALID);
        long from = Math.max(0, start);
        long to = Math.min(contigs.contigLength(contig), end);
        if (from < to) {
            try {
                synchronized (this) {
                    source.read(contigs.contigStart(contig) + from, out, (int) (from - start), (int) (to - from));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the genome's bases: " + e.getMessage(), e);
            }
        }
        return reverse ? Dna.reverseComplement(out) : out;
    }
}
