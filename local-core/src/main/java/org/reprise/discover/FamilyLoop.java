package org.reprise.discover;

import org.reprise.genome.ContigDictionary;
import org.reprise.index.KmerCodec;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.seeds.SeedQueue;
import org.reprise.seeds.SeedTable;
import org.reprise.seeds.UnmaskedCopies;
import org.reprise.util.LongBuffer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The family loop (docs/ALGORITHM.md, family loop), the one implementation of both drivers: take
 * the best seed lazily, get its family's draft, commit it, until maxrepeat families are reported
 * or no seed with minfreq copies is left. What differs between drivers is given to it:
 * <ul>
 *   <li>a {@link CopySource}: where a seed's tandem-filtered copies come from (the k-mer index
 *       locally; the seed table's stored copy lists on the Spark driver);</li>
 *   <li>a {@link Drafter}: who drafts (this thread with helper threads drafting ahead; Spark
 *       executors in rounds).</li>
 * </ul>
 * Seeds are committed strictly one after the other in queue order, on the calling thread. A draft
 * made ahead is used only if, at the seed's turn, it was made from exactly the copies the seed has
 * then ({@link Draft#madeFrom}); otherwise the drafter drafts it now. The output is therefore the
 * same whoever drafts, whatever the timing.
 */
public final class FamilyLoop implements LookAhead {
    private final ContigDictionary contigs;
    private final Parameters params;
    private final int k;
    private final KmerCodec codec;
    private final SeedQueue queue;
    private final CopySource copySource;
    private final Drafter drafter;
    private final Bitmask repeatMask;
    private final Bitmask reportedMask;
    private final FamilyCommit commit;
    private final ProgressListener progress;
    private final SeedPriority priority;
    private final LongBuffer fwd = new LongBuffer(256);
    private final LongBuffer rev = new LongBuffer(256);
    private final List<Family> families = new ArrayList<>();
    /** The drafts of the reported families, when asked for ({@link #keepDrafts}). */
    private List<Draft> drafts;
    /** The drafts that made no family, and their seeds, when asked for ({@link #keepDrafts}). */
    private List<Draft> failedDrafts;
    private LongBuffer failedSeeds;
    private int seedsProcessed;
    private long draftsUsed;
    private long draftsStale;
    private long draftedAtTurn;

    /**
     * @param contigs the genome's contigs (the masks cover {@code contigs.length()} bases)
     * @param k       the k-mer length the seeds were counted with
     * @param seeds   the seed table after pre-masking
     */
    public FamilyLoop(ContigDictionary contigs, Parameters params, int k, SeedTable seeds, CopySource copySource,
                      Drafter drafter, ProgressListener progress) {
        this(contigs, params, k, seeds, copySource, drafter, progress, SeedPriority.COUNT);
    }

    /** As the other constructor, with seeds queued by {@code priority} instead of their counts. */
    public FamilyLoop(ContigDictionary contigs, Parameters params, int k, SeedTable seeds, CopySource copySource,
                      Drafter drafter, ProgressListener progress, SeedPriority priority) {
        this(contigs, params, k, seeds, copySource, drafter, progress, priority, new Bitmask(contigs.length()),
                new Bitmask(contigs.length()));
    }

    /**
     * As the other constructors, starting from masks that earlier work filled (the partitioned
     * strategy's pass over thinly spread seeds starts from every partition's repeat mask).
     *
     * @param repeatMask   the repeat mask the seeds are recounted against; the loop marks its
     *                     families' elements in it
     * @param reportedMask where the loop marks its reported elements
     */
    public FamilyLoop(ContigDictionary contigs, Parameters params, int k, SeedTable seeds, CopySource copySource,
                      Drafter drafter, ProgressListener progress, SeedPriority priority, Bitmask repeatMask,
                      Bitmask reportedMask) {
        if (repeatMask.size() != contigs.length() || reportedMask.size() != contigs.length()) {
            throw new IllegalArgumentException("masks of " + repeatMask.size() + " and " + reportedMask.size()
                    + " bases for a genome of " + contigs.length());
        }
        this.contigs = contigs;
        this.priority = priority;
        this.params = params;
        this.k = k;
        this.codec = new KmerCodec(k);
        this.copySource = copySource;
        this.drafter = drafter;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.queue = new SeedQueue(seeds.size());
        for (int i = 0; i < seeds.size(); i++) {
            queue.push(priority.of(seeds.code(i), seeds.freq(i)), seeds.code(i));
        }
        this.repeatMask = repeatMask;
        this.reportedMask = reportedMask;
        this.commit = new FamilyCommit(contigs, params, repeatMask, reportedMask);
    }

    /** Runs the loop to its end; the drafter is closed when it returns. */
    public List<Family> run() {
        try (drafter) {
            while (families.size() < params.maxRepeat && !queue.isEmpty()) {
                long seed = nextSeed();
                seedsProcessed++;
                if (fwd.size() + rev.size() < params.minFreq) {
                    break;
                }
                long[] f = fwd.toArray();
                long[] r = rev.toArray();
                Draft draft = drafter.takeAhead(seed, this);
                if (draft != null && draft.madeFrom(f, r)) {
                    draftsUsed++;
                } else {
                    if (draft != null) {
                        draftsStale++;
                    }
                    draftedAtTurn++;
                    draft = drafter.draftNow(seed, f, r, this);
                    if (!draft.madeFrom(f, r)) {
                        throw new IllegalStateException("the drafter drafted " + codec.decode(seed)
                                + " from other copies than those it was given");
                    }
                }
                Family family = commit.commit(codec.decode(seed), families.size(), draft);
                if (family != null) {
                    families.add(family);
                    if (drafts != null) {
                        drafts.add(draft);
                    }
                } else if (failedDrafts != null) {
                    failedDrafts.add(draft);
                    failedSeeds.add(seed);
                }
                drafter.committed(seed, this);
                progress.seedDone(seedsProcessed, families.size(), queue.size());
            }
        }
        return families;
    }

    /**
     * Pops seeds until one's recounted copies (the repeat mask applied) give a priority at least
     * the one now on top of the queue; re-queues the others that keep minfreq copies. Leaves the
     * chosen seed's copies in {@code fwd} and {@code rev}.
     */
    private long nextSeed() {
        while (true) {
            long code = queue.topCode();
            queue.pop();
            unmaskedCopies(code, fwd, rev);
            int count = fwd.size() + rev.size();
            int now = priority.of(code, count);
            if (queue.isEmpty() || now >= queue.topFreq()) {
                return code;
            }
            if (count >= params.minFreq) {
                queue.push(now, code);
            }
        }
    }

    @Override
    public void unmaskedCopies(long seed, LongBuffer forward, LongBuffer reverse) {
        copySource.copies(seed, forward, reverse);
        UnmaskedCopies.keep(forward, repeatMask, k);
        UnmaskedCopies.keep(reverse, repeatMask, k);
    }

    @Override
    public int peek(int n, long[] codes, int[] counts) {
        return queue.peekTop(n, codes, counts);
    }

    @Override
    public int priority(long seed, int copies) {
        return priority.of(seed, copies);
    }

    @Override
    public int queued() {
        return queue.size();
    }

    public List<Family> families() {
        return families;
    }

    /**
     * Keeps every draft (its copies, sides and element ends): the reported families' and, apart,
     * those that made no family with their seeds; call before {@link #run}.
     */
    public FamilyLoop keepDrafts() {
        drafts = new ArrayList<>();
        failedDrafts = new ArrayList<>();
        failedSeeds = new LongBuffer(1024);
        return this;
    }

    /** The drafts that made no family, in commit order (after {@link #keepDrafts}). */
    public List<Draft> failedDrafts() {
        if (failedDrafts == null) {
            throw new IllegalStateException("drafts were not kept");
        }
        return failedDrafts;
    }

    /** The seeds of {@link #failedDrafts}, in the same order. */
    public long[] failedSeeds() {
        if (failedSeeds == null) {
            throw new IllegalStateException("drafts were not kept");
        }
        return failedSeeds.toArray();
    }

    /** The reported families' drafts, in the order of {@link #families()} (after {@link #keepDrafts}). */
    public List<Draft> drafts() {
        if (drafts == null) {
            throw new IllegalStateException("drafts were not kept");
        }
        return drafts;
    }

    /** Bases covered by reported elements: what {@code .masked} masks. */
    public Bitmask reportedMask() {
        return reportedMask;
    }

    /** Bases of every family's elements, reported or not: the mask seeds are recounted against. */
    public Bitmask repeatMask() {
        return repeatMask;
    }

    public int seedsProcessed() {
        return seedsProcessed;
    }

    public ContigDictionary contigs() {
        return contigs;
    }

    /**
     * How the drafts were got: made ahead and used, made ahead but stale, drafted at the seed's
     * turn; then the drafter's own counters. They steer the work only, never the output.
     */
    public Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("drafts_ahead_used", draftsUsed);
        m.put("drafts_ahead_stale", draftsStale);
        m.put("drafted_at_turn", draftedAtTurn);
        m.putAll(drafter.counters());
        return m;
    }
}
