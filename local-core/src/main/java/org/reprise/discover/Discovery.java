package org.reprise.discover;

import org.reprise.genome.Genome;
import org.reprise.index.HammingOneTable;
import org.reprise.index.KmerIndex;
import org.reprise.index.KmerLength;
import org.reprise.parallel.Workers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole REPrise pipeline on one genome: k-mer index, seed candidates and pre-masking, then the
 * family loop (section 3 of ALGORITHM.md): take the best seed lazily, extend right and left, find
 * each copy's element by loose masking, mask, report.
 */
public final class Discovery {
    private final Genome genome;
    private final Parameters params;
    private final ProgressListener progress;
    private final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
    /** Drafts in flight in the family loop; -1 for the loop's own choice from the thread count. */
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

    /** REPrise's k for a genome: explicit if given, else derived from REPrise's buffer length. */
    public static int kFor(Genome genome, Parameters params) {
        return params.k > 0 ? params.k : KmerLength.defaultK(genome.repriseBufferLength(), params.dist);
    }

    private DiscoveryResult run() {
        try (Workers workers = new Workers(params.threads)) {
            return run(workers);
        }
    }

    private DiscoveryResult run(Workers workers) {
        int k = kFor(genome, params);
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
        SeedCandidates.Ranked ranked = SeedCandidates.rankCandidates(index, params, table, workers);
        t = lap("seed candidates", t);
        progress.phase("pre-masking " + ranked.size() + " candidates");
        SeedCandidates seeds = SeedCandidates.premask(index, params, ranked, table, workers);
        table = null; // the family loop recounts few seeds: let the table go
        t = lap("pre-masking", t);

        progress.phase("families (" + seeds.size() + " seeds)");
        FamilyLoop loop = draftsInFlight < 0 ? new FamilyLoop(genome, params, index, seeds, workers, progress)
                : new FamilyLoop(genome, params, index, seeds, workers, progress, draftsInFlight);
        loop.run();
        lap("families", t);
        if (workers.threads() > 1) {
            progress.phase("families drafted ahead: " + loop.draftsUsed + " used, " + loop.draftsStale
                    + " stale, " + loop.draftsRedone + " drafted again (not started or skipped)");
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("drafts_ahead_used", (long) loop.draftsUsed);
        counters.put("drafts_ahead_stale", (long) loop.draftsStale);
        counters.put("drafts_ahead_not_used", (long) loop.draftsRedone);
        counters.put("families_split", (long) loop.familiesSplit);
        return new DiscoveryResult(genome, params.toBuilder().k(k).build(), k, seeds, loop.families,
                loop.reportedMask(), loop.repeatMask().cardinality(), loop.seedsProcessed, index.memoryBytes(),
                phaseSeconds, counters);
    }

    private long lap(String phase, long since) {
        long now = System.nanoTime();
        phaseSeconds.put(phase, (now - since) / 1e9);
        return now;
    }
}
