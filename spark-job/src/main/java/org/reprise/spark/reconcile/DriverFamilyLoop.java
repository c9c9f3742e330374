package org.reprise.spark.reconcile;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongRBTreeSet;
import org.reprise.discover.Family;
import org.reprise.discover.FamilyCommit;
import org.reprise.discover.Parameters;
import org.reprise.discover.ProgressListener;
import org.reprise.discover.SeedQueue;
import org.reprise.index.KmerCodec;
import org.reprise.mask.Bitmask;
import org.reprise.spark.partition.ContigTable;
import org.reprise.spark.seeds.SeedList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The family loop on the driver, in rounds: local-core's loop exactly (lazy seed queue, recount
 * against the repeat mask, commit in queue order through {@link FamilyCommit}), except that the
 * drafts come from the executors. When the seed whose turn it is has no draft made from its
 * present copies, a round drafts it together with up to {@code window - 1} seeds next in the
 * queue whose copies no earlier seed of the round touches; a draft made ahead is used only if the
 * seed's copies at its turn are exactly those it was made from, else the seed is drafted again.
 * So the families, the mask and the order are local-core's, whatever the partitions and timings.
 *
 * <p>This is the driver-side reconciliation of the partitions' work: the repeat mask (one bit per
 * base) lives here, and every claim of an element is decided here in global seed order.
 */
public final class DriverFamilyLoop {
    private static final Logger LOG = LoggerFactory.getLogger(DriverFamilyLoop.class);
    /** First flank radius of a round: most sides stop long before it (measured on fly chr2R). */
    public static final int FIRST_RADIUS = 2_000;

    private final ContigTable contigs;
    private final Parameters params;
    private final int k;
    private final KmerCodec codec;
    private final SeedList seeds;
    private final Long2IntOpenHashMap seedIndex;
    private final SeedQueue queue;
    private final Bitmask repeatMask;
    private final Bitmask reportedMask;
    private final BiFunction<List<DraftRequest>, Integer, List<RemoteDraft>> drafter;
    private final int window;
    private final int firstRadius;
    /** Seeds drafted in the next round: grows with the seeds a round's drafts carried, up to window. */
    private int nextWindow = 16;
    private int usedAtLastRound;
    private final ProgressListener progress;
    private final Long2ObjectOpenHashMap<Ahead> ahead = new Long2ObjectOpenHashMap<>();
    private final List<Family> families = new ArrayList<>();
    private long[] fwd;
    private long[] rev;

    int seedsProcessed;
    /** Seeds of the last round's look-ahead, and those of them left out for touching a claim. */
    private final LongOpenHashSet lastWindow = new LongOpenHashSet();
    private final LongOpenHashSet lastClaimSkipped = new LongOpenHashSet();
    int missClaimed;
    int missInWindow;
    int missOutsideWindow;
    int rounds;
    long drafted;
    long redraftedFullWindow;
    int draftsUsed;
    int draftsStale;
    double roundSeconds;

    /**
     * @param drafter drafts a list of requests with flanks of the given radius (a Spark round, or
     *                anything equivalent in tests)
     * @param window  most seeds drafted per round
     */
    public DriverFamilyLoop(ContigTable contigs, Parameters params, int k, SeedList seeds,
                            BiFunction<List<DraftRequest>, Integer, List<RemoteDraft>> drafter, int window,
                            int firstRadius, ProgressListener progress) {
        this.firstRadius = Math.max(params.maxGap + 1, firstRadius);
        this.contigs = contigs;
        this.params = params;
        this.k = k;
        this.codec = new KmerCodec(k);
        this.seeds = seeds;
        this.drafter = drafter;
        this.window = Math.max(1, window);
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.seedIndex = new Long2IntOpenHashMap(seeds.size());
        this.queue = new SeedQueue(seeds.size());
        for (int i = 0; i < seeds.size(); i++) {
            seedIndex.put(seeds.code(i), i);
            queue.push(seeds.freq(i), seeds.code(i));
        }
        this.repeatMask = new Bitmask(contigs.length());
        this.reportedMask = new Bitmask(contigs.length());
    }

    public List<Family> run() {
        while (families.size() < params.maxRepeat && !queue.isEmpty()) {
            long seed = nextSeed();
            seedsProcessed++;
            if (fwd.length + rev.length < params.minFreq) {
                break;
            }
            RemoteDraft draft = takeAhead(seed, fwd, rev);
            if (draft == null) {
                // Why no draft was ready: figures for tuning the rounds.
                if (lastClaimSkipped.contains(seed)) {
                    missClaimed++;
                } else if (lastWindow.contains(seed)) {
                    missInWindow++;
                } else {
                    missOutsideWindow++;
                }
                round(seed);
                draft = takeAhead(seed, fwd, rev);
                if (draft == null) {
                    throw new IllegalStateException("round returned no draft for the seed whose turn it is");
                }
            }
            long[] f = fwd, r = rev;
            int nf = f.length;
            Family family = FamilyCommit.commit(contigs, params, codec.decode(seed), families.size(), nf + r.length,
                    i -> i < nf ? f[i] : r[i - nf], i -> i >= nf, draft.rightSide(), draft.leftSide(),
                    draft.elements(), repeatMask, reportedMask);
            if (family != null) {
                families.add(family);
            }
            progress.seedDone(seedsProcessed, families.size(), queue.size());
        }
        return families;
    }

    /** Bases covered by reported elements: what {@code .masked} masks. */
    public Bitmask reportedMask() {
        return reportedMask;
    }

    public Bitmask repeatMask() {
        return repeatMask;
    }

    /** As local-core: pops seeds until one's recount is at least the count now on top. */
    private long nextSeed() {
        while (true) {
            long code = queue.topCode();
            queue.pop();
            int s = seedIndex.get(code);
            fwd = unmasked(seeds.forward(s));
            rev = unmasked(seeds.reverse(s));
            int count = fwd.length + rev.length;
            if (queue.isEmpty() || count >= queue.topFreq()) {
                return code;
            }
            if (count >= params.minFreq) {
                queue.push(count, code);
            }
        }
    }

    private long[] unmasked(long[] copies) {
        long[] out = new long[copies.length];
        int n = 0;
        for (long p : copies) {
            if (repeatMask.isRangeFree(p, p + k)) {
                out[n++] = p;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private RemoteDraft takeAhead(long seed, long[] f, long[] r) {
        Ahead a = ahead.remove(seed);
        if (a == null) {
            return null;
        }
        if (Arrays.equals(a.forward, f) && Arrays.equals(a.reverse, r)) {
            draftsUsed++;
            return a.draft;
        }
        draftsStale++;
        return null;
    }

    /**
     * Drafts the seed whose turn it is and the seeds next in the queue that look safe: enough
     * unmasked copies to be taken as they are, and no copy within a k-mer of a copy of an earlier
     * seed of the round (those are most often other k-mers of the same family, about to be masked).
     */
    private void round(long seed) {
        long t = System.nanoTime();
        List<DraftRequest> requests = new ArrayList<>();
        requests.add(new DraftRequest(seed, fwd, rev));
        LongRBTreeSet claimed = new LongRBTreeSet();
        claim(claimed, fwd, rev);
        int look = Math.min(queue.size(), 4 * window);
        long[] codes = new long[look];
        int[] counts = new int[look];
        int n = queue.peekTop(look, codes, counts);
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
        int carried = draftsUsed - usedAtLastRound;
        usedAtLastRound = draftsUsed;
        nextWindow = rounds == 0 ? Math.min(window, 16) : Math.max(8, Math.min(window, 2 * carried));
        for (int i = 0; i < n && requests.size() < nextWindow; i++) {
            int s = seedIndex.get(codes[i]);
            long[] f = unmasked(seeds.forward(s));
            long[] r = unmasked(seeds.reverse(s));
            if (f.length + r.length < params.minFreq) {
                continue; // will be dropped when its turn comes
            }
            // A seed with fewer copies than the queue says will be pushed back with these
            // copies, and is often taken later with exactly them: drafting it now saves a round.
            Ahead a = ahead.get(codes[i]);
            if (a != null && Arrays.equals(a.forward, f) && Arrays.equals(a.reverse, r)) {
                claim(claimed, f, r);
                continue; // already drafted from these copies
            }
            if (meets(claimed, f) || meets(claimed, r)) {
                lastClaimSkipped.add(codes[i]);
                continue;
            }
            claim(claimed, f, r);
            requests.add(new DraftRequest(codes[i], f, r));
        }
        List<RemoteDraft> drafts = drafter.apply(requests, Math.min(firstRadius, DraftRound.fullRadius(params)));
        List<DraftRequest> again = new ArrayList<>();
        Long2ObjectOpenHashMap<DraftRequest> byCode = new Long2ObjectOpenHashMap<>();
        for (DraftRequest q : requests) {
            byCode.put(q.code, q);
        }
        for (RemoteDraft d : drafts) {
            if (d.complete) {
                keep(byCode.get(d.code), d);
            } else {
                again.add(byCode.get(d.code));
            }
        }
        if (!again.isEmpty()) {
            redraftedFullWindow += again.size();
            for (RemoteDraft d : drafter.apply(again, DraftRound.fullRadius(params))) {
                keep(byCode.get(d.code), d);
            }
        }
        rounds++;
        drafted += requests.size();
        double took = (System.nanoTime() - t) / 1e9;
        roundSeconds += took;
        if (LOG.isDebugEnabled()) {
            int total = 0, max = 0;
            for (DraftRequest q : requests) {
                total += q.copies();
                max = Math.max(max, q.copies());
            }
            LOG.debug(String.format("round %d: %.2f s, %d seeds, %d copies (largest seed %d), %d again with the full window",
                    rounds, took, requests.size(), total, max, again.size()));
        }
    }

    private void keep(DraftRequest q, RemoteDraft d) {
        if (!d.complete) {
            throw new IllegalStateException("a full-window draft came back incomplete");
        }
        ahead.put(q.code, new Ahead(q.forward, q.reverse, d));
    }

    private void claim(LongRBTreeSet claimed, long[] f, long[] r) {
        for (long p : f) {
            claimed.add(p);
        }
        for (long p : r) {
            claimed.add(p);
        }
    }

    /** Whether a copy's k-mer overlaps a claimed one: a claimed start in (p - k, p + k). */
    private boolean meets(LongRBTreeSet claimed, long[] copies) {
        for (long p : copies) {
            if (!claimed.subSet(p - k + 1, p + k).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    public int seedsProcessed() {
        return seedsProcessed;
    }

    /** Round figures for the summary. */
    public java.util.Map<String, Number> figures() {
        java.util.Map<String, Number> m = new java.util.LinkedHashMap<>();
        m.put("rounds", rounds);
        m.put("seeds_drafted", drafted);
        m.put("drafts_used", draftsUsed);
        m.put("drafts_stale", draftsStale);
        m.put("drafts_with_full_window", redraftedFullWindow);
        m.put("round_seconds", roundSeconds);
        m.put("rounds_for_a_seed_left_out_by_claims", missClaimed);
        m.put("rounds_for_a_seed_left_out_otherwise", missInWindow);
        m.put("rounds_for_a_seed_outside_the_look_ahead", missOutsideWindow);
        return m;
    }

    private static final class Ahead {
        final long[] forward;
        final long[] reverse;
        final RemoteDraft draft;

        Ahead(long[] forward, long[] reverse, RemoteDraft draft) {
            this.forward = forward;
            this.reverse = reverse;
            this.draft = draft;
        }
    }
}
