package org.reprise.spark.rounds;

import org.reprise.spark.FaultInjection;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.reprise.discover.Draft;
import org.reprise.discover.FlankDrafting;
import org.reprise.params.Parameters;
import org.reprise.partition.Chunk;
import org.reprise.partition.PartitionGenome;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.HashMap;
import java.util.List;

/**
 * One drafting round on the executors: each partition cuts the flanks of the requested copies it
 * owns, the flanks are shuffled by seed, and one task per seed group makes the draft with
 * local-core's {@link Drafting} over them. A draft depends on its copies' flanks alone, so it is
 * the draft local-core makes on the whole genome, provided the flanks reach as far as the
 * alignments read: both sides read at most {@code lastStep + maxgap} steps out, where
 * {@code lastStep = min(maxextend - 1, bestStep + stopafter)}. A draft from shorter flanks that
 * might have read past them comes back as incomplete (null) and is asked again with the full
 * radius.
 */
public final class DraftRound {
    private final JavaSparkContext sc;
    private final JavaRDD<PartitionGenome> sequences;
    private final Parameters params;
    private final int k;

    public DraftRound(JavaSparkContext sc, JavaRDD<PartitionGenome> sequences, Parameters params, int k) {
        this.sc = sc;
        this.sequences = sequences;
        this.params = params;
        this.k = k;
    }

    /** The radius that always suffices ({@link FlankDrafting#fullRadius}). */
    public static int fullRadius(Parameters p) {
        return FlankDrafting.fullRadius(p);
    }

    /**
     * Drafts every request from flanks of {@code radius} bases; results in no particular order,
     * each seed's code with its draft, or null when the flanks may have been too short.
     */
    public List<Tuple2<Long, Draft>> run(List<DraftRequest> requests, int radius) {
        return run(requests, radius, false);
    }

    /** {@link #run(List, int)}, each seed probed first when {@code probe} ({@link FlankDrafting#probed}: thin seeds). */
    public List<Tuple2<Long, Draft>> run(List<DraftRequest> requests, int radius, boolean probe) {
        RoundPlan plan = RoundPlan.of(requests);
        Broadcast<RoundPlan> shared = sc.broadcast(plan);
        final int k = this.k;
        final Parameters p = this.params;
        int tasks = Math.max(1, Math.min(requests.size(), 2 * sc.defaultParallelism()));
        try {
            return sequences.flatMapToPair(seq -> cut(seq, shared.value(), k, radius))
                    .groupByKey(new HashPartitioner(tasks))
                    .map(group -> {
                        FaultInjection.at("drafting");
                        return draft(shared.value(), group._1, group._2, p, k, radius, probe);
                    })
                    .collect();
        } finally {
            shared.destroy();
        }
    }

    /**
     * Drafts of many seeds at once, in the order given: one round with flanks of {@code firstRadius}
     * bases, and a second with the full radius for the drafts that may have needed more. Seeds must
     * be distinct (a round keys its drafts by seed).
     */
    public List<Draft> runAll(long[] seeds, List<long[]> forward, List<long[]> reverse, int firstRadius) {
        return runAll(seeds, forward, reverse, firstRadius, false);
    }

    /** {@link #runAll(long[], List, List, int)}, each seed probed first when {@code probe} (thin seeds). */
    public List<Draft> runAll(long[] seeds, List<long[]> forward, List<long[]> reverse, int firstRadius, boolean probe) {
        Map<Long, Integer> at = new HashMap<>();
        List<DraftRequest> requests = new ArrayList<>(seeds.length);
        for (int i = 0; i < seeds.length; i++) {
            if (at.put(seeds[i], i) != null) {
                throw new IllegalArgumentException("seed " + seeds[i] + " asked twice");
            }
            requests.add(new DraftRequest(seeds[i], forward.get(i), reverse.get(i)));
        }
        Draft[] out = new Draft[seeds.length];
        int full = fullRadius(params);
        List<DraftRequest> again = new ArrayList<>();
        for (Tuple2<Long, Draft> t : run(requests, Math.min(firstRadius, full), probe)) {
            int i = at.get(t._1);
            if (t._2 == null) {
                again.add(requests.get(i));
            } else {
                out[i] = t._2;
            }
        }
        if (!again.isEmpty()) {
            for (Tuple2<Long, Draft> t : run(again, full, probe)) {
                out[at.get(t._1)] = t._2;
            }
        }
        return Arrays.asList(out);
    }

    /** The flanks of the round's copies owned by one partition's chunk cores. */
    static Iterator<Tuple2<Integer, Flank>> cut(PartitionGenome seq, RoundPlan plan, int k, int radius) {
        List<Tuple2<Integer, Flank>> out = new ArrayList<>();
        for (int j = 0; j < seq.chunkCount(); j++) {
            Chunk c = seq.chunk(j);
            long contigStart = seq.contigStart(j);
            long hi = contigStart + c.coreEnd();
            for (int i = plan.lowerBound(contigStart + c.coreStart()); i < plan.positions.length && plan.positions[i] < hi; i++) {
                long q = plan.positions[i] - contigStart;
                long from = Math.max(0, q - radius);
                long to = Math.min(c.contigLength(), q + k + radius);
                if (from < c.paddedStart() || to > c.paddedEnd()) {
                    throw new IllegalStateException("flank [" + from + ", " + to + ") of " + c.contigName()
                            + " leaves " + c + ": the partition plan's padding is too small");
                }
                byte[] codes = Arrays.copyOfRange(seq.codes(j), (int) (from - c.paddedStart()), (int) (to - c.paddedStart()));
                out.add(new Tuple2<>(plan.request[i], new Flank(plan.request[i], plan.copy[i], (int) (q - from), codes)));
            }
        }
        return out.iterator();
    }

    /** One seed's draft from its copies' flanks ({@link FlankDrafting}); null when the radius may not have sufficed. */
    static Tuple2<Long, Draft> draft(RoundPlan plan, int request, Iterable<Flank> flanks, Parameters p, int k, int radius) {
        return draft(plan, request, flanks, p, k, radius, false);
    }

    /** {@link #draft(RoundPlan, int, Iterable, Parameters, int, int)}, probed first when {@code probe}. */
    static Tuple2<Long, Draft> draft(RoundPlan plan, int request, Iterable<Flank> flanks, Parameters p, int k, int radius,
                                     boolean probe) {
        int n = plan.copyCounts[request];
        byte[][] codes = new byte[n][];
        int[] offsets = new int[n];
        for (Flank f : flanks) {
            codes[f.copy] = f.codes;
            offsets[f.copy] = f.offset;
        }
        for (int i = 0; i < n; i++) {
            if (codes[i] == null) {
                throw new IllegalStateException("no partition owned copy " + i + " of round request " + request);
            }
        }
        long[] copies = plan.copies(request);
        int nf = plan.forwardCounts[request];
        Draft d = new FlankDrafting(p, k).draft(codes, offsets, Arrays.copyOf(copies, nf),
                Arrays.copyOfRange(copies, nf, n), radius, probe);
        return new Tuple2<>(plan.codes[request], d);
    }
}
