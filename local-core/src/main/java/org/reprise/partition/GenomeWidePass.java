package org.reprise.partition;

import org.reprise.discover.Draft;
import org.reprise.discover.Drafter;
import org.reprise.discover.ProgressListener;
import org.reprise.mask.Bitmask;
import org.reprise.seeds.CandidateColumns;
import org.reprise.seeds.SeedTable;

import java.util.List;
import java.util.Map;

/**
 * What the reconciliation's genome-wide pass needs from the machine it runs on: the genome-wide
 * candidates the kept families leave free, and someone to draft their families. One machine counts
 * over the bases file and drafts with its threads ({@link LocalGenomeWidePass}); the Spark job
 * counts with a shuffle and drafts in rounds on its executors. Both follow the same rules, so the
 * library is the same.
 */
public interface GenomeWidePass {
    /**
     * Every genome-wide candidate that has minfreq copies (exact, tandem-filtered) that {@code mask}
     * leaves free, each with those copies only, in any order, as {@link GenomeWideSeeds#unmaskedCandidates}
     * counts them; {@code progress} is told how the counting goes.
     */
    CandidateColumns unmaskedCandidates(Bitmask mask, ProgressListener progress);

    /**
     * The drafts of many seeds at once, each from the copies given (genome positions of the seed's
     * first base, ascending; forward and reverse), in the order given: the reconciliation's redraft of
     * families several partitions found. A draft depends on its copies alone.
     */
    List<Draft> redraft(long[] seeds, List<long[]> forward, List<long[]> reverse, ProgressListener progress);

    /**
     * Every partition annotated with {@code library} in its order ({@link Annotation#run}), results
     * in partition order.
     */
    List<Annotation.Result> annotate(List<Annotation.Entry> library, ProgressListener progress);

    /** The drafter of the pass's family loop over {@code seeds} (their copies stored in the table). */
    Drafter drafter(SeedTable seeds);

    /** Figures of the pass's drafting, for the summary (flank bases read, drafts made again...). */
    Map<String, Long> counters();
}
