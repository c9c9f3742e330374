package org.reprise.partition;

import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.discover.FamilyLoop;
import org.reprise.discover.IndexCopies;
import org.reprise.discover.LocalDrafter;
import org.reprise.discover.ProgressListener;
import org.reprise.discover.SeedPriority;
import org.reprise.genome.ContigDictionary;
import org.reprise.index.HammingOneTable;
import org.reprise.index.KmerIndex;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.SeedCandidates;
import org.reprise.seeds.SeedTable;
import org.reprise.util.LongBuffer;

import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition's discovery: local-core's exact pipeline on the partition's chunks (their padded
 * intervals are the partition's genome; only their cores are indexed, so each genome position is
 * counted by one partition), with its own repeat mask and the run's worker threads, except that
 * seeds are ranked and queued by genome-wide counts ({@link GenomeWideSeeds}): the pre-masking
 * pass takes the candidates by genome-wide count, and the family loop queues a seed by its
 * genome-wide count scaled by the share of its copies in the partition still unmasked
 * ({@link SeedPriority}). With one partition holding the whole genome that is REPrise's order
 * exactly, and the result is the exact strategy's.
 */
public final class PartitionDiscovery {
    private PartitionDiscovery() {
    }

    /**
     * @param params the parameters, k resolved
     * @param global the genome-wide candidates
     */
    public static PartitionResult run(PartitionGenome part, Parameters params, GenomeWideSeeds global, Workers workers,
                                      ProgressListener progress) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Long> counters = new LinkedHashMap<>();
        int k = params.k;
        long t = System.nanoTime();
        KmerIndex index = KmerIndex.build(part.genome(), k, workers, part.owned());
        HammingOneTable table = params.dist == 1 ? HammingOneTable.build(index, params.minFreq, workers) : null;
        t = lap(seconds, "index", t);
        SeedCandidates.Ranked ranked = SeedCandidates.rank(index, params, table, workers);

        // Genome-wide rank of every local candidate; a pair the genome-wide table lacks (inexact
        // copies, or a tandem neighbour across a cut) ranks by its local count and position. The
        // genome-wide counts are of exact copies: with -dist 1 or 2 they rank seeds by their exact
        // copies, except in a partition holding the whole genome, whose own counts are genome-wide
        // (so that one partition is the exact strategy for any dist).
        boolean ownCounts = part.holdsWholeGenome();
        int n = ranked.size();
        long[] codes = new long[n];
        int[] rankCount = new int[n];
        long[] rankPos = new long[n];
        for (int i = 0; i < n; i++) {
            codes[i] = index.kmer(ranked.kmer(i));
            int e = ownCounts ? -1 : global.find(codes[i]);
            if (e >= 0) {
                rankCount[i] = global.count(e);
                rankPos[i] = global.position(e);
            } else {
                rankCount[i] = ranked.count(i);
                rankPos[i] = part.genomePosition(ranked.position(i));
            }
        }
        long[] countKey = new long[n];
        long[] posKey = rankPos.clone();
        long[] idx = new long[n];
        for (int i = 0; i < n; i++) {
            countKey[i] = Integer.MAX_VALUE - rankCount[i];
            idx[i] = i;
        }
        LongArrays.radixSort(new long[][] {countKey, posKey, idx});
        int[] order = new int[n];
        long[] orderCount = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) idx[i];
            orderCount[i] = rankCount[order[i]];
        }
        SeedTable seeds = SeedCandidates.premask(index, params, ranked, order, orderCount, posKey, table, workers);
        table = null;
        t = lap(seconds, "seeds", t);

        SeedPriority priority = priority(codes, rankCount, ranked);
        LocalDrafter drafter = new LocalDrafter(part.genome(), params, k, workers);
        FamilyLoop loop = new FamilyLoop(part.genome().dictionary(), params, k, seeds,
                new IndexCopies(index, params.dist, params.tandemDist), drafter, progress, priority).keepDrafts();
        List<Family> families = loop.run();
        lap(seconds, "families", t);

        List<PartitionResult.PartitionFamily> out = new ArrayList<>(families.size());
        long[] sortedCodes = codes.clone();
        long[] sortedAt = new long[n];
        for (int i = 0; i < n; i++) {
            sortedAt[i] = i;
        }
        LongArrays.radixSort(sortedCodes, sortedAt);
        org.reprise.index.KmerCodec codec = index.codec();
        for (int fi = 0; fi < families.size(); fi++) {
            Family f = families.get(fi);
            org.reprise.discover.Draft draft = loop.drafts().get(fi);
            long seed = codec.encode(f.seed());
            int at = (int) sortedAt[Arrays.binarySearch(sortedCodes, seed)];
            List<PartitionResult.ClaimedElement> elements = new ArrayList<>(f.elements().size());
            for (Element e : f.elements()) {
                elements.add(part.claimed(e));
            }
            out.add(new PartitionResult.PartitionFamily(seed, f.seed(), rankCount[at], rankPos[at], f.seedFreq(),
                    priority.of(seed, f.seedFreq()), out.size(), f.consensus(), draft.left().length(), elements,
                    part.genomePositions(draft.forward()), part.genomePositions(draft.reverse())));
        }
        counters.put("candidates", (long) n);
        counters.put("seeds", (long) seeds.size());
        counters.put("seeds_processed", (long) loop.seedsProcessed());
        counters.put("families", (long) families.size());
        counters.put("index_bytes", index.memoryBytes());
        counters.putAll(loop.counters());
        // Drafts that made no family from fewer copies than the genome has of their seed: the seed
        // is the thin seeds' to try again from all its copies (a family of six copies, four here,
        // may fail from the four and not from the six); their copies are left free for it.
        long[] failedSeeds = loop.failedSeeds();
        List<org.reprise.discover.Draft> failed = loop.failedDrafts();
        boolean[] retry = new boolean[failed.size()];
        LongBuffer retried = new LongBuffer(16);
        for (int i = 0; i < failed.size(); i++) {
            int at = (int) sortedAt[Arrays.binarySearch(sortedCodes, failedSeeds[i])];
            if (!ownCounts && failed.get(i).copies() < rankCount[at]) {
                retry[i] = true;
                retried.add(Math.min(failedSeeds[i], codec.reverseComplement(failedSeeds[i])));
            }
        }
        long[] retrySeeds = retried.toArray();
        Arrays.sort(retrySeeds);
        counters.put("failed_drafts", (long) failed.size());
        counters.put("failed_drafts_with_copies_elsewhere", (long) retrySeeds.length);
        return new PartitionResult(part.partition(), out, failedRuns(part, loop, retry), retrySeeds, counters, seconds);
    }

    /**
     * Genome-wide count scaled by the share of copies left: {@code G * copies / copiesAtRanking}
     * (the local count it was ranked with), so a seed half masked locally queues at half its
     * genome-wide count. A seed whose pair the table lacked has G = its local count: its own count.
     */
    private static SeedPriority priority(long[] codes, int[] rankCount, SeedCandidates.Ranked ranked) {
        int n = codes.length;
        long[] sorted = codes.clone();
        long[] at = new long[n];
        for (int i = 0; i < n; i++) {
            at[i] = i;
        }
        LongArrays.radixSort(sorted, at);
        int[] g = new int[n];
        int[] local = new int[n];
        for (int i = 0; i < n; i++) {
            g[i] = rankCount[(int) at[i]];
            local[i] = ranked.count((int) at[i]);
        }
        return (seed, copies) -> {
            int i = Arrays.binarySearch(sorted, seed);
            if (i < 0 || local[i] == 0) {
                return copies;
            }
            return (int) Math.min(Integer.MAX_VALUE, (long) g[i] * copies / local[i]);
        };
    }

    /**
     * What the partition's drafts that made no family masked, as genome intervals: its repeat mask
     * less every family's elements (reported or not) and less the elements of the failed drafts
     * marked in {@code retry} (seeds the thin seeds try again). The family loop tried those seeds there and
     * masked their copies; the thin seeds are counted with them masked, so that a seed is not
     * tried again genome-wide where a partition already found nothing. Clears the families'
     * elements from the loop's repeat mask: call it once the loop is done with it.
     */
    private static long[] failedRuns(PartitionGenome part, FamilyLoop loop, boolean[] retry) {
        Bitmask mask = loop.repeatMask();
        ContigDictionary local = part.genome().dictionary();
        List<org.reprise.discover.Draft> released = new ArrayList<>(loop.drafts());
        for (int i = 0; i < retry.length; i++) {
            if (retry[i]) {
                released.add(loop.failedDrafts().get(i));
            }
        }
        for (org.reprise.discover.Draft d : released) {
            for (int c = 0; c < d.copies(); c++) {
                Element e = org.reprise.discover.FamilyCommit.element(local, d, c, 0);
                if (e != null) {
                    long base = local.contigStart(e.contigIndex());
                    mask.releaseRange(base + e.start(), base + e.end());
                }
            }
        }
        return repeatRuns(part, mask);
    }

    /** The partition's repeat mask as genome intervals (each chunk's padded interval mapped back). */
    static long[] repeatRuns(PartitionGenome part, Bitmask mask) {
        LongBuffer runs = new LongBuffer(1024);
        ContigDictionary local = part.genome().dictionary();
        for (int j = 0; j < part.chunkCount(); j++) {
            long from = local.contigStart(j), to = local.contigEnd(j);
            long shift = part.contigStart(j) + part.chunk(j).paddedStart() - from;
            for (long s = mask.nextSetBit(from); s < to; s = mask.nextSetBit(s)) {
                long e = Math.min(to, mask.nextClearBit(s));
                runs.add(s + shift);
                runs.add(e + shift);
                s = e;
                if (s >= to) {
                    break;
                }
            }
        }
        return runs.toArray();
    }

    private static double secondsSince(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    private static long lap(Map<String, Double> seconds, String phase, long since) {
        seconds.put(phase, secondsSince(since));
        return System.nanoTime();
    }
}
