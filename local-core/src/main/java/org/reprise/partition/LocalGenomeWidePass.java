package org.reprise.partition;

import org.reprise.discover.Drafter;
import org.reprise.discover.LocalDrafter;
import org.reprise.discover.ProgressListener;
import org.reprise.genome.BasesSource;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.CandidateColumns;
import org.reprise.seeds.SeedTable;

import java.util.Map;

/**
 * The genome-wide pass on one machine: candidates counted over the genome's bases in batches
 * ({@link GenomeWideSeeds#unmaskedCandidates}), families drafted by the run's threads from the
 * copies' flanks read from the bases ({@link FlankDrafts}).
 */
public final class LocalGenomeWidePass implements GenomeWidePass {
    private final PartitionPlan plan;
    private final BasesSource bases;
    private final Parameters params;
    private final Workers workers;
    private final int batches;
    private final long validBases;
    private final int tableCandidates;
    private final long tableCopies;
    private FlankDrafts flanks;

    /**
     * @param plan    the partitions (their chunks say who counts each position)
     * @param bases   the genome's bases
     * @param validBases how many of the genome's bases are A, C, G or T
     * @param params  the parameters, k resolved
     * @param batches how many batches the counting splits the k-mers into (as {@link GenomeWideSeeds#count})
     * @param tableCandidates candidates of the genome-wide table (the pass's candidates are some of
     *                        them: its columns are allocated for that many), or 0
     * @param tableCopies     their copies (the counts' sum)
     */
    public LocalGenomeWidePass(PartitionPlan plan, BasesSource bases, long validBases, Parameters params, Workers workers,
                               int batches, int tableCandidates, long tableCopies) {
        this.validBases = validBases;
        this.tableCandidates = tableCandidates;
        this.tableCopies = tableCopies;
        this.plan = plan;
        this.bases = bases;
        this.params = params;
        this.workers = workers;
        this.batches = batches;
    }

    @Override
    public CandidateColumns unmaskedCandidates(Bitmask mask, ProgressListener progress) {
        return GenomeWideSeeds.unmaskedCandidates(plan, bases, validBases, params, params.k, batches, workers, mask,
                tableCandidates, tableCopies, progress);
    }

    @Override
    public Drafter drafter(SeedTable seeds) {
        flanks = new FlankDrafts(plan.contigs(), bases, params, params.k);
        return new LocalDrafter(flanks, params, params.k, workers);
    }

    @Override
    public Map<String, Long> counters() {
        return flanks == null ? Map.of() : flanks.counters();
    }
}
