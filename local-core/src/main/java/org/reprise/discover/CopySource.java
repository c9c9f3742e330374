package org.reprise.discover;

import org.reprise.util.LongBuffer;

/**
 * Where the family loop gets a seed's copies: the k-mer index locally, the seed table's stored
 * copy lists on the Spark driver. Thread-safe: helper threads ask while the loop runs.
 */
public interface CopySource {
    /**
     * Writes the tandem-filtered copies of {@code seed} ({@code forward}) and of its reverse
     * complement ({@code reverse}), genome positions ascending, before any masking, replacing the
     * buffers' content.
     */
    void copies(long seed, LongBuffer forward, LongBuffer reverse);
}
