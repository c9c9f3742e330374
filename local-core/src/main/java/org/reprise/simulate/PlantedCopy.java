package org.reprise.simulate;

/**
 * One planted copy: which part of its family's consensus it derives from, how it was changed
 * and where it lies. Coordinates are 0-based, half-open. Its sequence is regenerated from
 * {@link #seed()} by {@link CopySequence}, so a plan holds no bases.
 *
 * @param id          1-based, in order of the copy's first base in the genome
 * @param family      index in {@link GenomePlan#families()}
 * @param reverse     minus strand: the genome holds the reverse complement
 * @param sourceFrom  first consensus base the copy derives from (interspersed families; 0 for tandem pieces)
 * @param sourceTo    end of that consensus interval; for satellites and low-complexity pieces, the planned length
 * @param rate        the mutation rate drawn for it (events per source base)
 * @param seed        the seed of its mutations
 * @param length      its length as planted, before any nested insertion or contig end cut
 * @param divergence  events per source base actually made (substitutions + indels)
 * @param tsd         target-site duplication: the {@code tsd} bases before {@link #start()} equal
 *                    the {@code tsd} bases from {@link #end()} (0: none)
 * @param soloLtr     an LTR family's copy made of one LTR only
 * @param truncated5  5'-truncated: {@code sourceFrom > 0} on the consensus, not counting solo LTRs
 * @param cut         whether a contig end cuts it
 * @param host        id of the copy it was inserted into, 0 for none
 * @param contig      contig index
 * @param start       first base of its span in the contig (nested insertions inside included)
 * @param end         end of its span, exclusive
 */
public record PlantedCopy(int id, int family, boolean reverse, int sourceFrom, int sourceTo, double rate, long seed,
        int length, double divergence, int tsd, boolean soloLtr, boolean truncated5, ContigEnd cut, int host,
        int contig, long start, long end) {

    /** Which contig end, if any, cuts a copy. */
    public enum ContigEnd {
        NONE, CONTIG_START, CONTIG_END
    }

    /** @return '+' or '-'. */
    public char strand() {
        return reverse ? '-' : '+';
    }
}
