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
        int k = kFor(genome, params);
        long t = System.nanoTime();
        progress.phase("index (k=" + k + ")");
        KmerIndex index = KmerIndex.build(genome, k);
        t = lap("index", t);

        HammingOneTable table = null;
        if (params.dist == 1) {
            progress.phase("one-mismatch neighbourhoods");
            table = HammingOneTable.build(index, params.minFreq);
            t = lap("neighbourhoods", t);
        }
        progress.phase("seed candidates");
        SeedCandidates.Ranked ranked = SeedCandidates.rankCandidates(index, params, table);
        t = lap("seed candidates", t);
        progress.phase("pre-masking " + ranked.size() + " candidates");
        SeedCandidates seeds = SeedCandidates.premask(index, params, ranked, table);
        table = null; // the family loop recounts few seeds: let the table go
        t = lap("pre-masking", t);

        progress.phase("families (" + seeds.size() + " seeds)");
        FamilyLoop loop = new FamilyLoop(index, seeds);
        loop.run();
        lap("families", t);
        return new DiscoveryResult(genome, params.toBuilder().k(k).build(), k, seeds, loop.families,
                loop.reportedMask, loop.repeatMask.cardinality(), loop.seedsProcessed, index.memoryBytes(),
                phaseSeconds);
    }

    private long lap(String phase, long since) {
        long now = System.nanoTime();
        phaseSeconds.put(phase, (now - since) / 1e9);
        return now;
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

        FamilyLoop(KmerIndex index, SeedCandidates seeds) {
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
            long[] positions = new long[seedFreq];
            boolean[] reverse = new boolean[seedFreq];
            int nf = fwd.size();
            for (int i = 0; i < nf; i++) {
                positions[i] = fwd.get(i);
            }
            for (int i = 0; i < rev.size(); i++) {
                positions[nf + i] = rev.get(i);
                reverse[nf + i] = true;
            }
            SeedCopies copies = new SeedCopies(genome, k, positions, reverse);
            Extension right = extender.extend(copies, true);
            Extension left = extender.extend(copies, false);
            int length = right.length() + left.length();
            boolean report = length >= params.minLength;
            int number = families.size();
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < seedFreq; i++) {
                long[] rel = aligner.align(copies, i, right, left);
                Contig contig = genome.contig(copies.contigIndex(i));
                // REPrise masks into its separator bases harmlessly; we clamp to the contig.
                long start = Math.max(contig.start(), positions[i] + rel[0]);
                long end = Math.min(contig.end(), positions[i] + rel[1] + 1);
                if (start < end) {
                    repeatMask.markRange(start, end);
                }
                // REPrise tests |end - start + 1| >= minlength; a negative length can only reach
                // minlength with absurd -maxgap values, and has no BED form, so we need it positive.
                if (report && rel[1] - rel[0] + 1 >= params.minLength && start < end) {
                    reportedMask.markRange(start, end);
                    elements.add(new Element(contig.index(), start - contig.start(), end - contig.start(),
                            reverse[i], number));
                }
            }
            if (report) {
                families.add(new Family(number, codec.decode(seed), seedFreq, consensus(left, right), elements));
            }
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
