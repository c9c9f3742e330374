package org.reprise.partition;

import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.discover.FamilyLoop;
import org.reprise.discover.ProgressListener;
import org.reprise.discover.SeedPriority;
import org.reprise.discover.StoredCopies;
import org.reprise.genome.ContigDictionary;
import org.reprise.index.KmerCodec;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.seeds.CandidateColumns;
import org.reprise.seeds.SeedTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the partitions found, made one library (docs/ALGORITHM.md, partitioned strategy):
 * <ol>
 *   <li><b>Families merged</b>: families of different partitions with the same seed are one entry
 *       (one family gets the same seed everywhere, as partitions rank seeds genome-wide); its
 *       consensus is that of the partition where it has the most elements (ties: the first).</li>
 *   <li><b>Boundary claims resolved</b>: at each cut between two chunks of a contig, the kept
 *       families' elements of either chunk that reach into the overlap of their padded intervals are taken in the order
 *       of their family's genome-wide rank, then position; one that overlaps an element already
 *       taken from the other chunk keeps only its longest part outside it, and is dropped when that
 *       is shorter than minlength. Elements of one chunk never trim each other (REPrise's may
 *       overlap too).</li>
 *   <li><b>Families kept</b>: a family a partition drafted from {@value #STRONG_COPIES} copies or more,
 *       or from all its seed's copies in the genome, is kept as the partition made it.</li>
 *   <li><b>The genome-wide pass</b>: genome-wide candidates that still have minfreq copies outside
 *       the kept families' elements (seeds thinly spread over partitions, families drafted from too
 *       few of their copies, copies of families that other partitions had too few of) go through one
 *       more family loop over the whole genome, drafted from their copies' flanks.</li>
 *   <li><b>Numbering</b>: each partition's families in their commit order, the partitions' lists
 *       merged by the priority their seeds were taken at (genome-wide units); with one partition
 *       that is the exact strategy's numbering.</li>
 * </ol>
 * Deterministic: partitions' results are taken in partition order, and every step is ordered.
 */
public final class Reconciliation {
    private final PartitionPlan plan;
    private final Parameters params;
    private final Map<String, Long> counters = new LinkedHashMap<>();

    private Reconciliation(PartitionPlan plan, Parameters params) {
        this.plan = plan;
        this.params = params;
    }

    /** The library: its families in numbering order, and the bases its elements cover. */
    public record Library(List<Family> families, Bitmask reportedMask, Map<String, Long> counters) {
    }

    /**
     * @param parts every partition's result, in partition order
     * @param pass  counts and drafts the genome-wide pass (over the bases file here, on executors in Spark)
     */
    public static Library run(PartitionPlan plan, List<PartitionResult> parts, GenomeWidePass pass, Parameters params,
                              ProgressListener progress) {
        return new Reconciliation(plan, params).reconcile(parts, pass, progress);
    }

    /** A library entry while it is being made: a merged family. */
    private static final class Entry {
        final long seed;
        final String letters;
        final int rankCount;
        final long rankPosition;
        int copies;
        String consensus;
        int mostElements = -1;
        int priority;
        int partition;
        int order;
        int members;
        int bestCopies;
        final List<Claim> elements = new ArrayList<>();

        Entry(long seed, String letters, int rankCount, long rankPosition) {
            this.seed = seed;
            this.letters = letters;
            this.rankCount = rankCount;
            this.rankPosition = rankPosition;
        }
    }

    /** An element being reconciled. */
    private static final class Claim {
        final Entry owner;
        final int contig;
        long start;
        long end;
        final boolean reverse;
        final long chunk;
        boolean dropped;

        Claim(Entry owner, int contig, long start, long end, boolean reverse, long chunk) {
            this.owner = owner;
            this.contig = contig;
            this.start = start;
            this.end = end;
            this.reverse = reverse;
            this.chunk = chunk;
        }
    }

    private static final Comparator<Entry> BY_RANK = Comparator.<Entry>comparingInt(e -> -e.rankCount)
            .thenComparingLong(e -> e.rankPosition);

    /**
     * A family whose partition drafted it from this many of its seed's copies is kept as the
     * partition made it: its consensus is as long as the exact strategy's would be (the extension's
     * score grows with the copies; on the 20 Mb simulated genomes, families drafted from fewer
     * copies than the whole genome holds came out shorter and masked less). Families drafted from
     * fewer, when the genome has more, are made again genome-wide (step 3). Keeping every partition
     * family instead (tried on the first simulated genome, 5 Mb partitions) doubled the families
     * (3,179 against exact's 1,596) and covered 8.81 Mb of the planted copies against 9.69 Mb.
     */
    static final int STRONG_COPIES = 50;

    private Library reconcile(List<PartitionResult> parts, GenomeWidePass pass, ProgressListener progress) {
        ContigDictionary contigs = plan.contigs();
        // 1. families merged by seed
        Map<Long, Entry> bySeed = new LinkedHashMap<>();
        long partitionFamilies = 0;
        for (PartitionResult part : parts) {
            for (PartitionResult.PartitionFamily f : part.families()) {
                partitionFamilies++;
                Entry e = bySeed.computeIfAbsent(f.seed(), s -> new Entry(s, f.seedLetters(), f.rankCount(), f.rankPosition()));
                e.members++;
                e.copies += f.copies();
                if (f.elements().size() > e.mostElements) {
                    e.mostElements = f.elements().size();
                    e.consensus = f.consensus();
                    e.priority = f.priority();
                    e.partition = part.partition();
                    e.order = f.order();
                    e.bestCopies = f.copies();
                }
                for (PartitionResult.ClaimedElement c : f.elements()) {
                    e.elements.add(new Claim(e, c.contig(), c.start(), c.end(), c.reverse(), c.chunkCoreStart()));
                }
            }
        }
        counters.put("partition_families", partitionFamilies);
        counters.put("families_merged_by_seed", partitionFamilies - bySeed.size());

        // 2. the families kept as partitions made them, and their boundary claims at every cut; one
        // partition holding the whole genome is the exact strategy's run, kept whole
        boolean whole = parts.size() == 1;
        List<Entry> kept = new ArrayList<>();
        for (Entry e : bySeed.values()) {
            if (whole || e.bestCopies >= STRONG_COPIES || e.bestCopies >= e.rankCount) {
                kept.add(e);
            }
        }
        counters.put("families_kept_from_partitions", (long) kept.size());
        Map<Long, List<Claim>> byChunk = new HashMap<>();
        long boundaryClaims = 0;
        for (Entry e : kept) {
            for (Claim c : e.elements) {
                byChunk.computeIfAbsent(chunkKey(c.contig, c.chunk), x -> new ArrayList<>()).add(c);
                Chunk owner = plan.owner(c.contig, c.chunk);
                if (c.start < owner.coreStart() || c.end > owner.coreEnd()) {
                    boundaryClaims++;
                }
            }
        }
        counters.put("boundary_claims", boundaryClaims);
        resolveCuts(contigs, byChunk);

        // 3. the genome-wide pass over what the kept families leave
        Bitmask keptMask = new Bitmask(contigs.length());
        for (Entry e : kept) {
            for (Claim c : e.elements) {
                if (!c.dropped) {
                    keptMask.markRange(contigs.contigStart(c.contig) + c.start, contigs.contigStart(c.contig) + c.end);
                }
            }
        }
        List<Entry> entries = new ArrayList<>(kept);
        if (!whole) {
            entries.addAll(genomeWidePass(keptMask, pass, progress));
        }

        // 4. numbering, elements by position, the reported mask
        entries = inTurn(entries);
        Bitmask reported = new Bitmask(contigs.length());
        List<Family> families = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            int number = families.size();
            e.elements.sort(Comparator.<Claim>comparingInt(c -> c.contig).thenComparingLong(c -> c.start)
                    .thenComparingLong(c -> c.end));
            List<Element> elements = new ArrayList<>();
            for (Claim c : e.elements) {
                if (!c.dropped) {
                    elements.add(new Element(c.contig, c.start, c.end, c.reverse, number));
                    long base = contigs.contigStart(c.contig);
                    reported.markRange(base + c.start, base + c.end);
                }
            }
            families.add(new Family(number, e.letters, e.copies, e.consensus, elements));
        }
        counters.put("families", (long) families.size());
        return new Library(families, reported, counters);
    }

    /**
     * The entries in the order they are numbered: each partition's (and the genome-wide pass's)
     * families keep their commit order, and the lists are merged by always taking, of their next
     * families, the one its loop took at the highest priority (ties: the lower partition). With one
     * partition that is its commit order: the exact strategy's numbering.
     */
    private static List<Entry> inTurn(List<Entry> entries) {
        Map<Integer, List<Entry>> byPartition = new java.util.TreeMap<>();
        for (Entry e : entries) {
            byPartition.computeIfAbsent(e.partition, x -> new ArrayList<>()).add(e);
        }
        List<List<Entry>> lists = new ArrayList<>();
        for (List<Entry> l : byPartition.values()) {
            l.sort(Comparator.comparingInt(e -> e.order));
            lists.add(l);
        }
        int[] next = new int[lists.size()];
        List<Entry> out = new ArrayList<>(entries.size());
        while (out.size() < entries.size()) {
            int best = -1;
            for (int i = 0; i < lists.size(); i++) {
                if (next[i] < lists.get(i).size()
                        && (best < 0 || lists.get(i).get(next[i]).priority > lists.get(best).get(next[best]).priority)) {
                    best = i;
                }
            }
            out.add(lists.get(best).get(next[best]++));
        }
        return out;
    }

    private static long chunkKey(int contig, long coreStart) {
        return ((long) contig << 40) ^ coreStart;
    }

    /** Step 2: at each cut, claims into the overlap taken by rank; losers trimmed or dropped. */
    private void resolveCuts(ContigDictionary contigs, Map<Long, List<Claim>> byChunk) {
        long pad = plan.padding();
        long resolved = 0, trimmed = 0, dropped = 0;
        for (int ci = 0; ci < contigs.contigCount(); ci++) {
            List<Chunk> chunks = plan.chunksOf(ci);
            for (int j = 0; j + 1 < chunks.size(); j++) {
                long cut = chunks.get(j).coreEnd();
                long zoneFrom = cut - pad, zoneTo = cut + pad;
                List<Claim> left = byChunk.getOrDefault(chunkKey(ci, chunks.get(j).coreStart()), List.of());
                List<Claim> right = byChunk.getOrDefault(chunkKey(ci, chunks.get(j + 1).coreStart()), List.of());
                List<Claim> participants = new ArrayList<>();
                for (List<Claim> side : List.of(left, right)) {
                    for (Claim c : side) {
                        if (!c.dropped && c.start < zoneTo && c.end > zoneFrom) {
                            participants.add(c);
                        }
                    }
                }
                participants.sort(Comparator.<Claim, Entry>comparing(c -> c.owner, BY_RANK)
                        .thenComparingLong(c -> c.start).thenComparingLong(c -> c.end)
                        .thenComparing(c -> c.reverse));
                List<Claim> taken = new ArrayList<>();
                for (Claim c : participants) {
                    List<Claim> conflicts = new ArrayList<>();
                    for (Claim t : taken) {
                        if (t.chunk != c.chunk && t.start < c.end && c.start < t.end) {
                            conflicts.add(t);
                        }
                    }
                    if (!conflicts.isEmpty()) {
                        resolved++;
                        long[] piece = longestPieceOutside(c.start, c.end, conflicts);
                        if (piece[1] - piece[0] < params.minLength) {
                            c.dropped = true;
                            dropped++;
                            continue;
                        }
                        c.start = piece[0];
                        c.end = piece[1];
                        trimmed++;
                    }
                    taken.add(c);
                }
            }
        }
        counters.put("boundary_conflicts", resolved);
        counters.put("boundary_claims_trimmed", trimmed);
        counters.put("boundary_claims_dropped", dropped);
    }

    /** The longest part of [start, end) outside every conflict (the leftmost of equals). */
    private static long[] longestPieceOutside(long start, long end, List<Claim> conflicts) {
        conflicts.sort(Comparator.comparingLong(c -> c.start));
        long bestFrom = start, bestTo = start;
        long at = start;
        for (Claim t : conflicts) {
            if (t.start > at && Math.min(t.start, end) - at > bestTo - bestFrom) {
                bestFrom = at;
                bestTo = Math.min(t.start, end);
            }
            at = Math.max(at, t.end);
        }
        if (end - at > bestTo - bestFrom) {
            bestFrom = at;
            bestTo = end;
        }
        return new long[] {bestFrom, Math.max(bestFrom, bestTo)};
    }

    /**
     * Step 3: the genome-wide pass. Every genome-wide candidate that still has minfreq copies the
     * kept families leave free (seeds thinly spread over partitions, families a partition drafted
     * from too few of the genome's copies, copies of families that other partitions had too few of)
     * goes, with those copies, into one family loop over the whole genome, against the kept
     * families' mask, drafted from the copies' flanks with the run's threads.
     */
    private List<Entry> genomeWidePass(Bitmask keptMask, GenomeWidePass pass, ProgressListener progress) {
        ContigDictionary contigs = plan.contigs();
        int k = params.k;
        counters.put("repeat_mask_bases_of_kept_families", keptMask.cardinality());
        progress.phase("genome-wide pass: candidates with copies the kept families leave free");
        CandidateColumns left = pass.unmaskedCandidates(keptMask, progress);
        counters.put("genome_wide_pass_candidates", (long) left.size());
        counters.put("genome_wide_pass_candidate_bytes", left.memoryBytes());
        // heap in use (live and not yet collected) and the resident set once the candidates are held
        Map<String, Long> memory = org.reprise.util.MemoryUse.now();
        counters.put("genome_wide_pass_heap_used_after_counting", memory.get("heap_used"));
        counters.put("genome_wide_pass_rss_peak_after_counting", memory.get("rss_peak"));
        if (left.size() == 0) {
            counters.put("genome_wide_pass_families", 0L);
            return List.of();
        }
        SeedTable seeds = left.preMask(contigs.length(), k, params.minFreq); // its copies are the columns'
        left = null;
        progress.phase("genome-wide pass: families of " + seeds.size() + " seeds");
        FamilyLoop loop = new FamilyLoop(contigs, params, k, seeds, new StoredCopies(seeds),
                pass.drafter(seeds), progress, SeedPriority.COUNT, keptMask,
                new Bitmask(contigs.length()));
        List<Family> found = loop.run();
        List<Entry> out = new ArrayList<>(found.size());
        KmerCodec codec = new KmerCodec(k);
        for (Family f : found) {
            long seed = codec.encode(f.seed());
            Entry entry = new Entry(seed, f.seed(), f.seedFreq(), seeds.position(seeds.indexOf(seed)));
            entry.copies = f.seedFreq();
            entry.consensus = f.consensus();
            entry.priority = f.seedFreq();
            entry.partition = Integer.MAX_VALUE; // after the partitions' families of equal priority
            entry.order = out.size();
            for (Element el : f.elements()) {
                entry.elements.add(new Claim(entry, el.contigIndex(), el.start(), el.end(), el.isReverse(), -1));
            }
            out.add(entry);
        }
        counters.put("genome_wide_pass_seeds", (long) seeds.size());
        counters.put("genome_wide_pass_seeds_processed", (long) loop.seedsProcessed());
        counters.put("genome_wide_pass_families", (long) out.size());
        counters.putAll(prefixed("genome_wide_pass_", loop.counters()));
        counters.putAll(prefixed("genome_wide_pass_", pass.counters()));
        counters.put("repeat_mask_bases", keptMask.cardinality());
        return out;
    }

    private static Map<String, Long> prefixed(String prefix, Map<String, Long> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }
}
