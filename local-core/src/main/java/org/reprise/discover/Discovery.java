package org.reprise.discover;

import org.reprise.genome.Genome;
import org.reprise.index.HammingOneTable;
import org.reprise.index.KmerIndex;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.SeedCandidates;
import org.reprise.seeds.SeedTable;
import org.reprise.util.MemoryUse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact strategy on one machine (docs/ALGORITHM.md): the genome's k-mer index, the seed
 * candidates and pre-masking, then the {@link FamilyLoop} with copies from the index and the
 * {@link LocalDrafter}. The outputs are REPrise 1.0.1's.
 */
public final class Discovery {
    private final Genome genome;
    private final Parameters params;
    private final ProgressListener progress;
    private final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> phaseMemory = new LinkedHashMap<>();
    /** Drafts in flight in the family loop; -1 for the drafter's own choice from the thread count. */
    private final int draftsInFlight;

    private Discovery(Genome genome, Parameters params, ProgressListener progress, int draftsInFlight) {
        this.genome = genome;
        this.params = params;
        this.progress = progress;
        this.draftsInFlight = draftsInFlight;
    }

    /** Runs discovery; the genome and parameters are not modified. */
    public static DiscoveryResult run(Genome genome, Parameters params, ProgressListener progress) {
        return run(genome, params, progress, -1);
    }

    /** As {@link #run(Genome, Parameters, ProgressListener)} with the family loop's drafts in flight set (tests). */
    static DiscoveryResult run(Genome genome, Parameters params, ProgressListener progress, int draftsInFlight) {
        return new Discovery(genome, params, progress == null ? ProgressListener.NONE : progress, draftsInFlight).run();
    }

    private DiscoveryResult run() {
        try (Workers workers = new Workers(params.threads)) {
            return run(workers);
        }
    }

    private DiscoveryResult run(Workers workers) {
        int k = params.kFor(genome.dictionary());
        long t = System.nanoTime();
        progress.phase("index (k=" + k + ")");
        KmerIndex index = KmerIndex.build(genome, k, workers);
        t = lap("index", t);

        HammingOneTable table = null;
        if (params.dist == 1) {
            progress.phase("one-mismatch neighbourhoods");
            table = HammingOneTable.build(index, params.minFreq, workers);
            t = lap("neighbourhoods", t);
        }
        progress.phase("seed candidates");
        SeedCandidates.Ranked ranked = SeedCandidates.rank(index, params, table, workers);
        t = lap("seed candidates", t);
        progress.phase("pre-masking " + ranked.size() + " candidates");
        SeedTable seeds = SeedCandidates.premask(index, params, ranked, table, workers);
        ranked = null; // the candidates (12 bytes each): the seed table holds what is left (the neighbourhood
        // table stays: the family loop finds its seeds' copies in it)
        t = lap("pre-masking", t);

        progress.phase("families (" + seeds.size() + " seeds)");
        LocalDrafter drafter = draftsInFlight < 0 ? new LocalDrafter(genome, params, k, workers)
                : new LocalDrafter(genome, params, k, workers, draftsInFlight);
        FamilyLoop loop = new FamilyLoop(genome.dictionary(), params, k, seeds,
                new IndexCopies(index, params.dist, params.tandemDist, table, params.minFreq), drafter, progress);
        loop.run();
        lap("families", t);
        Map<String, Long> counters = loop.counters();
        if (workers.threads() > 1) {
            progress.phase("families drafted ahead: " + counters.get("drafts_ahead_used") + " used, "
                    + counters.get("drafts_ahead_stale") + " stale, " + counters.get("drafted_at_turn")
                    + " drafted at their turn");
        }
        return new DiscoveryResult(genome, params.toBuilder().k(k).build(), k, seeds, loop.families(),
                loop.reportedMask(), loop.repeatMask().cardinality(), loop.seedsProcessed(), index.memoryBytes(),
                phaseSeconds, phaseMemory, counters);
    }

    private long lap(String phase, long since) {
        long now = System.nanoTime();
        phaseSeconds.put(phase, (now - since) / 1e9);
        phaseMemory.put(phase, MemoryUse.now());
        return now;
    }
}
