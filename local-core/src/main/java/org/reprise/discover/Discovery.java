package org.reprise.discover;

import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.extend.Extension;
import org.reprise.extend.SeedCopies;
import org.reprise.genome.BaseCode;
import org.reprise.genome.Contig;
import org.reprise.genome.Genome;
import org.reprise.index.CopyFinder;
import org.reprise.index.HammingOneTable;
import org.reprise.index.IntBuffer;
import org.reprise.index.KmerCodec;
import org.reprise.index.KmerIndex;
import org.reprise.index.KmerLength;
import org.reprise.mask.Bitmask;
import org.reprise.parallel.Workers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole REPrise pipeline on one genome: k-mer index, seed candidates and pre-masking, then the
 * family loop (section 3 of ALGORITHM.md): take the best seed lazily, extend right and left, find
 * each copy's element by loose masking, mask, report.
 */
public final class Discovery {
    private final Genome genome;
    private final Parameters params;
    private final ProgressListener progress;
    private final Map<String, Double> phaseSeconds = new LinkedHashMap<>();

    private Discovery(Genome genome, Parameters params, ProgressListener progress) {
        this.genome = genome;
        this.params = params;
        this.progress = progress;
    }

    /** Runs discovery; the genome and parameters are not modified. */
    public static DiscoveryResult run(Genome genome, Parameters params, ProgressListener progress) {
        return new Discovery(genome, params, progress == null ? ProgressListener.NONE : progress).run();
    }

    /** REPrise's k for a genome: explicit if given, else derived from REPrise's buffer length. */
    public static int kFor(Genome genome, Parameters params) {
        return params.k > 0 ? params.k : KmerLength.defaultK(genome.repriseBufferLength(), params.dist);
    }

    private DiscoveryResult run() {
        try (Workers workers = new Workers(params.threads)) {
            return run(workers);
        }
    }

    private DiscoveryResult run(Workers workers) {
        int k = kFor(genome, params);
        long t = System.nanoTime();
        progress.phase("index (k=" + k + ")");
        KmerIndex index = KmerIndex.build(genome, k, workers);
        t = lap("index", t);

        HammingOneTable table = null;
        if (params.dist == 1) {
            progress.phase("one-mismatch neighbourhoods");
            table = HammingOneTable.build(index, params.minFreq, workers);
            t = lap("neighbourhoods", t);
        }
        progress.phase("seed candidates");
        SeedCandidates.Ranked ranked = SeedCandidates.rankCandidates(index, params, table, workers);
        t = lap("seed candidates", t);
        progress.phase("pre-masking " + ranked.size() + " candidates");
        SeedCandidates seeds = SeedCandidates.premask(index, params, ranked, table, workers);
        table = null; // the family loop recounts few seeds: let the table go
        t = lap("pre-masking", t);

        progress.phase("families (" + seeds.size() + " seeds)");
        FamilyLoop loop = new FamilyLoop(index, seeds, workers);
        loop.run();
        lap("families", t);
        if (workers.threads() > 1) {
            progress.phase("families drafted ahead: " + loop.draftsUsed + " used, " + loop.draftsWasted
                    + " not ready or stale");
        }
        return new DiscoveryResult(genome, params.toBuilder().k(k).build(), k, seeds, loop.families,
                loop.reportedMask, loop.repeatMask.cardinality(), loop.seedsProcessed, index.memoryBytes(),
                phaseSeconds);
    }

    private long lap(String phase, long since) {
        long now = System.nanoTime();
        phaseSeconds.put(phase, (now - since) / 1e9);
        return now;
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

    /** A draft made ahead of its turn, with the copies it was made from. */
    private static final class Speculated {
        final int[] fwd;
        final int[] rev;
        final Draft draft;

        Speculated(int[] fwd, int[] rev, Draft draft) {
            this.fwd = fwd;
            this.rev = rev;
            this.draft = draft;
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

    /** A speculative draft in flight. */
    private static final class Speculation {
        final java.util.concurrent.Future<Speculated> future;

        Speculation(java.util.concurrent.Future<Speculated> future) {
            this.future = future;
        }

        /**
         * The draft if it was made from exactly these copies, else null. A draft not yet started is
         * cancelled (the caller is faster doing it than waiting); a running one is waited for.
         */
        Draft take(int[] fwd, int[] rev) {
            if (future.cancel(false)) {
                return null;
            }
            try {
                Speculated s = future.get();
                if (s.draft != null && java.util.Arrays.equals(s.fwd, fwd) && java.util.Arrays.equals(s.rev, rev)) {
                    return s.draft;
                }
                return null;
            } catch (java.util.concurrent.CancellationException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
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
    }

    /** The sequential family loop; state lives here for the duration of one run. */
    private final class FamilyLoop {
        private final KmerIndex index;
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
        private final List<Family> families = new ArrayList<>();
        private int seedsProcessed;

        private final Workers workers;
        private final java.util.Map<Long, Speculation> inflight = new java.util.HashMap<>();
        private final int maxInflight;
        private final long[] lookAhead;
        private final ThreadLocal<HelperState> helperState;
        private int draftsUsed;
        private int draftsWasted;

        FamilyLoop(KmerIndex index, SeedCandidates seeds, Workers workers) {
            this.workers = workers;
            this.maxInflight = 2 * (workers.threads() - 1);
            this.lookAhead = new long[Math.max(1, 2 * maxInflight)];
            this.helperState = ThreadLocal.withInitial(() -> new HelperState(index));
            this.index = index;
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
        }

        void run() {
            speculate();
            while (families.size() < params.maxRepeat && !queue.isEmpty()) {
                long seed = nextSeed();
                int seedFreq = fwd.size() + rev.size();
                seedsProcessed++;
                if (seedFreq < params.minFreq) {
                    break;
                }
                buildFamily(seed, seedFreq);
                progress.seedDone(seedsProcessed, families.size(), queue.size());
            }
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
                finder.copies(code, fwd);
                SeedCandidates.keepFree(fwd, repeatMask, k);
                finder.copies(codec.reverseComplement(code), rev);
                SeedCandidates.keepFree(rev, repeatMask, k);
                int count = fwd.size() + rev.size();
                if (queue.isEmpty() || count >= queue.topFreq()) {
                    return code;
                }
                if (count >= params.minFreq) {
                    queue.push(count, code);
                }
            }
        }

        private void buildFamily(long seed, int seedFreq) {
            int[] f = fwd.toArray();
            int[] r = rev.toArray();
            SeedCopies copies = seedCopies(f, r);
            Draft draft = null;
            Speculation spec = inflight.remove(seed);
            if (spec != null) {
                draft = spec.take(f, r);
                if (draft != null) {
                    draftsUsed++;
                } else {
                    draftsWasted++;
                }
            }
            if (draft == null) {
                draft = draft(copies, aligner, copies.size() >= 256);
            }
            commit(seed, copies, draft);
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
         * Extension and element boundaries of a seed's copies: a function of the copies alone (not
         * of the masks), which is what lets later seeds be drafted ahead of their turn.
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
            long[][] rels = split ? alignAll(copies, sides[0], sides[1]) : alignEach(copies, aligner, sides[0], sides[1]);
            return new Draft(sides[0], sides[1], rels);
        }

        private long[][] alignEach(SeedCopies copies, ElementAligner aligner, Extension right, Extension left) {
            long[][] rels = new long[copies.size()][];
            for (int i = 0; i < rels.length; i++) {
                rels[i] = aligner.align(copies, i, right, left);
            }
            return rels;
        }

        /** Masks every copy's element and reports the family if its consensus is long enough. */
        private void commit(long seed, SeedCopies copies, Draft draft) {
            Extension right = draft.right;
            Extension left = draft.left;
            int seedFreq = copies.size();
            int length = right.length() + left.length();
            boolean report = length >= params.minLength;
            int number = families.size();
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < seedFreq; i++) {
                long[] rel = draft.rels[i];
                long position = copies.position(i);
                Contig contig = genome.contig(copies.contigIndex(i));
                // REPrise masks into its separator bases harmlessly; we clamp to the contig.
                long start = Math.max(contig.start(), position + rel[0]);
                long end = Math.min(contig.end(), position + rel[1] + 1);
                if (start < end) {
                    repeatMask.markRange(start, end);
                }
                // REPrise tests |end - start + 1| >= minlength; a negative length can only reach
                // minlength with absurd -maxgap values, and has no BED form, so we need it positive.
                if (report && rel[1] - rel[0] + 1 >= params.minLength && start < end) {
                    reportedMask.markRange(start, end);
                    elements.add(new Element(contig.index(), start - contig.start(), end - contig.start(),
                            copies.isReverse(i), number));
                }
            }
            if (report) {
                families.add(new Family(number, codec.decode(seed), seedFreq, consensus(left, right), elements));
            }
        }

        /**
         * Drafts the seeds now on top of the queue on the helper threads. A draft is used only if,
         * when its seed's turn comes, the seed's copies are exactly those the draft was made from;
         * otherwise it is thrown away and the family drafted again. The output is therefore the
         * one-thread output whatever the timing.
         */
        private void speculate() {
            if (maxInflight == 0) {
                return;
            }
            int n = queue.peekTop(lookAhead.length, lookAhead);
            // Forget drafts of seeds that fell out of the window; they would rarely be used.
            if (inflight.size() > 2 * maxInflight) {
                java.util.Set<Long> window = new java.util.HashSet<>();
                for (int i = 0; i < n; i++) {
                    window.add(lookAhead[i]);
                }
                inflight.keySet().retainAll(window);
            }
            int running = 0;
            for (Speculation s : inflight.values()) {
                if (!s.future.isDone()) {
                    running++;
                }
            }
            for (int i = 0; i < n && running < maxInflight; i++) {
                long code = lookAhead[i];
                if (!inflight.containsKey(code)) {
                    inflight.put(code, new Speculation(workers.submit(() -> speculativeDraft(code))));
                    running++;
                }
            }
        }

        /** On a helper: the seed's copies against the repeat mask as it is now, and their draft. */
        private Speculated speculativeDraft(long code) {
            HelperState h = helperState.get();
            h.finder.copies(code, h.fwd);
            SeedCandidates.keepFree(h.fwd, repeatMask, k);
            h.finder.copies(codec.reverseComplement(code), h.rev);
            SeedCandidates.keepFree(h.rev, repeatMask, k);
            int[] f = h.fwd.toArray();
            int[] r = h.rev.toArray();
            if (f.length + r.length < params.minFreq) {
                return new Speculated(f, r, null);
            }
            return new Speculated(f, r, draft(seedCopies(f, r), h.aligner, false));
        }

        /** Every copy's element, in copy order; copies are split among the workers when there are many. */
        private long[][] alignAll(SeedCopies copies, Extension right, Extension left) {
            int n = copies.size();
            long[][] rels = new long[n][];
            if (workers.threads() == 1 || n < 64) {
                for (int i = 0; i < n; i++) {
                    rels[i] = aligner.align(copies, i, right, left);
                }
                return rels;
            }
            int pieces = Math.min(n / 32, 4 * workers.threads());
            workers.map(pieces, piece -> {
                ElementAligner own = new ElementAligner(params);
                for (int i = n * piece / pieces, to = n * (piece + 1) / pieces; i < to; i++) {
                    rels[i] = own.align(copies, i, right, left);
                }
                return null;
            });
            return rels;
        }

        private String consensus(Extension left, Extension right) {
            StringBuilder s = new StringBuilder(left.length() + right.length());
            for (int e = left.length() - 1; e >= 0; e--) {
                s.append(BaseCode.toChar(left.base(e)));
            }
            for (int e = 0; e < right.length(); e++) {
                s.append(BaseCode.toChar(right.base(e)));
            }
            return s.toString();
        }
    }
}
