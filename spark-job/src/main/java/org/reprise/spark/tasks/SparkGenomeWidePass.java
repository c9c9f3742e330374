package org.reprise.spark.tasks;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.reprise.discover.Draft;
import org.reprise.discover.Drafter;
import org.reprise.discover.ProgressListener;
import org.reprise.genome.ContigDictionary;
import org.reprise.mask.Bitmask;
import org.reprise.mask.MaskRuns;
import org.reprise.params.Parameters;
import org.reprise.partition.Annotation;
import org.reprise.partition.GenomeWidePass;
import org.reprise.partition.PartitionGenome;
import org.reprise.seeds.Candidate;
import org.reprise.seeds.CandidateColumns;
import org.reprise.seeds.SeedTable;
import org.reprise.spark.rounds.DraftRound;
import org.reprise.spark.rounds.RoundDrafter;
import org.reprise.spark.seeds.SeedCounting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation's genome-wide pass on Spark: its seeds counted by the executors (the k-mer
 * shuffle again, each reducer keeping the copies the kept families leave free), its families
 * drafted in rounds on the executors ({@link RoundDrafter}); the driver only commits, as in the
 * exact strategy's job.
 */
public final class SparkGenomeWidePass implements GenomeWidePass {
    private final JavaSparkContext sc;
    private final JavaRDD<PartitionGenome> sequences;
    private final Broadcast<ContigDictionary> contigs;
    private final Parameters params;
    private final int reducers;
    private final int window;
    private final int flank;
    private RoundDrafter drafter;
    private int rounds;
    private int redraftJobs;

    /**
     * @param sequences the partitions' bases (cached)
     * @param reducers  reducers of the k-mer shuffle
     * @param window    most seeds drafted per round
     * @param flank     first flank radius of a round
     */
    public SparkGenomeWidePass(JavaSparkContext sc, JavaRDD<PartitionGenome> sequences, Broadcast<ContigDictionary> contigs,
                               Parameters params, int reducers, int window, int flank) {
        this.sc = sc;
        this.sequences = sequences;
        this.contigs = contigs;
        this.params = params;
        this.reducers = reducers;
        this.window = window;
        this.flank = flank;
    }

    @Override
    public CandidateColumns unmaskedCandidates(Bitmask mask, ProgressListener progress) {
        sc.setJobDescription("genome-wide pass: k-mer counts outside the kept families");
        Broadcast<long[]> runs = sc.broadcast(MaskRuns.of(mask).toArray());
        try {
            CandidateColumns all = new CandidateColumns();
            for (Candidate c : SeedCounting.unmasked(sequences, contigs, params.k, params, reducers, runs)) {
                all.add(c);
            }
            all.trim();
            return all;
        } finally {
            runs.destroy();
        }
    }

    /** One Spark job (two when some drafts need the full radius), whatever the number of families. */
    @Override
    public List<Draft> redraft(long[] seeds, List<long[]> forward, List<long[]> reverse, ProgressListener progress) {
        sc.setJobDescription("reconciliation: redraft of " + seeds.length + " families found by several partitions");
        redraftJobs++;
        return new DraftRound(sc, sequences, params, params.k).runAll(seeds, forward, reverse, flank);
    }

    /** One Spark job: a task per partition, the library broadcast. */
    @Override
    public List<Annotation.Result> annotate(List<Annotation.Entry> library, ProgressListener progress) {
        sc.setJobDescription("reconciliation: annotation of every partition with " + library.size() + " families");
        return PartitionTasks.annotate(sc, sequences, library, params, sc.getConf().getInt("spark.task.cpus", 1));
    }

    @Override
    public Drafter drafter(SeedTable seeds) {
        DraftRound round = new DraftRound(sc, sequences, params, params.k);
        drafter = new RoundDrafter(contigs.value().length(), params, params.k, (requests, radius) -> {
            sc.setJobDescription("genome-wide pass: round " + (++rounds) + ", drafting " + requests.size()
                    + " seeds (flanks of " + radius + " bases)");
            return round.run(requests, radius);
        }, window, flank);
        return drafter;
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("redraft_calls", (long) redraftJobs);
        if (drafter != null) {
            out.put("rounds", (long) rounds);
            out.putAll(drafter.counters());
        }
        return out;
    }

    /** Seconds the pass's rounds took (Spark jobs included). */
    public double roundSeconds() {
        return drafter == null ? 0 : drafter.roundSeconds();
    }
}
