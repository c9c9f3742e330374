package org.reprise.spark.rounds;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.reprise.discover.Draft;
import org.reprise.discover.Drafter;
import org.reprise.discover.LookAhead;
import org.reprise.discover.LookAheadClaims;
import org.reprise.params.Parameters;
import org.reprise.util.LongBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The family loop's drafter on the Spark driver: when the seed whose turn it is has no draft made
 * from its present copies, a <em>round</em> drafts it on the executors together with seeds next in
 * the queue (the look-ahead window) whose copies meet no claim of an earlier seed of the round
 * ({@link LookAheadClaims}: those are most often other k-mers of the same family, about to be
 * masked). The loop uses a draft made in a round only if the seed's copies at its turn are those it
 * was made from, so rounds change how much is drafted, never what is committed.
 */
public final class RoundDrafter implements Drafter {
    private static final Logger LOG = LoggerFactory.getLogger(RoundDrafter.class);
    /** First flank radius of a round: most sides stop long before it (measured on fly chr2R). */
    public static final int FIRST_RADIUS = 2_000;

    private final Parameters params;
    private final BiFunction<List<DraftRequest>, Integer, List<Tuple2<Long, Draft>>> rounds;
    private final int window;
    private final int firstRadius;
    private final LookAheadClaims claims;
    private final Long2ObjectOpenHashMap<Draft> ahead = new Long2ObjectOpenHashMap<>();
    /** Seeds of the last round's look-ahead, and those of them left out for meeting a claim. */
    private final LongOpenHashSet lastWindow = new LongOpenHashSet();
    private final LongOpenHashSet lastClaimSkipped = new LongOpenHashSet();
    private final LongBuffer fwd = new LongBuffer(256);
    private final LongBuffer rev = new LongBuffer(256);
    /** Whether the seed being committed got its draft from takeAhead (a round's draft used). */
    private boolean handedOut;
    private long used;
    private long usedAtLastRound;
    private long roundCount;
    private long drafted;
    private long redraftedFullWindow;
    private long missClaimed;
    private long missInWindow;
    private long missOutsideWindow;
    private double roundSeconds;

    /**
     * @param genomeLength bases of the genome (the claims' size)
     * @param rounds       drafts a list of requests with flanks of the given radius, returning each
     *                     seed's code with its draft, or null where the radius may have been too short
     *                     (a Spark {@link DraftRound}, or anything equivalent in tests)
     * @param window       most seeds drafted per round
     * @param firstRadius  flank radius of a round's first try
     */
    public RoundDrafter(long genomeLength, Parameters params, int k,
                        BiFunction<List<DraftRequest>, Integer, List<Tuple2<Long, Draft>>> rounds, int window,
                        int firstRadius) {
        this.params = params;
        this.rounds = rounds;
        this.window = Math.max(1, window);
        this.firstRadius = Math.max(params.maxGap + 1, firstRadius);
        this.claims = new LookAheadClaims(genomeLength, k);
    }

    @Override
    public Draft takeAhead(long seed, LookAhead loop) {
        Draft d = ahead.remove(seed);
        handedOut = d != null;
        return d;
    }

    @Override
    public Draft draftNow(long seed, long[] forward, long[] reverse, LookAhead loop) {
        handedOut = false;
        // Why no draft was ready: figures for tuning the rounds.
        if (lastClaimSkipped.contains(seed)) {
            missClaimed++;
        } else if (lastWindow.contains(seed)) {
            missInWindow++;
        } else {
            missOutsideWindow++;
        }
        round(seed, forward, reverse, loop);
        Draft d = ahead.remove(seed);
        if (d == null) {
            throw new IllegalStateException("a round returned no draft for the seed whose turn it is");
        }
        return d;
    }

    @Override
    public void committed(long seed, LookAhead loop) {
        if (handedOut) {
            used++;
        }
        handedOut = false;
    }

    /**
     * Drafts the seed whose turn it is and the seeds next in the queue that look worth it: enough
     * unmasked copies to be taken as they are, and no copy meeting a claim of an earlier seed of
     * the round.
     */
    private void round(long seed, long[] forward, long[] reverse, LookAhead loop) {
        long t = System.nanoTime();
        List<DraftRequest> requests = new ArrayList<>();
        List<long[]> held = new ArrayList<>();
        requests.add(new DraftRequest(seed, forward, reverse));
        held.add(claims.claimFree(forward, reverse));
        int look = Math.min(loop.queued(), 4 * window);
        long[] codes = new long[look];
        int n = loop.peek(look, codes, null);
        lastClaimSkipped.clear();
        lastWindow.clear();
        for (int i = 0; i < n; i++) {
            lastWindow.add(codes[i]);
        }
        if (ahead.size() > 8 * window) {
            ahead.clear(); // drafts of seeds that left the window long ago are unlikely to be used
        }
        // Size the round by the last one: a round whose drafts carried the loop through u seeds
        // asks for about 2u now. Early on, large families mask most of the seeds drafted with
        // them (a round of 256 drafts then carried 1 to 3 seeds on fly chr2R), later rounds carry
        // hundreds.
        long carried = used - usedAtLastRound;
        usedAtLastRound = used;
        long size = roundCount == 0 ? Math.min(window, 16) : Math.max(8, Math.min(window, 2 * carried));
        for (int i = 0; i < n && requests.size() < size; i++) {
            loop.unmaskedCopies(codes[i], fwd, rev);
            if (fwd.size() + rev.size() < params.minFreq) {
                continue; // will be dropped when its turn comes
            }
            long[] f = fwd.toArray();
            long[] r = rev.toArray();
            // A seed with fewer copies than the queue says will be pushed back with these
            // copies, and is often taken later with exactly them: drafting it now saves a round.
            Draft a = ahead.get(codes[i]);
            if (a != null && a.madeFrom(f, r)) {
                held.add(claims.claimFree(f, r));
                continue; // already drafted from these copies
            }
            long[] c = claims.claimAll(f, r);
            if (c == null) {
                lastClaimSkipped.add(codes[i]);
                continue;
            }
            held.add(c);
            requests.add(new DraftRequest(codes[i], f, r));
        }
        for (long[] h : held) {
            claims.release(h);
        }
        Long2ObjectOpenHashMap<DraftRequest> byCode = new Long2ObjectOpenHashMap<>();
        for (DraftRequest q : requests) {
            byCode.put(q.code, q);
        }
        List<DraftRequest> again = new ArrayList<>();
        for (Tuple2<Long, Draft> d : rounds.apply(requests, Math.min(firstRadius, DraftRound.fullRadius(params)))) {
            if (d._2 != null) {
                ahead.put((long) d._1, d._2);
            } else {
                again.add(byCode.get((long) d._1));
            }
        }
        if (!again.isEmpty()) {
            redraftedFullWindow += again.size();
            for (Tuple2<Long, Draft> d : rounds.apply(again, DraftRound.fullRadius(params))) {
                if (d._2 == null) {
                    throw new IllegalStateException("a full-radius draft came back incomplete");
                }
                ahead.put((long) d._1, d._2);
            }
        }
        roundCount++;
        drafted += requests.size();
        double took = (System.nanoTime() - t) / 1e9;
        roundSeconds += took;
        if (LOG.isDebugEnabled()) {
            long total = 0, max = 0;
            for (DraftRequest q : requests) {
                total += q.copies();
                max = Math.max(max, q.copies());
            }
            LOG.debug(String.format("round %d: %.2f s, %d seeds, %d copies (largest seed %d), %d again with the full radius",
                    roundCount, took, requests.size(), total, max, again.size()));
        }
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("rounds", roundCount);
        m.put("seeds_drafted", drafted);
        m.put("drafts_with_full_window", redraftedFullWindow);
        m.put("rounds_for_a_seed_left_out_by_claims", missClaimed);
        m.put("rounds_for_a_seed_left_out_otherwise", missInWindow);
        m.put("rounds_for_a_seed_outside_the_look_ahead", missOutsideWindow);
        return m;
    }

    /** Wall seconds spent in rounds (drafting on the executors, as the driver waits for it). */
    public double roundSeconds() {
        return roundSeconds;
    }
}
