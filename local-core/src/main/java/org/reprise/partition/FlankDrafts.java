package org.reprise.partition;

import org.reprise.discover.Draft;
import org.reprise.discover.DraftMaker;
import org.reprise.discover.Drafting;
import org.reprise.discover.FlankDrafting;
import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.extend.SeedCopies;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drafts over a genome that is not in memory: each copy's flank is read from the genome's bases,
 * first {@value #FIRST_RADIUS} bases around its k-mer (most families' sides stop long before, as in
 * the Spark job's rounds), then, when the draft might have read further, the full radius
 * ({@link FlankDrafting}). Thread-safe.
 */
public final class FlankDrafts implements DraftMaker {
    /** The first radius tried. */
    static final int FIRST_RADIUS = 2_000;

    private final ContigDictionary contigs;
    private final BasesSource bases;
    private final Parameters params;
    private final int k;
    private final FlankDrafting drafting;
    private final AtomicLong drafts = new AtomicLong();
    private final AtomicLong redone = new AtomicLong();
    private final AtomicLong basesRead = new AtomicLong();

    public FlankDrafts(ContigDictionary contigs, BasesSource bases, Parameters params, int k) {
        this.contigs = contigs;
        this.bases = bases;
        this.params = params;
        this.k = k;
        this.drafting = new FlankDrafting(params, k);
    }

    @Override
    public Draft draft(long[] forward, long[] reverse, ConsensusExtender extender, ElementAligner aligner) {
        return draft(forward, reverse, false, extender, aligner);
    }

    /** The draft, a thin seed's probed first ({@link FlankDrafting#probed}) when {@code probe}. */
    public Draft draft(long[] forward, long[] reverse, boolean probe, ConsensusExtender extender, ElementAligner aligner) {
        drafts.incrementAndGet();
        ConsensusExtender probing = probe ? drafting.probe() : null;
        int full = FlankDrafting.fullRadius(params);
        if (FIRST_RADIUS < full) {
            Draft d = drafting.probed(reads(forward, reverse, FIRST_RADIUS), forward, reverse, FIRST_RADIUS, probing,
                    extender, aligner);
            if (d != null) {
                return d;
            }
            redone.incrementAndGet();
        }
        return drafting.probed(reads(forward, reverse, full), forward, reverse, full, probing, extender, aligner);
    }

    @Override
    public Draft draftSplit(long[] forward, long[] reverse, Workers workers) {
        return draftSplit(forward, reverse, workers, false);
    }

    /**
     * {@link #draftSplit(long[], long[], Workers)}, a thin seed's probed first when {@code probe}:
     * the same draft as {@link #draft} (a split draft is the one-thread draft).
     */
    public Draft draftSplit(long[] forward, long[] reverse, Workers workers, boolean probe) {
        drafts.incrementAndGet();
        Draft d = probe ? shortProbe(forward, reverse) : null;
        if (d != null) {
            return d;
        }
        return new Drafting(params).draftSplit(reads(forward, reverse, FlankDrafting.fullRadius(params)), forward,
                reverse, workers);
    }

    @Override
    public long genomeLength() {
        return contigs.length();
    }

    /** {@link FlankDrafting#shortProbe} with the first radius, then the full one; null when the seed is to be drafted in full. */
    private Draft shortProbe(long[] forward, long[] reverse) {
        ConsensusExtender probing = drafting.probe();
        if (probing == null) {
            return null;
        }
        int full = FlankDrafting.fullRadius(params);
        for (int radius : FIRST_RADIUS < full ? new int[] {FIRST_RADIUS, full} : new int[] {full}) {
            Draft d = drafting.shortProbe(reads(forward, reverse, radius), forward, reverse, radius, probing,
                    new ElementAligner(params));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The copies' flanks of {@code radius} bases around their k-mers (less at contig ends), as reads. */
    private SeedCopies reads(long[] forward, long[] reverse, int radius) {
        int n = forward.length + reverse.length;
        byte[][] flanks = new byte[n][];
        int[] offsets = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                long p = i < forward.length ? forward[i] : reverse[i - forward.length];
                int c = contigs.contigIndexAt(p);
                long from = Math.max(contigs.contigStart(c), p - radius);
                long to = Math.min(contigs.contigEnd(c), p + k + radius);
                flanks[i] = new byte[(int) (to - from)];
                bases.read(from, flanks[i], 0, flanks[i].length);
                offsets[i] = (int) (p - from);
                basesRead.addAndGet(flanks[i].length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return drafting.reads(flanks, offsets, forward.length, n);
    }

    /** Drafts made, drafts made again with the full radius, flank bases read. */
    public Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("drafted_from_flanks", drafts.get());
        m.put("drafted_again_with_full_radius", redone.get());
        m.put("flank_bases_read", basesRead.get());
        return m;
    }
}
