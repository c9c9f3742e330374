package org.reprise.discover;

import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.extend.Extension;
import org.reprise.extend.SeedCopies;
import org.reprise.genome.Genome;
import org.reprise.index.CopyFinder;
import org.reprise.index.IntBuffer;
import org.reprise.index.KmerCodec;
import org.reprise.index.KmerIndex;
import org.reprise.mask.Bitmask;
import org.reprise.parallel.Workers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * The family loop (section 3 of ALGORITHM.md): take the best seed lazily, draft its family
 * (extension both ways, then every copy's element), mask, report; until maxrepeat families or no
 * seed with minfreq copies is left.
 *
 * <p><b>Threads.</b> Seeds are committed strictly one after the other in queue order, on the
 * calling thread. A family's draft is a function of its seed's copies alone, not of the masks, so
 * helper threads draft the seeds next in the queue ahead of their turn. A draft is used only if, at
 * the seed's turn, its copies are exactly those the draft was made from; otherwise the family is
 * drafted again. The output is therefore the one-thread output, whatever the timing.
 *
 * <p>Many seeds next in the queue are other k-mers of the family being committed, whose copies that
 * family is about to mask: drafting them would be wasted. So every seed being drafted or committed
 * claims its copies' k-mers in a Bitmask of its own (all or nothing for a helper's seed); a helper
 * skips a seed whose copies meet a claim, and claims are released when the family is committed or
 * the draft dropped. While a helper drafts the seed whose turn it is, the committing thread drafts
 * other seeds of the window instead of waiting. Claims and drafts ahead only steer the work; they
 * never change what is committed.
 */
final class FamilyLoop {
    /**
     * Drafts in flight per helper thread. Measured on fly chr2R with 2 threads: with 2, 3,500 of
     * 53,000 families were drafted ahead and used; with 8 (and helpers taking drafts oldest
     * first), 52,000.
     */
    private static final int IN_FLIGHT_PER_HELPER = 8;

    /**
     * How far around each copy's k-mer a seed claims for drafting ahead. Measured on fly chr2R
     * with 2 threads (then with 2 drafts in flight per helper): 0 let 26,000 of 53,000 families be
     * drafted ahead and used; 100 bases, 14,000; 1,000 bases, 11,000 (wider claims kept helpers
     * off seeds that were in fact safe).
     */
    private static final int NEIGHBOURHOOD = 0;
    /** Copies from which one family's two sides and its elements are split among the workers. */
    private static final int SPLIT_FROM = 256;

    private final Genome genome;
    private final Parameters params;
    private final KmerCodec codec;
    private final int k;
    private final SeedQueue queue;
    private final CopyFinder finder;
    private final Bitmask repeatMask;
    private final Bitmask reportedMask;
    private final ConsensusExtender extender;
    private final ElementAligner aligner;
    private final IntBuffer fwd = new IntBuffer(256);
    private final IntBuffer rev = new IntBuffer(256);
    final List<Family> families = new ArrayList<>();
    int seedsProcessed;
    private final Workers workers;
    private final ProgressListener progress;

    // Drafting ahead (threads > 1 only).
    private final Map<Long, Speculation> inflight = new HashMap<>();
    private final int maxInflight;
    private final long[] lookAhead;
    private final int[] lookAheadCounts;
    private final ThreadLocal<HelperState> helperState;
    private final Bitmask claims;
    int draftsUsed;
    /** Drafts made ahead whose seed's copies had changed by its turn (an earlier family masked some). */
    int draftsStale;
    /** Seeds whose look-ahead draft was not usable for another reason: not started, or skipped. */
    int draftsRedone;
    /** Families of SPLIT_FROM copies or more whose sides and elements were split among the workers. */
    int familiesSplit;

    FamilyLoop(Genome genome, Parameters params, KmerIndex index, SeedCandidates seeds, Workers workers,
               ProgressListener progress) {
        this(genome, params, index, seeds, workers, progress, IN_FLIGHT_PER_HELPER * (workers.threads() - 1));
    }

    /**
     * @param draftsInFlight most drafts made ahead at once; with one thread, a positive value makes
     *                       every draft ahead run at once on the calling thread (a deterministic way
     *                       for tests to exercise drafts that turn stale)
     */
    FamilyLoop(Genome genome, Parameters params, KmerIndex index, SeedCandidates seeds, Workers workers,
               ProgressListener progress, int draftsInFlight) {
        this.genome = genome;
        this.params = params;
        this.workers = workers;
        this.progress = progress;
        this.codec = index.codec();
        this.k = index.k();
        this.queue = new SeedQueue(seeds.size());
        for (int i = 0; i < seeds.size(); i++) {
            queue.push(seeds.freq(i), seeds.code(i));
        }
        this.finder = new CopyFinder(index, params.dist, params.tandemDist);
        this.repeatMask = new Bitmask(genome.length());
        this.reportedMask = new Bitmask(genome.length());
        this.extender = new ConsensusExtender(params);
        this.aligner = new ElementAligner(params);
        this.maxInflight = draftsInFlight;
        this.lookAhead = new long[Math.max(1, 2 * maxInflight)];
        this.lookAheadCounts = new int[lookAhead.length];
        this.helperState = ThreadLocal.withInitial(() -> new HelperState(index));
        this.claims = maxInflight > 0 ? new Bitmask(genome.length()) : null;
    }

    Bitmask repeatMask() {
        return repeatMask;
    }

    Bitmask reportedMask() {
        return reportedMask;
    }

    void run() {
        while (families.size() < params.maxRepeat && !queue.isEmpty()) {
            long seed = nextSeed();
            int seedFreq = fwd.size() + rev.size();
            seedsProcessed++;
            if (seedFreq < params.minFreq) {
                break;
            }
            buildFamily(seed);
            progress.seedDone(seedsProcessed, families.size(), queue.size());
        }
        for (Speculation s : inflight.values()) {
            s.drop();
        }
        inflight.clear();
    }

    /**
     * Pops seeds until one's recounted copies (tandem filter, then the repeat mask) are at least
     * the count now on top of the queue; re-queues the others that keep minfreq copies. Leaves
     * the chosen seed's copies in {@code fwd} and {@code rev}.
     */
    private long nextSeed() {
        while (true) {
            long code = queue.topCode();
            queue.pop();
            unmaskedCopies(finder, code, fwd, rev);
            int count = fwd.size() + rev.size();
            if (queue.isEmpty() || count >= queue.topFreq()) {
                return code;
            }
            if (count >= params.minFreq) {
                queue.push(count, code);
            }
        }
    }

    /** A seed's tandem-filtered copies on both strands whose k bases the repeat mask leaves free. */
    private void unmaskedCopies(CopyFinder f, long code, IntBuffer forward, IntBuffer reverse) {
        f.copies(code, forward);
        SeedCandidates.keepFree(forward, repeatMask, k);
        f.copies(codec.reverseComplement(code), reverse);
        SeedCandidates.keepFree(reverse, repeatMask, k);
    }

    private void buildFamily(long seed) {
        int[] f = fwd.toArray();
        int[] r = rev.toArray();
        SeedCopies copies = seedCopies(f, r);
        Draft draft = null;
        List<long[]> held = null;
        Speculation spec = inflight.remove(seed);
        if (spec != null) {
            helpWhileRunning(spec);
            Speculated s = spec.take();
            if (s != null && s.draft != null && Arrays.equals(s.fwd, f) && Arrays.equals(s.rev, r)) {
                draft = s.draft;
                held = s.claimed;
                draftsUsed++;
            } else {
                if (s != null) {
                    release(s.claimed);
                }
                if (s != null && s.draft != null) {
                    draftsStale++;
                } else {
                    draftsRedone++;
                }
            }
        }
        if (draft == null) {
            if (claims != null) {
                held = claimNeighbourhoods(f, r, false); // tell the helpers where we are
                speculate();
            }
            boolean split = workers.threads() > 1 && copies.size() >= SPLIT_FROM;
            if (split) {
                familiesSplit++;
            }
            draft = draft(copies, aligner, split);
        }
        commit(seed, copies, draft);
        release(held);
        speculate();
    }

    private SeedCopies seedCopies(int[] f, int[] r) {
        long[] positions = new long[f.length + r.length];
        boolean[] reverse = new boolean[positions.length];
        for (int i = 0; i < f.length; i++) {
            positions[i] = f[i];
        }
        for (int i = 0; i < r.length; i++) {
            positions[f.length + i] = r[i];
            reverse[f.length + i] = true;
        }
        return new SeedCopies(genome, k, positions, reverse);
    }

    /**
     * Extension and element boundaries of a seed's copies: a function of the copies alone (not of
     * the masks), which is what lets later seeds be drafted ahead of their turn.
     */
    private Draft draft(SeedCopies copies, ElementAligner aligner, boolean split) {
        Extension[] sides = new Extension[2];
        if (split) {
            // The two sides are independent (REPrise runs them at once too).
            workers.both(() -> sides[0] = extender.extend(copies, true), () -> sides[1] = extender.extend(copies, false));
        } else {
            sides[0] = extender.extend(copies, true);
            sides[1] = extender.extend(copies, false);
        }
        long[][] rels = split ? alignSplit(copies, sides[0], sides[1]) : alignEach(copies, aligner, sides[0], sides[1]);
        return new Draft(sides[0], sides[1], rels);
    }

    private long[][] alignEach(SeedCopies copies, ElementAligner aligner, Extension right, Extension left) {
        long[][] rels = new long[copies.size()][];
        for (int i = 0; i < rels.length; i++) {
            rels[i] = aligner.align(copies, i, right, left);
        }
        return rels;
    }

    /** Every copy's element, in copy order, the copies split among the workers. */
    private long[][] alignSplit(SeedCopies copies, Extension right, Extension left) {
        int n = copies.size();
        long[][] rels = new long[n][];
        int pieces = Math.max(1, Math.min(n / 32, 4 * workers.threads()));
        workers.map(pieces, piece -> {
            ElementAligner own = new ElementAligner(params);
            for (int i = n * piece / pieces, to = n * (piece + 1) / pieces; i < to; i++) {
                rels[i] = own.align(copies, i, right, left);
            }
            return null;
        });
        return rels;
    }

    /** Masks every copy's element and reports the family if its consensus is long enough. */
    private void commit(long seed, SeedCopies copies, Draft draft) {
        Family f = FamilyCommit.commit(genome, params, codec.decode(seed), families.size(), copies.size(),
                copies::position, copies::isReverse, draft.right, draft.left, draft.rels, repeatMask, reportedMask);
        if (f != null) {
            families.add(f);
        }
    }

    // ---- drafting ahead -------------------------------------------------------------------

    /**
     * While a helper is still drafting the seed whose turn it is, this thread drafts other seeds
     * of the window that no helper has started, rather than wait idle.
     */
    private void helpWhileRunning(Speculation awaited) {
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
            long code = todo.getKey();
            Speculated done = speculativeDraft(code, todo.getValue().queuedCount);
            todo.setValue(new Speculation(Workers.done(done), 0, true));
        }
    }

    /** Starts drafts of the seeds on top of the queue, up to the in-flight limit. */
    private void speculate() {
        if (maxInflight == 0) {
            return;
        }
        int n = queue.peekTop(lookAhead.length, lookAhead, lookAheadCounts);
        if (inflight.size() > 4 * maxInflight) {
            // Drop finished drafts of seeds that left the window: their seeds were pushed back.
            java.util.Set<Long> window = new java.util.HashSet<>();
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
                inflight.put(code, new Speculation(workers.submit(() -> speculativeDraft(code, queued)), queued, false));
                running++;
            }
        }
    }

    /** On a helper: the seed's copies against the repeat mask as it is now, and their draft. */
    private Speculated speculativeDraft(long code, int queuedCount) {
        HelperState h = helperState.get();
        unmaskedCopies(h.finder, code, h.fwd, h.rev);
        int[] f = h.fwd.toArray();
        int[] r = h.rev.toArray();
        // Fewer copies than the queue says: the seed will be recounted and pushed back, not taken
        // now with these copies; not worth drafting.
        if (f.length + r.length < Math.max(params.minFreq, queuedCount)) {
            return new Speculated(f, r, null, null);
        }
        if (f.length + r.length >= SPLIT_FROM) {
            // A large family is drafted at its turn with all threads rather than by one helper.
            return new Speculated(f, r, null, null);
        }
        List<long[]> claimed = claimNeighbourhoods(f, r, true);
        if (claimed == null) {
            return new Speculated(f, r, null, null); // near a seed being drafted or committed
        }
        return new Speculated(f, r, draft(seedCopies(f, r), h.aligner, false), claimed);
    }

    /**
     * Claims [p - NEIGHBOURHOOD, p + k + NEIGHBOURHOOD) around each copy. All or nothing: on the
     * first claim that fails, releases what it claimed and returns null. Otherwise claims what is
     * free and returns the ranges it holds.
     */
    private List<long[]> claimNeighbourhoods(int[] f, int[] r, boolean allOrNothing) {
        List<long[]> held = new ArrayList<>(f.length + r.length);
        for (int[] side : new int[][] {f, r}) {
            for (int p : side) {
                long start = Math.max(0, (long) p - NEIGHBOURHOOD);
                long end = Math.min(genome.length(), (long) p + k + NEIGHBOURHOOD);
                if (claims.claimRange(start, end)) {
                    held.add(new long[] {start, end});
                } else if (allOrNothing) {
                    release(held);
                    return null;
                }
            }
        }
        return held;
    }

    private void release(List<long[]> held) {
        if (held != null) {
            for (long[] range : held) {
                claims.releaseRange(range[0], range[1]);
            }
        }
    }

    /** A family's extension and element boundaries, before masking. */
    private static final class Draft {
        final Extension right;
        final Extension left;
        final long[][] rels;

        Draft(Extension right, Extension left, long[][] rels) {
            this.right = right;
            this.left = left;
            this.rels = rels;
        }
    }

    /** A draft made ahead of its turn, with the copies it was made from and the claims it holds. */
    private static final class Speculated {
        final int[] fwd;
        final int[] rev;
        final Draft draft;
        final List<long[]> claimed;

        Speculated(int[] fwd, int[] rev, Draft draft, List<long[]> claimed) {
            this.fwd = fwd;
            this.rev = rev;
            this.draft = draft;
            this.claimed = claimed;
        }
    }

    /** Scratch of one helper thread. */
    private final class HelperState {
        final CopyFinder finder;
        final IntBuffer fwd = new IntBuffer(256);
        final IntBuffer rev = new IntBuffer(256);
        final ElementAligner aligner = new ElementAligner(params);

        HelperState(KmerIndex index) {
            finder = new CopyFinder(index, params.dist, params.tandemDist);
        }
    }

    /** A draft in flight on a helper. */
    private final class Speculation {
        final Workers.Task<Speculated> future;
        final int queuedCount;
        /** Drafted on the committing thread while it waited: never cancelled again. */
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
                return future.get();
            } catch (CancellationException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a draft", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(c);
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
