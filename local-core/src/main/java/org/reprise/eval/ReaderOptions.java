package org.reprise.eval;

import org.reprise.genome.ContigDictionary;

import java.util.Set;

/**
 * How to read an annotation file.
 *
 * @param bedInclusiveEnd treat the BED end column as inclusive (REPrise 1.0.1 writes such BED)
 * @param gffTypes        GFF3 feature types (column 3) to keep; empty keeps all
 * @param trimNames       cut every contig name at its first whitespace
 * @param knownLengths    when not null, contig lengths to check every interval against
 */
public record ReaderOptions(boolean bedInclusiveEnd, Set<String> gffTypes, boolean trimNames,
                            ContigDictionary knownLengths) {

    public ReaderOptions {
        gffTypes = Set.copyOf(gffTypes);
    }

    /** Standard conventions, no filter, no name trimming, no length check. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(false, Set.of(), false, null);
    }

    /** The same options, checking against the given contig lengths. */
    public ReaderOptions withKnownLengths(ContigDictionary lengths) {
        return new ReaderOptions(bedInclusiveEnd, gffTypes, trimNames, lengths);
    }
}
