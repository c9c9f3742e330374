package org.reprise.discover;

import java.util.Map;

/**
 * Who drafts the family loop's families: this thread with helper threads drafting ahead
 * ({@link LocalDrafter}), or Spark executors in rounds. Called on the loop's thread only.
 */
public interface Drafter extends AutoCloseable {
    /**
     * A draft made ahead of this seed's turn, or null. The loop uses it only if it was made from
     * the seed's present copies ({@link Draft#madeFrom}); either way the drafter no longer holds it.
     */
    Draft takeAhead(long seed, LookAhead loop);

    /** The draft of the seed whose turn it is, made from exactly these copies. */
    Draft draftNow(long seed, long[] forward, long[] reverse, LookAhead loop);

    /** The seed's family has been committed (its copies masked): more may be drafted ahead. */
    default void committed(long seed, LookAhead loop) {
    }

    /** How the drafter worked, for the summary (names in snake_case, in a stable order). */
    default Map<String, Long> counters() {
        return Map.of();
    }

    /** Abandons whatever is still being drafted. */
    @Override
    default void close() {
    }
}
