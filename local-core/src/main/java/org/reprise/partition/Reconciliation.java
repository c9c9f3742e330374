package org.reprise.partition;

import org.reprise.discover.Draft;
import org.reprise.discover.Element;
import org.reprise.extend.Extension;
import org.reprise.discover.Family;
import org.reprise.discover.FamilyCommit;
import org.reprise.discover.ProgressListener;
import org.reprise.discover.StoredCopies;
import org.reprise.align.Dna;
import org.reprise.genome.ContigDictionary;
import org.reprise.library.ClusteringResult;
import org.reprise.library.ConsensusClustering;
import org.reprise.parallel.Workers;
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
 * What the partitions found, made one library (docs/ALGORITHM.md, partitioned strategy, steps 5-11):
 * <ol>
 *   <li><b>Merge</b>: families of different partitions with the same seed are one entry (one
 *       family gets the same seed everywhere, as partitions rank seeds genome-wide), with the
 *       consensus of the partition where it has the most elements (ties: the first); the entries
 *       put in library order.</li>
 *   <li><b>Annotation</b>: every partition finds its own elements of the library, in its order
 *       ({@link Annotation}); an entry with fewer than minfreq free copies at its turn is dropped.</li>
 *   <li><b>Redraft in bulk</b>: an entry whose annotation found more copies than its consensus was
 *       drafted from is drafted again from all of them, every such entry at once
 *       ({@link GenomeWidePass#redraft}: the run's threads, or one Spark job).</li>
 *   <li><b>Boundary claims resolved</b>: at each cut between two chunks of a contig, the entries'
 *       elements of either chunk that reach into the overlap of their padded intervals are taken in
 *       the order of their family's genome-wide rank, then position; one that overlaps an element
 *       already taken from the other chunk keeps only its longest part outside it, and is dropped
 *       when that is shorter than minlength. Elements of one chunk never trim each other (REPrise's
 *       may overlap too).</li>
 *   <li><b>Thin seeds</b>: genome-wide candidates that still have minfreq copies outside the
 *       library's elements (too few in any one partition) are drafted in bulk batches
 *       ({@link ThinSeeds}).</li>
 *   <li><b>Clustering</b>: entries of different partitions whose consensi cluster are one.</li>
 *   <li><b>Numbering</b>: each partition's families in their commit order, the partitions' lists
 *       merged by the priority their seeds were taken at (genome-wide units); with one partition
 *       that is the exact strategy's numbering, and steps 2 to 6 are skipped.</li>
 * </ol>
 * Every partition family is kept: the number of families done again does not grow with the
 * genome, and the partitions' work is not thrown away. Deterministic: partitions' results are
 * taken in partition order, a draft depends on its copies alone, and every step is ordered.
 */
public final class Reconciliation {
    private final PartitionPlan plan;
    private final Parameters params;
    private final Workers workers;
    private final Map<String, Long> counters = new LinkedHashMap<>();

    private Reconciliation(PartitionPlan plan, Parameters params, Workers workers) {
        this.plan = plan;
        this.workers = workers;
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
                              Workers workers, ProgressListener progress) {
        return new Reconciliation(plan, params, workers).reconcile(parts, pass, progress);
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
        int leftLength;
        /** The copies its consensus was drafted from. */
        int draftedFrom;
        final List<Claim> elements = new ArrayList<>();
        /** The copies the annotation found, by partition, for the redraft. */
        final List<long[]> forward = new ArrayList<>(1);
        final List<long[]> reverse = new ArrayList<>(1);

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
            this(owner, contig, start, end, reverse, chunk, false);
        }

        Claim(Entry owner, int contig, long start, long end, boolean reverse, long chunk, boolean dropped) {
            this.dropped = dropped;
            this.owner = owner;
            this.contig = contig;
            this.start = start;
            this.end = end;
            this.reverse = reverse;
            this.chunk = chunk;
        }
    }

    /**
     * Copies a consensus drafted from is not redrafted from more: a family that big in one
     * partition has its consensus already (each column a majority of hundreds of copies), and the
     * largest families, whose redraft from every copy would cost as much as their first draft
     * again, are those.
     */
    static final int ENOUGH_TO_DRAFT = 256;

    private static final Comparator<Entry> BY_RANK = Comparator.<Entry>comparingInt(e -> -e.rankCount)
            .thenComparingLong(e -> e.rankPosition);

    private Library reconcile(List<PartitionResult> parts, GenomeWidePass pass, ProgressListener progress) {
        ContigDictionary contigs = plan.contigs();
        List<Entry> entries = mergeBySeed(parts);
        // One partition holding the whole genome is the exact strategy's run, kept whole.
        boolean whole = parts.size() == 1;
        Bitmask repeatMask = null;
        if (!whole) {
            long t = System.nanoTime();
            List<long[]> runs = new ArrayList<>();
            entries = annotate(inTurn(entries), pass, runs, progress);
            // made once the annotation is done: it held one partition's index and bases meanwhile
            repeatMask = new Bitmask(contigs.length());
            for (long[] r : runs) {
                markRuns(repeatMask, r);
            }
            counters.put("annotation_ms", (System.nanoTime() - t) / 1_000_000);
            t = System.nanoTime();
            redraft(entries, pass, repeatMask, progress);
            for (Entry e : entries) {
                e.forward.clear(); // every partition's copies: no longer needed
                e.reverse.clear();
            }
            counters.put("redraft_ms", (System.nanoTime() - t) / 1_000_000);
        }

        // boundary claims at every cut
        Map<Long, List<Claim>> byChunk = new HashMap<>();
        long boundaryClaims = 0;
        for (Entry e : entries) {
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

        // thin seeds: the genome-wide pass over what the library's elements leave
        if (!whole) {
            long t = System.nanoTime();
            entries.addAll(genomeWidePass(parts, repeatMask, pass, progress));
            repeatMask = null; // a genome's bits: let go before the reported mask is made
            counters.put("thin_seeds_ms", (System.nanoTime() - t) / 1_000_000);
        }

        // entries of different partitions whose consensi cluster made one
        if (!whole) {
            long t = System.nanoTime();
            entries = mergeClustered(entries);
            counters.put("clustering_ms", (System.nanoTime() - t) / 1_000_000);
        }

        // numbering, elements by position, the reported mask
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
     * Step 1: families of different partitions with the same seed made one entry, with the
     * consensus of the partition where it has the most elements.
     */
    private List<Entry> mergeBySeed(List<PartitionResult> parts) {
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
                    e.leftLength = f.leftLength();
                    e.draftedFrom = f.copies();
                    e.priority = f.priority();
                    e.partition = part.partition();
                    e.order = f.order();
                }
                for (PartitionResult.ClaimedElement c : f.elements()) {
                    e.elements.add(new Claim(e, c.contig(), c.start(), c.end(), c.reverse(), c.chunkCoreStart()));
                }
            }
        }
        counters.put("partition_families", partitionFamilies);
        counters.put("families_merged_by_seed", partitionFamilies - bySeed.size());
        return new ArrayList<>(bySeed.values());
    }

    /**
     * Step 2: every partition annotated with the library in its order ({@link Annotation}).
     * An entry's elements and copies become the annotation's; an entry whose seed has fewer than
     * minfreq free copies over all partitions at its turn is no family (the family loop would not
     * have taken it), and is dropped. The annotation's repeat masks, added to {@code repeatRuns}
     * as each partition's runs, are what the thin seeds are counted against.
     */
    private List<Entry> annotate(List<Entry> library, GenomeWidePass pass, List<long[]> repeatRuns,
                                 ProgressListener progress) {
        List<Annotation.Entry> ordered = new ArrayList<>(library.size());
        for (Entry e : library) {
            ordered.add(Annotation.Entry.of(e.seed, e.letters, e.consensus, e.leftLength));
        }
        progress.phase("annotation of " + plan.partitionCount() + " partitions with " + ordered.size() + " families");
        List<Annotation.Result> results = pass.annotate(ordered, progress);
        int[] copies = new int[library.size()];
        for (Entry e : library) {
            e.elements.clear();
        }
        for (Annotation.Result r : results) {
            repeatRuns.add(r.repeatRuns());
            for (int i = 0; i < library.size(); i++) {
                copies[i] += r.copies()[i];
                Entry e = library.get(i);
                if (r.copies()[i] > 0) {
                    e.forward.add(r.forward().get(i));
                    e.reverse.add(r.reverse().get(i));
                }
                for (PartitionResult.ClaimedElement c : r.elements().get(i)) {
                    e.elements.add(new Claim(e, c.contig(), c.start(), c.end(), c.reverse(), c.chunkCoreStart()));
                }
            }
        }
        List<Entry> kept = new ArrayList<>(library.size());
        for (int i = 0; i < library.size(); i++) {
            Entry e = library.get(i);
            e.copies = copies[i];
            if (copies[i] >= params.minFreq) {
                kept.add(e);
            }
        }
        counters.put("families_annotated", (long) library.size());
        counters.put("families_dropped_too_few_copies", (long) (library.size() - kept.size()));
        return kept;
    }

    /**
     * Step 3: every entry whose annotation found more copies than its consensus was drafted from
     * (a family spread over partitions, each drafting from its share), unless that was already
     * {@link #ENOUGH_TO_DRAFT}, is drafted again from all of them, every such entry at once
     * ({@link GenomeWidePass#redraft}: the run's threads, or one Spark job): the copies the family loop would have drafted it from at its turn, near enough.
     * Its consensus and elements become the redraft's, its elements joining the repeat mask. A
     * redraft whose consensus falls under minlength leaves the entry as annotated.
     */
    private void redraft(List<Entry> entries, GenomeWidePass pass, Bitmask repeatMask, ProgressListener progress) {
        List<Entry> again = new ArrayList<>();
        for (Entry e : entries) {
            if (e.copies > e.draftedFrom && e.draftedFrom < ENOUGH_TO_DRAFT) {
                again.add(e);
            }
        }
        counters.put("families_redrafted", (long) again.size());
        if (again.isEmpty()) {
            return;
        }
        progress.phase("redraft of " + again.size() + " families from their copies in every partition");
        long[] seeds = new long[again.size()];
        List<long[]> forward = new ArrayList<>(again.size());
        List<long[]> reverse = new ArrayList<>(again.size());
        long copies = 0;
        for (int i = 0; i < seeds.length; i++) {
            Entry e = again.get(i);
            seeds[i] = e.seed;
            forward.add(union(e.forward));
            reverse.add(union(e.reverse));
            copies += forward.get(i).length + reverse.get(i).length;
        }
        counters.put("redraft_copies", copies);
        List<Draft> drafts = pass.redraft(seeds, forward, reverse, progress);
        ContigDictionary contigs = plan.contigs();
        long under = 0;
        for (int i = 0; i < seeds.length; i++) {
            Entry e = again.get(i);
            Draft d = drafts.get(i);
            if (!FamilyCommit.reports(params, d)) {
                under++;
                continue;
            }
            e.consensus = Extension.consensus(d.left(), d.right());
            e.leftLength = d.left().length();
            e.elements.clear();
            for (int c = 0; c < d.copies(); c++) {
                Element x = FamilyCommit.element(contigs, d, c, 0);
                if (x == null) {
                    continue;
                }
                long base = contigs.contigStart(x.contigIndex());
                repeatMask.markRange(base + x.start(), base + x.end());
                if (FamilyCommit.reported(params, d, c)) {
                    e.elements.add(new Claim(e, x.contigIndex(), x.start(), x.end(), x.isReverse(),
                            plan.owner(x.contigIndex(), d.position(c) - base).coreStart()));
                }
            }
        }
        counters.put("redrafts_under_minlength", under);
    }

    /**
     * Step 6, clustering: the entries' consensi clustered as the polishing does ({@link ConsensusClustering}:
     * identity and coverage of the shorter at least 0.8, either strand), the longest first, so
     * that a cluster's representative is its longest consensus. An entry joins its cluster's
     * representative, its elements becoming the representative's, when the two were found by
     * different partitions (or the thin-seed pass): one family that the partitioning split.
     */
    private List<Entry> mergeClustered(List<Entry> entries) {
        List<byte[]> seqs = new ArrayList<>(entries.size());
        long[] support = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            seqs.add(Dna.encode(entries.get(i).consensus));
            support[i] = entries.get(i).consensus.length();
        }
        ClusteringResult clusters = new ConsensusClustering().cluster(seqs, support, workers);
        boolean[] gone = new boolean[entries.size()];
        long merged = 0;
        for (int i = 0; i < entries.size(); i++) {
            int r = clusters.representativeOf(i);
            Entry e = entries.get(i), rep = entries.get(r);
            if (r != i && (e.partition != rep.partition)) {
                for (Claim c : e.elements) {
                    rep.elements.add(new Claim(rep, c.contig, c.start, c.end, c.reverse, c.chunk, c.dropped));
                }
                rep.copies += e.copies;
                gone[i] = true;
                merged++;
            }
        }
        counters.put("families_merged_by_clustering", merged);
        List<Entry> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            if (!gone[i]) {
                out.add(entries.get(i));
            }
        }
        return out;
    }

    /** The ascending union of disjoint ascending position lists. */
    private static long[] union(List<long[]> lists) {
        int n = 0;
        for (long[] l : lists) {
            n += l.length;
        }
        long[] out = new long[n];
        int at = 0;
        for (long[] l : lists) {
            System.arraycopy(l, 0, out, at, l.length);
            at += l.length;
        }
        Arrays.sort(out);
        return out;
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

    /** Step 4: at each cut, claims into the overlap taken by rank; losers trimmed or dropped. */
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
     * Step 5: the thin seeds. Every genome-wide candidate that still has minfreq copies the
     * library's elements leave free (seeds thinly spread over partitions, too few in any one) goes,
     * with those copies, through the family loop's rules over the whole genome, against that mask,
     * drafted in bulk batches ({@link ThinSeeds}).
     */
    private List<Entry> genomeWidePass(List<PartitionResult> parts, Bitmask keptMask, GenomeWidePass pass, ProgressListener progress) {
        // keptMask: the annotation's elements, reported or not, and the redrafts'.
        ContigDictionary contigs = plan.contigs();
        int k = params.k;
        counters.put("repeat_mask_bases_of_partition_families", keptMask.cardinality());
        for (PartitionResult part : parts) {
            markRuns(keptMask, part.failedRuns());
        }
        counters.put("repeat_mask_bases_with_failed_drafts", keptMask.cardinality());
        progress.phase("thin seeds: genome-wide candidates with copies the library leaves free");
        long counting = System.nanoTime();
        CandidateColumns left = pass.unmaskedCandidates(keptMask, progress);
        counters.put("thin_seeds_counting_ms", (System.nanoTime() - counting) / 1_000_000);
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
        progress.phase("thin seeds: families of " + seeds.size() + " seeds, drafted in bulk batches");
        ThinSeeds thin = new ThinSeeds(contigs, params, pass);
        boolean[] thinSeeds = spread(seeds, parts);
        List<Family> found = thin.run(seeds, thinSeeds, new StoredCopies(seeds), keptMask, progress);
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
        long[] figures = thin.figures();
        counters.put("genome_wide_pass_batches", figures[0]);
        counters.put("genome_wide_pass_seeds_drafted", figures[1]);
        counters.put("genome_wide_pass_drafts_stale", figures[2]);
        counters.put("genome_wide_pass_families", (long) out.size());
        counters.putAll(prefixed("genome_wide_pass_", pass.counters()));
        counters.put("repeat_mask_bases", keptMask.cardinality());
        return out;
    }

    /**
     * Which seeds are thin: fewer than minfreq of their free copies in any one partition. A seed
     * with minfreq copies in a partition was that partition's to try (its family, if any, is in the
     * library, annotated and redrafted from every partition's copies); trying it again would
     * repeat the partitions' work, unless the partition's draft made no family from fewer copies
     * than the genome has ({@link PartitionResult#retrySeeds}): those are tried again from all.
     */
    private boolean[] spread(SeedTable seeds, List<PartitionResult> parts) {
        ContigDictionary contigs = plan.contigs();
        List<long[]> retry = new ArrayList<>();
        for (PartitionResult part : parts) {
            retry.add(part.retrySeeds());
        }
        long[] again = union(retry);
        KmerCodec codec = new KmerCodec(params.k);
        long retried = 0;
        boolean[] thin = new boolean[seeds.size()];
        int[] inPartition = new int[plan.partitionCount()];
        org.reprise.util.LongBuffer fwd = new org.reprise.util.LongBuffer(64);
        org.reprise.util.LongBuffer rev = new org.reprise.util.LongBuffer(64);
        long n = 0;
        for (int i = 0; i < seeds.size(); i++) {
            seeds.copies(i, fwd, rev);
            Arrays.fill(inPartition, 0);
            boolean spread = true;
            for (int j = 0; j < fwd.size() + rev.size() && spread; j++) {
                long p = j < fwd.size() ? fwd.get(j) : rev.get(j - fwd.size());
                int c = contigs.contigIndexAt(p);
                int part = plan.ownerPartition(c, p - contigs.contigStart(c));
                spread = ++inPartition[part] < params.minFreq;
            }
            if (!spread) {
                long code = seeds.code(i);
                spread = Arrays.binarySearch(again, Math.min(code, codec.reverseComplement(code))) >= 0;
                if (spread) {
                    retried++;
                }
            }
            thin[i] = spread;
            if (spread) {
                n++;
            }
        }
        counters.put("genome_wide_pass_seeds_thin", n);
        counters.put("genome_wide_pass_seeds_tried_again", retried);
        return thin;
    }

    /** Marks genome intervals given as {@code [2i], [2i+1]} half-open pairs. */
    private static void markRuns(Bitmask mask, long[] runs) {
        for (int i = 0; i < runs.length; i += 2) {
            mask.markRange(runs[i], runs[i + 1]);
        }
    }

    private static Map<String, Long> prefixed(String prefix, Map<String, Long> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }
}
