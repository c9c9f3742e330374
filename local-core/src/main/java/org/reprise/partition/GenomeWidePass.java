package org.reprise.partition;

import org.reprise.discover.Draft;
import org.reprise.discover.ProgressListener;
import org.reprise.mask.Bitmask;
import org.reprise.seeds.CandidateColumns;

import java.util.List;
import java.util.Map;

/**
 * What the reconciliation needs from the machine it runs on, each step over every partition at
 * once: the annotation of the partitions with the ordered library, drafts of many families at once
 * from their copies' flanks (the redraft, the thin seeds' batches), and the genome-wide candidates
 * the library leaves free. One machine works through the bases file with its threads
 * ({@link LocalGenomeWidePass}); the Spark job in a few jobs on its executors, one per step (one
 * per batch of thin seeds). Both call the same local-core code, so the library is the same.
 */
public interface GenomeWidePass {
    /**
     * Every genome-wide candidate (exact, tandem-filtered copies) that has a copy {@code mask}
     * leaves free, ranked by all its copies, with the free ones only, in any order, as {@link GenomeWideSeeds#unmaskedCandidates}
     * counts them; {@code progress} is told how the counting goes.
     */
    CandidateColumns unmaskedCandidates(Bitmask mask, ProgressListener progress);

    /**
     * The drafts of many seeds at once, each from the copies given (genome positions of the seed's
     * first base, ascending; forward and reverse), in the order given: the reconciliation's redraft of
     * families spread over partitions, and each batch of thin seeds. A draft depends on its copies alone.
     */
    List<Draft> redraft(long[] seeds, List<long[]> forward, List<long[]> reverse, ProgressListener progress);

    /**
     * {@link #redraft} of thin seeds: each probed first ({@link org.reprise.discover.FlankDrafting#probed}).
     */
    List<Draft> draftThin(long[] seeds, List<long[]> forward, List<long[]> reverse, ProgressListener progress);

    /**
     * Every partition annotated with {@code library} in its order ({@link Annotation#run}), results
     * in partition order.
     */
    List<Annotation.Result> annotate(List<Annotation.Entry> library, ProgressListener progress);


    /** Figures of the pass's drafting, for the summary (flank bases read, drafts made again...). */
    Map<String, Long> counters();
}
