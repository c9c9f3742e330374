package org.reprise.partition;

import org.reprise.discover.Family;
import org.reprise.discover.ProgressListener;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.SeedTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The partitioned strategy on one machine (docs/ALGORITHM.md, partitioned strategy): the genome is
 * cut into partitions (contigs bin-packed, long ones cut into chunks padded by
 * {@link GenomePartitioner#paddingFor}), seeds are counted genome-wide without an index
 * ({@link GenomeWideSeeds}), each partition runs the engine on its own chunks with its own masks
 * and the run's threads ({@link PartitionDiscovery}), one after the other so that memory stays
 * that of one partition, and the {@link Reconciliation} makes one library of what they found.
 * For genomes of any size: positions are longs, one partition stays below 2^31 bases.
 */
public final class PartitionedDiscovery {
    private PartitionedDiscovery() {
    }

    /** Everything a partitioned run produced, for the writers and the summary. */
    public record Result(ContigDictionary contigs, Parameters parameters, PartitionPlan plan, List<Family> families,
                         Bitmask reportedMask, SeedTable genomeWideSeeds, Map<String, Object> figures,
                         Map<String, Double> seconds) {
        public long elementCount() {
            long n = 0;
            for (Family f : families) {
                n += f.elementFreq();
            }
            return n;
        }
    }

    /** The run cannot fit the heap; said before the partitions start, with what it would need. */
    public static final class InsufficientHeapException extends IOException {
        InsufficientHeapException(String message) {
            super(message);
        }
    }

    /**
     * @param contigs        the genome's contigs
     * @param bases          its bases, by position
     * @param validBases     how many of its bases are A, C, G or T
     * @param params         the parameters, k resolved
     * @param partitionSize  target bases per partition, or 0 for the largest that fits {@code heapLimit}
     *                       once the genome-wide candidates are counted
     * @param heapLimit      the heap the run may use
     * @param scratch        names working files beside the outputs (given a suffix): the genome-wide
     *                       table while the reconciliation runs (its genome-wide pass needs the heap;
     *                       the table, 20 bytes a candidate, is read back for {@code .freq}), and the
     *                       candidates' copies for the thin seeds ({@link CandidateCopies}, a few bytes a
     *                       copy); or null to keep the table in memory and count the genome again
     * @throws InsufficientHeapException if the run cannot fit (checked after counting, before the partitions)
     */
    public static Result run(ContigDictionary contigs, BasesSource bases, long validBases, Parameters params,
                             long partitionSize, long heapLimit, Workers workers, ProgressListener progress,
                             java.util.function.Function<String, java.nio.file.Path> scratch)
            throws InsufficientHeapException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        int k = params.k;
        long padding = GenomePartitioner.paddingFor(params, k);

        long t = System.nanoTime();
        // Counting does not depend on the partitions (each position is counted once whatever the
        // plan), so it runs on a plan of its own, before the partition size is known. A batch holds
        // 16 bytes per occurrence; one scan of the bases fills one batch per worker: all of them
        // within half the heap (an eighth in the genome-wide pass, which holds its candidates' columns
        // besides, MemoryModel.genomeWidePassBatches).
        PartitionPlan countPlan = GenomePartitioner.withTargetSize(Math.max(partitionSize, 100_000_000L), padding)
                .partition(contigs);
        int threads = workers.threads();
        long perBatch = Math.max(1, heapLimit / 2 / 17 / threads);
        int scans = (int) Math.max(1, Math.min(4096, (validBases + perBatch * threads - 1) / (perBatch * threads)));
        int batches = scans * threads;
        progress.phase(String.format(Locale.ROOT, "genome-wide seed counts (%d batches in %d scans of %,d bases)", batches,
                scans, contigs.length()));
        CandidateCopies candidateCopies = scratch == null ? null : new CandidateCopies(scratch, batches);
        GenomeWideSeeds global = GenomeWideSeeds.count(countPlan, bases, validBases, params, k, batches, workers, progress,
                GenomeWideSeeds.WINDOW, candidateCopies);
        if (candidateCopies != null) {
            figures.put("genome_wide_candidate_copies_bytes", candidateCopies.bytes());
        }
        figures.put("genome_wide_candidates", global.size());
        figures.put("genome_wide_table_bytes", global.memoryBytes());
        t = lap(seconds, "genome-wide counts", t);
        memoryAfter(figures, "genome-wide counts");

        long copies = global.copyCount();
        long size = partitionSize > 0 ? partitionSize
                : MemoryModel.partitionSizeFor(contigs.length(), validBases, heapLimit, global.size(), copies, params);
        PartitionPlan plan = size == 0 ? null : GenomePartitioner.withTargetSize(size, padding).partition(contigs);
        long largest = 0;
        for (int p = 0; plan != null && p < plan.partitionCount(); p++) {
            largest = Math.max(largest, plan.paddedBases(p));
        }
        long needs = MemoryModel.partitioned(contigs.length(), validBases, largest, global.size(), copies, heapLimit, params);
        if (size == 0 || needs > heapLimit) {
            throw new InsufficientHeapException("the partitioned strategy needs about " + MemoryModel.gib(size == 0
                    ? MemoryModel.partitioned(contigs.length(), validBases, MemoryModel.MIN_PARTITION, global.size(), copies,
                            heapLimit, params)
                    : needs) + " of heap for these " + String.format(Locale.ROOT, "%,d", contigs.length())
                    + " bases (" + String.format(Locale.ROOT, "%,d", global.size()) + " genome-wide candidates) and "
                    + "this JVM may use " + MemoryModel.gib(heapLimit) + ": give Java more (JAVA_OPTS=-Xmx...)"
                    + (partitionSize > 0 ? " or a smaller --partition-size" : ""));
        }
        // Partitions side by side when the heap holds several (each with its share of the threads):
        // a partition's index and seed ranking run on one thread, which leaves the others idle when
        // one partition at a time has them all. A partition's result does not depend on its threads.
        int atOnce = MemoryModel.partitionsAtOnce(threads, plan.partitionCount(), contigs.length(), validBases, largest,
                global.size(), heapLimit, params);
        progress.message(String.format(Locale.ROOT, "%d partitions of about %,d bases, %d at a time (one needs about %s "
                + "of heap, %s available)", plan.partitionCount(), size, atOnce, MemoryModel.gib(needs),
                MemoryModel.gib(heapLimit)));
        figures.put("partitions", plan.partitionCount());
        figures.put("partition_size", size);
        figures.put("padding", plan.padding());
        figures.put("heap_estimate_bytes", needs);

        figures.put("partitions_at_once", atOnce);
        PartitionResult[] results = new PartitionResult[plan.partitionCount()];
        long[] held = new long[plan.partitionCount()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        GenomeWideSeeds table = global;
        workers.map(atOnce, slot -> {
            try (Workers own = atOnce == 1 ? null : new Workers(threads / atOnce)) {
                for (int p = next.getAndIncrement(); p < plan.partitionCount(); p = next.getAndIncrement()) {
                    if (plan.partition(p).isEmpty()) {
                        continue;
                    }
                    PartitionGenome part = PartitionGenome.read(plan, p, bases);
                    held[p] = part.bases();
                    String what = String.format(Locale.ROOT, "partition %d of %d: %,d bases in %d chunks", p + 1,
                            plan.partitionCount(), part.bases(), part.chunkCount());
                    if (atOnce == 1) {
                        progress.phase(what);
                        results[p] = PartitionDiscovery.run(part, params, table, workers, progress);
                    } else {
                        // the family loops' progress lines of several partitions would interleave
                        synchronized (progress) {
                            progress.phase(what);
                        }
                        results[p] = PartitionDiscovery.run(part, params, table, own, ProgressListener.NONE);
                        synchronized (progress) {
                            progress.message(String.format(Locale.ROOT, "partition %d of %d done: %,d families",
                                    p + 1, plan.partitionCount(), results[p].families().size()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        List<PartitionResult> parts = new ArrayList<>(plan.partitionCount());
        long heldMax = 0;
        List<Object> perPartition = new ArrayList<>();
        for (int p = 0; p < plan.partitionCount(); p++) {
            PartitionResult r = results[p];
            if (r == null) {
                continue;
            }
            parts.add(r);
            heldMax = Math.max(heldMax, held[p]);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("partition", p);
            one.put("bases", held[p]);
            one.putAll(r.counters());
            one.put("seconds", r.seconds());
            perPartition.add(one);
        }
        figures.put("largest_partition_bases", heldMax);
        t = lap(seconds, "partitions", t);
        memoryAfter(figures, "partitions");

        progress.phase("reconciliation of " + parts.size() + " partitions");
        Reconciliation.Library library;
        int tableCandidates = global.size();
        GenomeWidePass pass;
        if (candidateCopies != null) {
            pass = new LocalGenomeWidePass(plan, bases, params, workers, tableCandidates, copies, candidateCopies);
            java.nio.file.Path tableSpill = scratch.apply(".seed-table");
            spill(global, tableSpill);
            global = null;
            try {
                library = Reconciliation.run(plan, parts, pass, params, workers, progress);
            } finally {
                candidateCopies.close();
            }
            global = unspill(tableSpill);
        } else {
            GenomeWideSeeds.Filter tableFilter = global.filter();
            figures.put("genome_wide_table_filter_bytes", tableFilter.memoryBytes());
            // what the thin seeds' count holds: the table's occurrences and the filter's false positives
            long passOccurrences = Math.min(validBases, copies + (long) (2 * tableFilter.falseShare() * validBases) + 1_000_000);
            pass = new LocalGenomeWidePass(plan, bases, validBases, params, workers,
                    MemoryModel.genomeWidePassBatches(passOccurrences, heapLimit, threads), tableCandidates, copies,
                    tableFilter);
            library = Reconciliation.run(plan, parts, pass, params, workers, progress);
        }
        figures.put("reconciliation", library.counters());
        figures.put("per_partition", perPartition);
        lap(seconds, "reconciliation", t);
        memoryAfter(figures, "reconciliation");
        return new Result(contigs, params, plan, library.families(), library.reportedMask(), global.asSeedTable(),
                figures, seconds);
    }

    private static void spill(GenomeWideSeeds table, java.nio.file.Path file) {
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                org.reprise.util.DiskFault.wrap(java.nio.file.Files.newOutputStream(file)), 1 << 20))) {
            table.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the working file " + file + ": " + e.getMessage(), e);
        }
    }

    private static GenomeWideSeeds unspill(java.nio.file.Path file) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                java.nio.file.Files.newInputStream(file), 1 << 20))) {
            return GenomeWideSeeds.readFrom(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the working file " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a working file: OutputFiles deletes it when the run ends
            }
        }
    }

    private static long lap(Map<String, Double> seconds, String phase, long since) {
        long now = System.nanoTime();
        seconds.put(phase, (now - since) / 1e9);
        return now;
    }

    /** Records the heap and resident set after {@code phase} in the figures' {@code memory_after_phase}. */
    @SuppressWarnings("unchecked")
    private static void memoryAfter(Map<String, Object> figures, String phase) {
        ((Map<String, Object>) figures.computeIfAbsent("memory_after_phase", x -> new LinkedHashMap<String, Object>()))
                .put(phase, org.reprise.util.MemoryUse.now());
    }
}
