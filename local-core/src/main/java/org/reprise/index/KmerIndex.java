package org.reprise.index;

import org.reprise.genome.BaseCode;
import org.reprise.genome.Genome;

import org.reprise.util.IntBuffer;

import java.util.Arrays;

/**
 * Every valid k-mer position of a genome, grouped by k-mer: answers "where does k-mer q occur" and
 * "which k-mers lie within d mismatches of q" without a suffix array.
 *
 * <p>Layout (N valid positions, D distinct k-mers, p prefix bases):
 * <ul>
 *   <li>{@code suffixes[D]}: the distinct k-mers, ascending, each stored as the 2(k-p) low bits of
 *       its code (an unsigned int); its bucket gives the first p bases;</li>
 *   <li>{@code occStart[D+1]}: k-mer i occurs at {@code positions[occStart[i] .. occStart[i+1])},
 *       ascending;</li>
 *   <li>{@code positions[N]}: genome positions, 4 bytes each;</li>
 *   <li>{@code prefixStart[4^p + 1]} (p about log4(N) - 2, at most 12): the k-mers whose first p bases have code c are
 *       {@code suffixes[prefixStart[c] .. prefixStart[c+1])}.</li>
 * </ul>
 * That is 4 bytes per valid position plus 8 per distinct k-mer plus 4^p ints; REPrise's suffix
 * array alone is 8 bytes per base plus a 4^13-entry table of tuple vectors. A k-mer within d
 * mismatches of q is found by visiting the prefix buckets within d mismatches of q's prefix and
 * comparing suffixes with a popcount; for d = 0 it is one bucket and a binary search.
 *
 * <p>Positions are ints: genomes (or Spark partitions) up to 2^31 - 1 bases. Immutable once built.
 */
public final class KmerIndex {
    private final Genome genome;
    private final KmerCodec codec;
    private final int k;
    private final int prefixLen;
    private final int suffixShift;
    private final long suffixMask;
    private final int[] prefixStart;
    private final int[] suffixes;
    private final int[] occStart;
    private final int[] positions;

    private KmerIndex(Genome genome, KmerCodec codec, int prefixLen, int[] prefixStart, int[] suffixes,
                      int[] occStart, int[] positions) {
        this.genome = genome;
        this.codec = codec;
        this.k = codec.k();
        this.prefixLen = prefixLen;
        this.suffixShift = 2 * (k - prefixLen);
        this.suffixMask = suffixShift == 0 ? 0 : (1L << suffixShift) - 1;
        this.prefixStart = prefixStart;
        this.suffixes = suffixes;
        this.occStart = occStart;
        this.positions = positions;
    }

    /** Builds the index of every k-mer of the genome made of A, C, G and T only. */
    public static KmerIndex build(Genome genome, int k) {
        return build(genome, k, null);
    }

    /** As {@link #build(Genome, int)}, every pass split among the given workers (same index). */
    public static KmerIndex build(Genome genome, int k, org.reprise.parallel.Workers workers) {
        return build(genome, k, workers, null);
    }

    /**
     * As {@link #build(Genome, int, org.reprise.parallel.Workers)}, indexing only the k-mers that
     * start in each contig's owned range: {@code owned[2c] .. owned[2c+1]} (contig offsets,
     * half-open), or every k-mer when {@code owned} is null. A partition's genome holds its chunks'
     * padded intervals as contigs, and owns only their cores (docs/ARCHITECTURE.md, partitions).
     */
    public static KmerIndex build(Genome genome, int k, org.reprise.parallel.Workers workers, long[] owned) {
        if (owned != null && owned.length != 2 * genome.contigCount()) {
            throw new IllegalArgumentException("owned ranges for " + owned.length / 2 + " contigs, the genome has "
                    + genome.contigCount());
        }
        if (genome.length() >= Integer.MAX_VALUE) {
            throw new UnsupportedOperationException("genomes of 2^31 bases or more are not supported by the "
                    + "single-machine index yet (" + genome.length() + " bases); split the input or use the Spark job");
        }
        KmerCodec codec = new KmerCodec(k);
        long valid = countValidPositions(genome, k, owned);
        int prefixLen = choosePrefixLength(k, valid);
        int suffixShift = 2 * (k - prefixLen);
        long suffixMask = suffixShift == 0 ? 0 : (1L << suffixShift) - 1;
        int buckets = 1 << (2 * prefixLen);
        int n = (int) valid;

        // The genome is cut into ranges of k-mer start positions, one per piece; each piece counts
        // (pass 1) and scatters (pass 2) its own k-mers. Ranges are in genome order and each piece
        // writes its bucket slots after those of earlier pieces, so every bucket lists positions in
        // ascending order, as one sequential pass would.
        int pieces = workers == null ? 1 : workers.threads();
        long length = genome.length();
        int[][] counts = new int[pieces][];
        map(workers, pieces, r -> {
            int[] c = new int[buckets];
            forEachKmer(genome, k, owned, length * r / pieces, length * (r + 1) / pieces,
                    (code, pos) -> c[(int) (code >>> suffixShift)]++);
            counts[r] = c;
        });
        int[] bucketStart = new int[buckets + 1];
        for (int b = 0; b < buckets; b++) {
            int at = bucketStart[b];
            for (int r = 0; r < pieces; r++) {
                int c = counts[r][b];
                counts[r][b] = at; // from here on: piece r's cursor in bucket b
                at += c;
            }
            bucketStart[b + 1] = at;
        }
        // Pass 2: scatter (suffix << 31 | position); positions arrive ascending, so sorting a bucket
        // by this key orders it by suffix, then position.
        long[] packed = new long[n];
        map(workers, pieces, r -> {
            int[] cursor = counts[r];
            forEachKmer(genome, k, owned, length * r / pieces, length * (r + 1) / pieces, (code, pos) -> {
                int b = (int) (code >>> suffixShift);
                packed[cursor[b]++] = ((code & suffixMask) << 31) | pos;
            });
        });
        // Buckets are disjoint slices: sorting them in parallel gives the same array.
        int sortPieces = workers == null ? 1 : Math.min(buckets, 8 * workers.threads());
        int[] distinctIn = new int[sortPieces];
        map(workers, sortPieces, piece -> {
            int d = 0;
            for (int b = buckets * piece / sortPieces, to = buckets * (piece + 1) / sortPieces; b < to; b++) {
                if (bucketStart[b + 1] - bucketStart[b] > 1) {
                    Arrays.sort(packed, bucketStart[b], bucketStart[b + 1]);
                }
                long prev = -1;
                for (int i = bucketStart[b]; i < bucketStart[b + 1]; i++) {
                    long suffix = packed[i] >>> 31;
                    if (suffix != prev) {
                        d++;
                        prev = suffix;
                    }
                }
            }
            distinctIn[piece] = d;
        });
        // Pass 3: distinct k-mers, each piece from its own offset.
        int[] firstDistinct = new int[sortPieces + 1];
        for (int piece = 0; piece < sortPieces; piece++) {
            firstDistinct[piece + 1] = firstDistinct[piece] + distinctIn[piece];
        }
        int distinct = firstDistinct[sortPieces];
        int[] suffixes = new int[distinct];
        int[] occStart = new int[distinct + 1];
        int[] positions = new int[n];
        int[] prefixStart = new int[buckets + 1];
        map(workers, sortPieces, piece -> {
            int d = firstDistinct[piece];
            for (int b = buckets * piece / sortPieces, to = buckets * (piece + 1) / sortPieces; b < to; b++) {
                prefixStart[b] = d;
                long prev = -1;
                for (int i = bucketStart[b]; i < bucketStart[b + 1]; i++) {
                    long suffix = packed[i] >>> 31;
                    if (suffix != prev) {
                        suffixes[d] = (int) suffix;
                        occStart[d] = i;
                        d++;
                        prev = suffix;
                    }
                    positions[i] = (int) (packed[i] & 0x7fff_ffffL);
                }
            }
        });
        prefixStart[buckets] = distinct;
        occStart[distinct] = n;
        return new KmerIndex(genome, codec, prefixLen, prefixStart, suffixes, occStart, positions);
    }

    /**
     * Prefix length p: about log4 of the number of positions minus 2 (some 16 positions a bucket),
     * at most 12 (a 64 MB table), and at least k - 16 so that a suffix fits the 33 bits left beside
     * a 31-bit position while sorting. On fly chr2R (21 M positions) this gives p = 10, which
     * built the index in 1.1 s against 2.1 s with p = 12: the counting and scattering passes
     * touch a 4 MB table instead of a 64 MB one.
     */
    static int choosePrefixLength(int k, long positions) {
        int p = 1;
        while (p < 12 && (1L << (2 * (p + 3))) <= positions) {
            p++;
        }
        p = Math.min(p, k);
        p = Math.max(p, k - 16);
        if (p > 14) {
            throw new IllegalArgumentException("k = " + k + " is too large for the k-mer index (at most 30)");
        }
        return p;
    }

    @FunctionalInterface
    interface KmerVisitor {
        void visit(long code, int position);
    }

    /**
     * Visits the k-mers of valid bases starting in [from, to) (and in their contig's owned range,
     * when given), in genome order, with code and position.
     */
    static void forEachKmer(Genome genome, int k, long[] owned, long from, long to, KmerVisitor visitor) {
        long mask = (1L << (2 * k)) - 1;
        if (from >= to) {
            return;
        }
        for (int c = genome.contigIndexAt(from); c < genome.contigCount() && genome.contig(c).start() < to; c++) {
            byte[] codes = genome.codes(c);
            int start = (int) genome.contig(c).start();
            // k-mers starting in [from, to) read bases from 'from' up to to + k - 2.
            long first = Math.max(0, from - start);
            long last = Math.min(codes.length, to - start + k - 1);
            if (owned != null) {
                first = Math.max(first, owned[2 * c]);
                last = Math.min(last, owned[2 * c + 1] + k - 1);
            }
            long code = 0;
            int run = 0;
            for (int i = (int) first; i < last; i++) {
                int b = codes[i];
                if (b >= BaseCode.INVALID) {
                    run = 0;
                    code = 0;
                    continue;
                }
                code = ((code << 2) | b) & mask;
                if (++run >= k) {
                    visitor.visit(code, start + i - k + 1);
                }
            }
        }
    }

    /** Runs body(0..pieces-1) on the workers, or here when there are none. */
    private static void map(org.reprise.parallel.Workers workers, int pieces, java.util.function.IntConsumer body) {
        if (workers == null) {
            for (int r = 0; r < pieces; r++) {
                body.accept(r);
            }
        } else {
            workers.map(pieces, r -> {
                body.accept(r);
                return null;
            });
        }
    }

    /** The k-mer positions {@link #forEachKmer} visits over the whole genome. */
    static long countValidPositions(Genome genome, int k, long[] owned) {
        long[] n = {0};
        forEachKmer(genome, k, owned, 0, genome.length(), (code, pos) -> n[0]++);
        return n[0];
    }

    public Genome genome() {
        return genome;
    }

    public KmerCodec codec() {
        return codec;
    }

    public int k() {
        return k;
    }

    /** Number of distinct k-mers. */
    public int distinctKmers() {
        return suffixes.length;
    }

    /** Number of valid k-mer positions. */
    public int positionCount() {
        return positions.length;
    }

    /** The code of k-mer {@code index}; a binary search for its bucket (see {@link #kmerInBucket} for loops). */
    public long kmer(int index) {
        return kmerInBucket(bucketOf(index), index);
    }

    /** Number of prefix buckets, 4^p. */
    public int buckets() {
        return prefixStart.length - 1;
    }

    /** The bucket holding k-mer {@code index}: the last bucket starting at or before it. */
    public int bucketOf(int index) {
        if (index < 0 || index >= suffixes.length) {
            throw new IndexOutOfBoundsException("k-mer " + index + " of " + suffixes.length);
        }
        int lo = 0, hi = prefixStart.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (prefixStart[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** One past the last k-mer of a bucket: loops walk k-mers in order, moving on when they reach it. */
    public int bucketEnd(int bucket) {
        return prefixStart[bucket + 1];
    }

    /** The code of k-mer {@code index}, known to be in {@code bucket}. */
    public long kmerInBucket(int bucket, int index) {
        return ((long) bucket << suffixShift) | Integer.toUnsignedLong(suffixes[index]);
    }

    public int occurrenceStart(int index) {
        return occStart[index];
    }

    public int occurrenceEnd(int index) {
        return occStart[index + 1];
    }

    public int occurrenceCount(int index) {
        return occStart[index + 1] - occStart[index];
    }

    /** The genome position at a slot of the position array (see {@link #occurrenceStart}). */
    public int position(int slot) {
        return positions[slot];
    }

    /** The index of a k-mer code, or -1 if it does not occur. */
    public int indexOf(long code) {
        int p = (int) (code >>> suffixShift);
        long suffix = code & suffixMask;
        int lo = prefixStart[p], hi = prefixStart[p + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = Integer.toUnsignedLong(suffixes[mid]);
            if (s < suffix) {
                lo = mid + 1;
            } else if (s > suffix) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /**
     * Collects the indices of all k-mers within {@code dist} mismatches of {@code code} into
     * {@code out} (grown as needed) and returns how many; order unspecified.
     */
    public int neighbours(long code, int dist, IntBuffer out) {
        out.clear();
        if (dist == 0) {
            int i = indexOf(code);
            if (i >= 0) {
                out.add(i);
            }
            return out.size();
        }
        long prefix = code >>> suffixShift;
        long suffix = code & suffixMask;
        visitPrefixes(prefix, prefixLen - 1, dist, suffix, out);
        return out.size();
    }

    /** Substitutes at prefix positions pos, pos-1, ..., 0 while mismatches remain, scanning each bucket reached. */
    private void visitPrefixes(long prefix, int pos, int remaining, long suffix, IntBuffer out) {
        scanBucket((int) prefix, suffix, remaining, out);
        if (remaining == 0) {
            return;
        }
        for (int i = pos; i >= 0; i--) {
            int shift = 2 * i;
            long base = (prefix >>> shift) & 3;
            for (long b = 0; b < 4; b++) {
                if (b != base) {
                    long variant = (prefix & ~(3L << shift)) | (b << shift);
                    visitPrefixes(variant, i - 1, remaining - 1, suffix, out);
                }
            }
        }
    }

    private void scanBucket(int prefix, long suffix, int remaining, IntBuffer out) {
        int end = prefixStart[prefix + 1];
        for (int i = prefixStart[prefix]; i < end; i++) {
            if (KmerCodec.hamming(Integer.toUnsignedLong(suffixes[i]), suffix) <= remaining) {
                out.add(i);
            }
        }
    }

    /** Bytes held by the index arrays. */
    public long memoryBytes() {
        return 4L * suffixes.length + 4L * occStart.length + 4L * positions.length + 4L * prefixStart.length;
    }
}
