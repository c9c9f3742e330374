package org.reprise.partition;

import org.reprise.discover.CopySource;
import org.reprise.discover.Draft;
import org.reprise.discover.Family;
import org.reprise.discover.FamilyCommit;
import org.reprise.discover.ProgressListener;
import org.reprise.genome.ContigDictionary;
import org.reprise.index.KmerCodec;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.seeds.SeedQueue;
import org.reprise.seeds.SeedTable;
import org.reprise.seeds.UnmaskedCopies;
import org.reprise.util.LongBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The family loop over the thin seeds in bulk batches (docs/ALGORITHM.md, partitioned strategy):
 * instead of one draft at a time, the next {@code batch} seeds in queue order are taken with their
 * free copies, all drafted at once ({@link GenomeWidePass#redraft}: the run's threads, or one Spark
 * job), and committed in that order. A draft is committed only if its seed still has exactly the
 * copies it was drafted from (the family loop's rule, {@link Draft#madeFrom}); a seed whose copies
 * an earlier commit of the batch masked goes back in the queue with its new count (or is dropped
 * under minfreq) and is drafted again in a later batch. Each batch is twice the last, so the
 * number of batches grows with the log of the seeds, not with their count.
 *
 * <p>Deterministic: batches are cut by queue order and commits made in it; the threads only draft.
 * The result may differ from the one-at-a-time loop's where a seed's copies change within a batch.
 */
final class ThinSeeds {
    /** Seeds of the first batch; each batch doubles it up to {@link #LARGEST_BATCH}. */
    static final int FIRST_BATCH = 1024;
    /** Seeds of the largest batch: what its drafts hold at once stays bounded. */
    static final int LARGEST_BATCH = 32_768;

    private final ContigDictionary contigs;
    private final Parameters params;
    private final GenomeWidePass drafts;
    private int batches;
    private long drafted;
    private long stale;

    ThinSeeds(ContigDictionary contigs, Parameters params, GenomeWidePass drafts) {
        this.contigs = contigs;
        this.params = params;
        this.drafts = drafts;
    }

    /**
     * Runs the seeds marked {@code thin} to the end, committing against {@code repeatMask} (marked with every family's
     * elements); returns the reported families in commit order, numbered from 0.
     */
    List<Family> run(SeedTable seeds, boolean[] thin, CopySource copySource, Bitmask repeatMask, ProgressListener progress) {
        int k = params.k;
        KmerCodec codec = new KmerCodec(k);
        SeedQueue queue = new SeedQueue(seeds.size());
        for (int i = 0; i < seeds.size(); i++) {
            if (thin[i]) {
                queue.push(seeds.freq(i), seeds.code(i));
            }
        }
        FamilyCommit commit = new FamilyCommit(contigs, params, repeatMask, new Bitmask(contigs.length()));
        List<Family> families = new ArrayList<>();
        LongBuffer fwd = new LongBuffer(256);
        LongBuffer rev = new LongBuffer(256);
        int batch = FIRST_BATCH;
        while (!queue.isEmpty() && families.size() < params.maxRepeat) {
            // the batch: seeds in queue order, each with the copies the mask leaves it now
            LongBuffer codes = new LongBuffer(batch);
            List<long[]> forward = new ArrayList<>(batch);
            List<long[]> reverse = new ArrayList<>(batch);
            while (codes.size() < batch && !queue.isEmpty()) {
                long code = queue.topCode();
                queue.pop();
                free(copySource, code, repeatMask, k, fwd, rev);
                int n = fwd.size() + rev.size();
                if (n < params.minFreq) {
                    continue;
                }
                if (!queue.isEmpty() && n < queue.topFreq()) {
                    queue.push(n, code); // fewer copies than when it was queued: its turn is later
                    continue;
                }
                codes.add(code);
                forward.add(fwd.toArray());
                reverse.add(rev.toArray());
            }
            if (codes.size() == 0) {
                break;
            }
            batches++;
            drafted += codes.size();
            progress.phase(String.format(Locale.ROOT, "thin seeds: batch %d, %,d seeds drafted at once (%,d queued)",
                    batches, codes.size(), queue.size()));
            List<Draft> made = drafts.draftThin(codes.toArray(), forward, reverse, progress);
            for (int i = 0; i < codes.size() && families.size() < params.maxRepeat; i++) {
                long code = codes.get(i);
                free(copySource, code, repeatMask, k, fwd, rev);
                Draft d = made.get(i);
                if (!d.madeFrom(fwd.toArray(), rev.toArray())) {
                    stale++;
                    if (fwd.size() + rev.size() >= params.minFreq) {
                        queue.push(fwd.size() + rev.size(), code);
                    }
                    continue;
                }
                Family f = commit.commit(codec.decode(code), families.size(), d);
                if (f != null) {
                    families.add(f);
                }
            }
            batch = Math.min(LARGEST_BATCH, 2 * batch);
        }
        return families;
    }

    private static void free(CopySource source, long code, Bitmask mask, int k, LongBuffer fwd, LongBuffer rev) {
        source.copies(code, fwd, rev);
        UnmaskedCopies.keep(fwd, mask, k);
        UnmaskedCopies.keep(rev, mask, k);
    }

    /** Batches run, seeds drafted (a seed drafted again counts again), drafts found stale at their commit. */
    long[] figures() {
        return new long[] {batches, drafted, stale};
    }
}
