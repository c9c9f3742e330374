package org.reprise.discover;

import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.parallel.Workers;

/**
 * How {@link LocalDrafter} makes a draft from a seed's copies: over a genome held in memory
 * ({@link GenomeDrafts}), or over flanks read from a genome on disk (the partitioned strategy's
 * genome-wide pass). Thread-safe: helper threads call it at once, each with its own aligners.
 */
public interface DraftMaker {
    /** The draft of these copies on this thread. */
    Draft draft(long[] forward, long[] reverse, ConsensusExtender extender, ElementAligner aligner);

    /** The same draft, its sides and elements split among the workers (for families with many copies). */
    Draft draftSplit(long[] forward, long[] reverse, Workers workers);

    /** Bases of the genome the copies lie in. */
    long genomeLength();
}
