package org.reprise.polish;

import java.util.List;

import org.reprise.align.Alignment;
import org.reprise.align.Band;
import org.reprise.align.PairwiseAligner;
import org.reprise.align.Strand;
import org.reprise.discover.Element;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;

/**
 * How far a family's copies have drifted from its consensus: for each copy, 1 - the identity of
 * its local alignment with the consensus (blastn's scores, {@link PairwiseAligner}), the copy read
 * in the consensus' orientation. The spread of these values is the family's age profile, what a
 * "repeat landscape" plots.
 *
 * <p>Not thread-safe (one aligner's scratch space): one instance per thread.
 *
 * <p>A family of many copies is sampled: at most {@code max} copies, evenly spaced in the family's
 * element order, so the answer depends only on the family and {@code max}. A copy whose alignment
 * is empty (no shared seed, e.g. a copy of mostly N) gives no value.
 */
public final class CopyDivergence {
    private final GenomeBases genome;
    private final PairwiseAligner aligner = new PairwiseAligner();

    /**
     * @param contigs the contigs the elements lie on
     * @param bases   the genome's bases, contigs end to end; read under a lock of this object
     */
    public CopyDivergence(ContigDictionary contigs, BasesSource bases) {
        genome = new GenomeBases(contigs, bases);
    }

    /**
     * @param consensus the family's consensus, base codes
     * @param elements  its copies
     * @param max       most copies to align, {@code >= 1}
     * @return the divergences in [0, 1] of the sampled copies that aligned, in sample order
     * @throws java.io.UncheckedIOException if the bases cannot be read
     */
    public double[] sample(byte[] consensus, List<Element> elements, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        int n = elements.size();
        int take = Math.min(n, max);
        double[] out = new double[take];
        int kept = 0;
        for (int i = 0; i < take; i++) {
            // Evenly spaced: copy floor(i * n / take), the first copy always among them.
            Element e = elements.get((int) ((long) i * n / take));
            byte[] copy = genome.read(e.contigIndex(), e.start(), e.end(), e.isReverse());
            // The copy is in the consensus' orientation already: one strand to seed and align.
            Band band = aligner.band(consensus, copy, Strand.PLUS);
            Alignment a = band == null ? null : aligner.align(consensus, copy, band);
            if (a != null && !a.isEmpty()) {
                out[kept++] = Math.max(0.0, Math.min(1.0, 1.0 - a.identity()));
            }
        }
        return kept == take ? out : java.util.Arrays.copyOf(out, kept);
    }
}
