package org.reprise.discover;

import org.reprise.genome.ContigDictionary;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.params.Parameters;

import java.util.Locale;

/**
 * Whether a genome leaves room for any repeat family under the given parameters, decided from
 * its scan alone, before any index is built. Two reasons make a family impossible, both exact:
 * no run of k valid bases (no seed: every k-mer touches an N), or every contig shorter than
 * {@code -minlength} (a consensus is extended along copies, which never leave their contig, so it
 * is never longer than the longest contig, and shorter ones are not reported).
 *
 * <p>The local command line and the Spark job warn; a batch counts such a genome as failed.
 */
public final class FamilyRoom {
    private FamilyRoom() {
    }

    /**
     * @param scan   the genome's scan ({@link FastaGenomeReader#scan})
     * @param params the parameters, k resolved
     * @return null when a family is possible; otherwise why none is, one line naming the source
     */
    public static String whyNone(FastaGenomeReader.Scan scan, Parameters params) {
        ContigDictionary contigs = scan.contigs();
        String source = contigs.source();
        if (scan.longestValidRun() >= 0 && scan.longestValidRun() < params.k) {
            return String.format(Locale.ROOT, "%s: no valid k-mer (no run of k = %d A, C, G or T bases; the longest is %,d): "
                    + "too short for any repeat family", source, params.k, scan.longestValidRun());
        }
        long longest = 0;
        for (int c = 0; c < contigs.contigCount(); c++) {
            longest = Math.max(longest, contigs.contigLength(c));
        }
        if (longest < params.minLength) {
            return String.format(Locale.ROOT, "%s: every contig is shorter than -minlength %d (the longest has %,d bases): "
                    + "too short for any repeat family", source, params.minLength, longest);
        }
        return null;
    }
}
