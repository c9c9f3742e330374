package org.reprise.discover;

import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.genome.Genome;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.util.LongBuffer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The single-machine drafter: the family loop's thread drafts the seed whose turn it is (a family
 * of {@value #SPLIT_FROM} copies or more with all the workers), while helper threads draft the
 * seeds next in the queue ahead of their turn, from their copies at that time.
 *
 * <p>Every seed being drafted or committed claims its copies' k-mers ({@link LookAheadClaims}); a
 * helper skips a seed whose copies meet a claim (all or nothing), and claims are released when the
 * family is committed or the draft dropped. While a helper drafts the seed whose turn it is, the
 * loop's thread drafts other seeds of the look-ahead window instead of waiting. Whether a draft
 * made ahead is used is the loop's decision ({@link Draft#madeFrom}), so none of this changes the
 * output.
 */
public final class LocalDrafter implements Drafter {
    /**
     * Drafts in flight per helper thread. Measured on fly chr2R with 2 threads: with 2, 3,500 of
     * 53,000 families were drafted ahead and used; with 8 (and helpers taking drafts oldest
     * first), 52,000.
     */
    static final int IN_FLIGHT_PER_HELPER = 8;
    /** Copies from which one family's two sides and its elements are split among the workers. */
    public static final int SPLIT_FROM = 256;

    private final DraftMaker maker;
    private final Parameters params;
    private final Workers workers;
    private final ConsensusExtender extender;
    private final ElementAligner aligner;
    private final int maxInflight;
    private final long[] lookAhead;
    private final int[] lookAheadCounts;
    private final ThreadLocal<HelperState> helperState;
    private final LookAheadClaims claims;
    private final Map<Long, Speculation> inflight = new HashMap<>();
    /** Claims held for the seed whose turn it is. */
    private long[] held;
    private long notStarted;
    private long skipped;
    private long familiesSplit;

    /** A drafter over a genome in memory, with {@value #IN_FLIGHT_PER_HELPER} drafts in flight per helper thread. */
    public LocalDrafter(Genome genome, Parameters params, int k, Workers workers) {
        this(new GenomeDrafts(genome, params, k), params, k, workers);
    }

    /** A drafter that makes its drafts with {@code maker}, {@value #IN_FLIGHT_PER_HELPER} in flight per helper. */
    public LocalDrafter(DraftMaker maker, Parameters params, int k, Workers workers) {
        this(maker, params, k, workers, IN_FLIGHT_PER_HELPER * (workers.threads() - 1));
    }

    /**
     * @param draftsInFlight most drafts made ahead at once; with one thread, a positive value makes
     *                       every draft ahead run at once on the calling thread (a deterministic way
     *                       for tests to exercise drafts that turn stale)
     */
    LocalDrafter(Genome genome, Parameters params, int k, Workers workers, int draftsInFlight) {
        this(new GenomeDrafts(genome, params, k), params, k, workers, draftsInFlight);
    }

    private LocalDrafter(DraftMaker maker, Parameters params, int k, Workers workers, int draftsInFlight) {
        this.maker = maker;
        this.params = params;
        this.workers = workers;
        this.extender = new ConsensusExtender(params);
        this.aligner = new ElementAligner(params);
        this.maxInflight = draftsInFlight;
        this.lookAhead = new long[Math.max(1, 2 * maxInflight)];
        this.lookAheadCounts = new int[lookAhead.length];
        this.helperState = ThreadLocal.withInitial(HelperState::new);
        this.claims = maxInflight > 0 ? new LookAheadClaims(maker.genomeLength(), k) : null;
    }

    @Override
    public Draft takeAhead(long seed, LookAhead loop) {
        Speculation spec = inflight.remove(seed);
        if (spec == null) {
            return null;
        }
        helpWhileRunning(spec, loop);
        Speculated s = spec.take();
        if (s == null) {
            notStarted++;
            return null;
        }
        if (s.draft == null) {
            skipped++;
            return null;
        }
        held = s.claimed; // released on commit, or at once if the loop finds the draft stale
        return s.draft;
    }

    @Override
    public Draft draftNow(long seed, long[] forward, long[] reverse, LookAhead loop) {
        release(held);
        held = null;
        if (claims != null) {
            held = claims.claimFree(forward, reverse); // tell the helpers where we are
            speculate(loop);
        }
        if (workers.threads() > 1 && forward.length + reverse.length >= SPLIT_FROM) {
            familiesSplit++;
            return maker.draftSplit(forward, reverse, workers);
        }
        return maker.draft(forward, reverse, extender, aligner);
    }

    @Override
    public void committed(long seed, LookAhead loop) {
        release(held);
        held = null;
        speculate(loop);
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("drafts_ahead_not_started", notStarted);
        m.put("drafts_ahead_skipped", skipped);
        m.put("families_split", familiesSplit);
        return m;
    }

    @Override
    public void close() {
        for (Speculation s : inflight.values()) {
            s.drop();
        }
        inflight.clear();
        release(held);
        held = null;
    }

    private void release(long[] ranges) {
        if (claims != null) {
            claims.release(ranges);
        }
    }

    /**
     * While a helper is still drafting the seed whose turn it is, this thread drafts other seeds
     * of the window that no helper has started, rather than wait idle.
     */
    private void helpWhileRunning(Speculation awaited, LookAhead loop) {
        while (!awaited.future.isDone()) {
            Map.Entry<Long, Speculation> todo = null;
            for (Map.Entry<Long, Speculation> e : inflight.entrySet()) {
                if (!e.getValue().inline && e.getValue().future.cancelIfNotStarted()) {
                    todo = e;
                    break;
                }
            }
            if (todo == null) {
                return; // nothing left to do but wait
            }
            Speculated done = speculativeDraft(todo.getKey(), todo.getValue().queuedCount, loop);
            todo.setValue(new Speculation(Workers.done(done), 0, true));
        }
    }

    /** Starts drafts of the seeds on top of the queue, up to the in-flight limit. */
    private void speculate(LookAhead loop) {
        if (maxInflight == 0) {
            return;
        }
        int n = loop.peek(lookAhead.length, lookAhead, lookAheadCounts);
        if (inflight.size() > 4 * maxInflight) {
            // Drop finished drafts of seeds that left the window: their seeds were pushed back.
            Set<Long> window = new HashSet<>();
            for (int i = 0; i < n; i++) {
                window.add(lookAhead[i]);
            }
            inflight.entrySet().removeIf(e -> {
                if (!window.contains(e.getKey()) && e.getValue().future.isDone()) {
                    e.getValue().drop();
                    return true;
                }
                return false;
            });
        }
        int running = 0;
        for (Speculation s : inflight.values()) {
            if (!s.future.isDone()) {
                running++;
            }
        }
        for (int i = 0; i < n && running < maxInflight; i++) {
            long code = lookAhead[i];
            int queued = lookAheadCounts[i];
            if (!inflight.containsKey(code)) {
                inflight.put(code, new Speculation(workers.submit(() -> speculativeDraft(code, queued, loop)), queued, false));
                running++;
            }
        }
    }

    /** On a helper: the seed's copies against the repeat mask as it is now, and their draft. */
    private Speculated speculativeDraft(long code, int queuedCount, LookAhead loop) {
        HelperState h = helperState.get();
        loop.unmaskedCopies(code, h.fwd, h.rev);
        int n = h.fwd.size() + h.rev.size();
        // Fewer copies than the queue says: the seed will be recounted and pushed back, not taken
        // now with these copies; not worth drafting.
        if (n < params.minFreq || loop.priority(code, n) < queuedCount) {
            return Speculated.NOTHING;
        }
        if (n >= SPLIT_FROM) {
            // A large family is drafted at its turn with all threads rather than by one helper.
            return Speculated.NOTHING;
        }
        long[] f = h.fwd.toArray();
        long[] r = h.rev.toArray();
        long[] claimed = claims.claimAll(f, r);
        if (claimed == null) {
            return Speculated.NOTHING; // near a seed being drafted or committed
        }
        return new Speculated(maker.draft(f, r, h.extender, h.aligner), claimed);
    }

    /** A draft made ahead of its turn with the claims it holds, or {@link #NOTHING}. */
    private record Speculated(Draft draft, long[] claimed) {
        static final Speculated NOTHING = new Speculated(null, null);
    }

    /** Scratch of one helper thread. */
    private final class HelperState {
        final LongBuffer fwd = new LongBuffer(256);
        final LongBuffer rev = new LongBuffer(256);
        final ConsensusExtender extender = new ConsensusExtender(params);
        final ElementAligner aligner = new ElementAligner(params);
    }

    /** A draft in flight on a helper. */
    private final class Speculation {
        final Workers.Task<Speculated> future;
        final int queuedCount;
        /** Drafted on the loop's thread while it waited: never cancelled again. */
        final boolean inline;

        Speculation(Workers.Task<Speculated> future, int queuedCount, boolean inline) {
            this.future = future;
            this.queuedCount = queuedCount;
            this.inline = inline;
        }

        /**
         * The finished draft, or null if it had not started (it is cancelled: the caller is faster
         * doing the work than waiting for it). A running draft is waited for.
         */
        Speculated take() {
            if (future.cancelIfNotStarted()) {
                return null;
            }
            try {
                return future.join();
            } catch (CancellationException e) {
                return null;
            }
        }

        /** Abandons the draft, releasing its claims once it has finished. */
        void drop() {
            Speculated s = take();
            if (s != null) {
                release(s.claimed);
            }
        }
    }
}
