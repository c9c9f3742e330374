package org.reprise.eval;

import org.reprise.genome.ContigDictionary;

/**
 * Shared by the text readers: applies name trimming, checks an interval (already converted to
 * 0-based half-open) against the known contig lengths and adds it. Checking while reading, not
 * afterwards, is what lets the error name the offending line.
 */
final class IntervalCollector {
    private final RepeatAnnotation.Builder builder = new RepeatAnnotation.Builder();
    private final ReaderOptions options;

    IntervalCollector(ReaderOptions options) {
        this.options = options;
    }

    /**
     * @param as1Based the coordinates as the file wrote them, for the messages
     */
    void add(LineSource in, String rawContig, long start, long end, String as1Based)
            throws InputFormatException {
        String contig = options.trimNames() ? SoftMaskedFastaReader.firstWord(rawContig) : rawContig;
        if (contig.isEmpty()) {
            throw in.error("empty sequence name");
        }
        if (start < 0) {
            throw in.error("negative start in " + as1Based);
        }
        if (end < start) {
            throw in.error("end before start in " + as1Based);
        }
        ContigDictionary known = options.knownLengths();
        if (known != null) {
            long length = known.lengthOf(contig);
            if (length < 0) {
                throw in.error("sequence '" + contig + "' is not in " + known.source()
                        + " (names are compared exactly; --trim-names cuts them at the first whitespace)");
            }
            if (end > length) {
                throw in.error(as1Based + " extends beyond the end of '" + contig + "' (" + length
                        + " bases in " + known.source() + ")");
            }
        }
        builder.add(contig, start, end);
    }

    RepeatAnnotation build() {
        return builder.build();
    }
}
