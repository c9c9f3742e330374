package org.reprise.spark.tasks;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.reprise.discover.Draft;
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
import org.reprise.spark.rounds.DraftRound;
import org.reprise.spark.seeds.SeedCounting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation's work on Spark, a job (or two) per step whatever the number of families: the
 * annotation one task per partition with the library broadcast; drafts of many families at once
 * (the redraft, each batch of thin seeds) as a {@link DraftRound}; the thin seeds counted by the
 * executors (the k-mer shuffle again, each reducer keeping the copies the library leaves free).
 * The driver only orders, commits and resolves.
 */
public final class SparkGenomeWidePass implements GenomeWidePass {
    private final JavaSparkContext sc;
    private final JavaRDD<PartitionGenome> sequences;
    private final Broadcast<ContigDictionary> contigs;
    private final Parameters params;
    private final int reducers;
    private final int flank;
    private int draftCalls;
    private double draftSeconds;

    /**
     * @param sequences the partitions' bases (cached)
     * @param reducers  reducers of the k-mer shuffle
     * @param flank     first flank radius of a drafting job
     */
    public SparkGenomeWidePass(JavaSparkContext sc, JavaRDD<PartitionGenome> sequences, Broadcast<ContigDictionary> contigs,
                               Parameters params, int reducers, int flank) {
        this.sc = sc;
        this.sequences = sequences;
        this.contigs = contigs;
        this.params = params;
        this.reducers = reducers;
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
        return drafts(seeds, forward, reverse, false);
    }

    /** As {@link #redraft}, each seed probed first. */
    @Override
    public List<Draft> draftThin(long[] seeds, List<long[]> forward, List<long[]> reverse, ProgressListener progress) {
        return drafts(seeds, forward, reverse, true);
    }

    private List<Draft> drafts(long[] seeds, List<long[]> forward, List<long[]> reverse, boolean probe) {
        sc.setJobDescription("reconciliation: drafts of " + seeds.length + (probe ? " thin seeds" : " families") + " at once");
        draftCalls++;
        long t = System.nanoTime();
        List<Draft> out = new DraftRound(sc, sequences, params, params.k).runAll(seeds, forward, reverse, flank, probe);
        draftSeconds += (System.nanoTime() - t) / 1e9;
        return out;
    }

    /** One Spark job: a task per partition, the library broadcast. */
    @Override
    public List<Annotation.Result> annotate(List<Annotation.Entry> library, ProgressListener progress) {
        sc.setJobDescription("reconciliation: annotation of every partition with " + library.size() + " families");
        return PartitionTasks.annotate(sc, sequences, library, params, sc.getConf().getInt("spark.task.cpus", 1));
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("drafting_calls", (long) draftCalls);
        return out;
    }

    /** Seconds the drafting jobs took (the redraft and the thin seeds' batches, Spark jobs included). */
    public double draftSeconds() {
        return draftSeconds;
    }
}
