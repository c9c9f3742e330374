package org.reprise.index;

import org.reprise.genome.BaseCode;
import org.reprise.genome.Genome;

import org.reprise.util.IntBuffer;

import java.util.Arrays;

/**
 * Every valid k-mer position of a genome, grouped by k-mer: answers "where does k-mer q occur" and
 * "which k-mers lie within d mismatches of q" without a suffix array.
 *
 * <p>Layout (N valid positions, D distinct k-mers, L bases, p prefix bases):
 * <ul>
 *   <li>{@code positions[N]}: genome positions sorted by k-mer, then position, 4 bytes each; the
 *       occurrences of k-mer i (the i-th distinct k-mer in ascending code order) are a run of
 *       <em>slots</em> of this array;</li>
 *   <li>{@code groupStart}: one bit per slot, set where a k-mer's run starts (and at slot N), with
 *       the slot of every 64th set bit sampled: k-mer i's first slot is the i-th set bit;</li>
 *   <li>the genome at two bits a base ({@link PackedBases}): a k-mer's code is read at the
 *       position of its first occurrence, so no code is stored;</li>
 *   <li>{@code prefixStart[4^p + 1]} (p about log4(L) - 2, at most 12): the k-mers whose first p
 *       bases have code c are k-mers {@code prefixStart[c] .. prefixStart[c+1] - 1}.</li>
 * </ul>
 * That is 4.13 bytes per valid position, a quarter byte per base and 4^p ints (fly chr2R: 4.5
 * bytes a base in all; a k-mer offset and code per distinct k-mer cost 8 more bytes each). REPrise's
 * suffix array alone is 8 bytes per base plus a 4^13-entry table of tuple vectors. A k-mer within d
 * mismatches of q is found by visiting the prefix buckets within d mismatches of q's prefix and
 * comparing codes with a popcount; for d = 0 it is one bucket and a binary search.
 *
 * <p>Positions are ints: genomes (or Spark partitions) up to 2^31 - 1 bases. Immutable once built;
 * queries are thread-safe.
 */
public final class KmerIndex {
    private static final java.lang.invoke.VarHandle WORDS = java.lang.invoke.MethodHandles.arrayElementVarHandle(long[].class);

    private final Genome genome;
    private final KmerCodec codec;
    private final int k;
    private final int prefixLen;
    private final int suffixShift;
    private final long suffixMask;
    private final PackedBases packed;
    private final int[] prefixStart;
    private final int[] positions;
    private final long[] groupStart;
    private final int[] selectSample;
    /** Set bits of {@code groupStart} before each block of 8 words (512 slots). */
    private final int[] rankSample;
    private final int distinct;

    private KmerIndex(Genome genome, KmerCodec codec, int prefixLen, PackedBases packed, int[] prefixStart,
                      int[] positions, long[] groupStart, int[] selectSample, int distinct) {
        this.genome = genome;
        this.codec = codec;
        this.k = codec.k();
        this.prefixLen = prefixLen;
        this.suffixShift = 2 * (k - prefixLen);
        this.suffixMask = suffixShift == 0 ? 0 : (1L << suffixShift) - 1;
        this.packed = packed;
        this.prefixStart = prefixStart;
        this.positions = positions;
        this.groupStart = groupStart;
        this.selectSample = selectSample;
        this.rankSample = sampleRank(groupStart);
        this.distinct = distinct;
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
        PackedBases packed = PackedBases.of(genome, workers);
        long indexed = 0;
        for (int c = 0; c < genome.contigCount(); c++) {
            indexed += owned == null ? genome.codes(c).length : Math.max(0, owned[2 * c + 1] - owned[2 * c]);
        }
        // p from the bases that may start a k-mer, an upper bound of the positions: counting
        // them first would be one more pass over the genome.
        int prefixLen = choosePrefixLength(k, indexed);
        int suffixShift = 2 * (k - prefixLen);
        long suffixMask = suffixShift == 0 ? 0 : (1L << suffixShift) - 1;
        int buckets = 1 << (2 * prefixLen);

        // The genome is cut into ranges of k-mer start positions, one per piece; each piece counts
        // (pass 1) and scatters (pass 2) its own k-mers. Ranges are in genome order and each piece
        // writes its bucket slots after those of earlier pieces, so every bucket lists positions in
        // ascending order, as one sequential pass would. A piece's counts take 4^p ints: a few pieces.
        int pieces = workers == null ? 1 : Math.min(4, workers.threads());
        long length = genome.length();
        int[][] counts = new int[pieces][];
        map(workers, pieces, r -> {
            int[] c = new int[buckets];
            countBuckets(genome, k, owned, length * r / pieces, length * (r + 1) / pieces, suffixShift, c);
            counts[r] = c;
        });
        int[] bucketStart = new int[buckets + 1];
        long total = 0;
        for (int b = 0; b < buckets; b++) {
            for (int r = 0; r < pieces; r++) {
                int c = counts[r][b];
                counts[r][b] = (int) total; // from here on: piece r's cursor in bucket b
                total += c;
            }
            bucketStart[b + 1] = (int) total;
        }
        int n = (int) total;
        int[] positions = new int[n];
        map(workers, pieces, r -> scatter(genome, k, owned, length * r / pieces, length * (r + 1) / pieces,
                suffixShift, counts[r], positions));
        for (int r = 0; r < pieces; r++) {
            counts[r] = null;
        }

        // Pass 3: each bucket sorted by k-mer, then position (positions arrive ascending), its
        // k-mers' first slots marked. Buckets are disjoint slices: sorting them in parallel gives
        // the same array. prefixStart first holds each bucket's distinct k-mers.
        long[] groupStart = new long[(n >>> 6) + 1];
        int[] prefixStart = new int[buckets + 1];
        int sortPieces = workers == null ? 1 : Math.min(buckets, 8 * workers.threads());
        map(workers, sortPieces, piece -> sortBuckets(packed, k, suffixMask, bucketStart, buckets * piece / sortPieces,
                buckets * (piece + 1) / sortPieces, positions, groupStart, prefixStart));
        int distinct = 0;
        for (int b = 0; b < buckets; b++) {
            int d = prefixStart[b];
            prefixStart[b] = distinct;
            distinct += d;
        }
        prefixStart[buckets] = distinct;
        groupStart[n >>> 6] |= 1L << (n & 63); // slot N: the end of the last k-mer's run
        return new KmerIndex(genome, codec, prefixLen, packed, prefixStart, positions, groupStart,
                sampleSelect(groupStart, distinct), distinct);
    }

    /** Pass 1 over k-mers starting in [from, to): bucket counts. */
    private static void countBuckets(Genome genome, int k, long[] owned, long from, long to, int suffixShift,
                                     int[] counts) {
        long mask = (1L << (2 * k)) - 1;
        for (int c = firstContig(genome, from); c < genome.contigCount() && genome.contig(c).start() < to; c++) {
            byte[] codes = genome.codes(c);
            long start = genome.contig(c).start();
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
                    continue;
                }
                code = ((code << 2) | b) & mask;
                if (++run >= k) {
                    counts[(int) (code >>> suffixShift)]++;
                }
            }
        }
    }

    /** Pass 2 over the same k-mers as {@link #countBuckets}: each position into its bucket's next slot. */
    private static void scatter(Genome genome, int k, long[] owned, long from, long to, int suffixShift,
                                int[] cursor, int[] positions) {
        long mask = (1L << (2 * k)) - 1;
        for (int c = firstContig(genome, from); c < genome.contigCount() && genome.contig(c).start() < to; c++) {
            byte[] codes = genome.codes(c);
            int start = (int) genome.contig(c).start();
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
                    continue;
                }
                code = ((code << 2) | b) & mask;
                if (++run >= k) {
                    positions[cursor[(int) (code >>> suffixShift)]++] = start + i - k + 1;
                }
            }
        }
    }

    private static int firstContig(Genome genome, long from) {
        return from >= genome.length() ? genome.contigCount() : genome.contigIndexAt(from);
    }

    /**
     * Pass 3 for buckets [fromBucket, toBucket): sorts each by (k-mer, position), sets the bit of
     * each k-mer's first slot and writes each bucket's number of k-mers into {@code distinctIn}.
     * Bits are gathered a word at a time; a word shared with a neighbouring piece is merged
     * atomically.
     */
    private static void sortBuckets(PackedBases packed, int k, long suffixMask, int[] bucketStart, int fromBucket,
                                    int toBucket, int[] positions, long[] groupStart, int[] distinctIn) {
        long[] keys = new long[64];
        int word = -1;
        long bits = 0;
        for (int b = fromBucket; b < toBucket; b++) {
            int s = bucketStart[b], e = bucketStart[b + 1];
            if (s == e) {
                continue;
            }
            int m = e - s;
            int d = 0;
            if (m == 1) {
                d = 1;
                if (s >>> 6 != word) {
                    flush(groupStart, word, bits);
                    word = s >>> 6;
                    bits = 0;
                }
                bits |= 1L << (s & 63);
            } else {
                if (keys.length < m) {
                    keys = new long[Math.max(m, 2 * keys.length)];
                }
                for (int j = 0; j < m; j++) {
                    int pos = positions[s + j];
                    keys[j] = ((packed.kmer(pos, k) & suffixMask) << 31) | pos;
                }
                java.util.Arrays.sort(keys, 0, m);
                long prev = -1;
                for (int j = 0; j < m; j++) {
                    long suffix = keys[j] >>> 31;
                    positions[s + j] = (int) (keys[j] & 0x7fff_ffffL);
                    if (suffix != prev) {
                        prev = suffix;
                        d++;
                        int slot = s + j;
                        if (slot >>> 6 != word) {
                            flush(groupStart, word, bits);
                            word = slot >>> 6;
                            bits = 0;
                        }
                        bits |= 1L << (slot & 63);
                    }
                }
            }
            distinctIn[b] = d;
        }
        flush(groupStart, word, bits);
    }

    private static void flush(long[] words, int word, long bits) {
        if (word >= 0 && bits != 0) {
            WORDS.getAndBitwiseOr(words, word, bits);
        }
    }

    /** The slot of every 64th set bit (set bit 64j at entry j), up to and including bit {@code distinct}. */
    private static int[] sampleSelect(long[] bits, int distinct) {
        int[] sample = new int[(distinct >>> 6) + 1];
        int seen = 0; // set bits in earlier words
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            int c = Long.bitCount(word);
            // The next sample due is bit number 64 * ceil(seen / 64).
            int next = (seen + 63) & ~63;
            while (next < seen + c) {
                sample[next >>> 6] = (w << 6) + selectInWord(word, next - seen);
                next += 64;
            }
            seen += c;
        }
        return sample;
    }

    private static int[] sampleRank(long[] bits) {
        int[] sample = new int[(bits.length >>> 3) + 1];
        int seen = 0;
        for (int w = 0; w < bits.length; w++) {
            if ((w & 7) == 0) {
                sample[w >>> 3] = seen;
            }
            seen += Long.bitCount(bits[w]);
        }
        return sample;
    }

    /** The bit number of the r-th (0-based) set bit of a word with more than r set bits. */
    private static int selectInWord(long word, int r) {
        int shift = 0;
        int c = Long.bitCount(word & 0xffff_ffffL);
        if (r >= c) {
            r -= c;
            word >>>= 32;
            shift += 32;
        }
        c = Long.bitCount(word & 0xffffL);
        if (r >= c) {
            r -= c;
            word >>>= 16;
            shift += 16;
        }
        c = Long.bitCount(word & 0xffL);
        if (r >= c) {
            r -= c;
            word >>>= 8;
            shift += 8;
        }
        for (; r > 0; r--) {
            word &= word - 1;
        }
        return shift + Long.numberOfTrailingZeros(word);
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

    /** Runs body(0..pieces-1) on the workers, or here when there are none. */
    static void map(org.reprise.parallel.Workers workers, int pieces, java.util.function.IntConsumer body) {
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
        return distinct;
    }

    /** Number of valid k-mer positions. */
    public int positionCount() {
        return positions.length;
    }

    /** The code of k-mer {@code index} (read from the genome at its first occurrence). */
    public long kmer(int index) {
        if (index < 0 || index >= distinct) {
            throw new IndexOutOfBoundsException("k-mer " + index + " of " + distinct);
        }
        return packed.kmer(positions[select(index)], k);
    }

    /** The code of the k-mer whose occurrences include slot {@code slot}. */
    public long kmerAtSlot(int slot) {
        return packed.kmer(positions[slot], k);
    }

    /** Number of prefix buckets, 4^p. */
    public int buckets() {
        return prefixStart.length - 1;
    }

    /** The bucket holding k-mer {@code index}: the last bucket starting at or before it. */
    public int bucketOf(int index) {
        if (index < 0 || index >= distinct) {
            throw new IndexOutOfBoundsException("k-mer " + index + " of " + distinct);
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

    /** The code of k-mer {@code index}, known to be in {@code bucket} (kept for loops that track buckets). */
    public long kmerInBucket(int bucket, int index) {
        return kmer(index);
    }

    /** The first slot of k-mer {@code index}'s occurrences; {@code occurrenceStart(distinctKmers())} is N. */
    public int occurrenceStart(int index) {
        return select(index);
    }

    public int occurrenceEnd(int index) {
        return runEnd(select(index));
    }

    public int occurrenceCount(int index) {
        int s = select(index);
        return runEnd(s) - s;
    }

    /**
     * One past the last slot of the k-mer whose occurrences start at {@code slot}: the next
     * k-mer's first slot, or N. Loops over k-mers in order walk slots with it, without
     * {@link #occurrenceStart}'s look-up.
     */
    public int runEnd(int slot) {
        int from = slot + 1;
        int w = from >>> 6;
        long word = groupStart[w] & (-1L << (from & 63));
        while (word == 0) {
            word = groupStart[++w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(word);
    }

    /** The slot of the i-th set bit of {@code groupStart}: k-mer i's first slot (N for i = D). */
    private int select(int i) {
        int s = selectSample[i >>> 6];
        int r = i & 63;
        if (r == 0) {
            return s;
        }
        int w = s >>> 6;
        long word = groupStart[w] & (-1L << (s & 63));
        while (true) {
            int c = Long.bitCount(word);
            if (r < c) {
                return (w << 6) + selectInWord(word, r);
            }
            r -= c;
            word = groupStart[++w];
        }
    }

    /** The index of the k-mer whose occurrences include {@code slot} (0 &lt;= slot &lt; N). */
    public int kmerAt(int slot) {
        int w = slot >>> 6;
        int r = rankSample[w >>> 3];
        for (int v = w & ~7; v < w; v++) {
            r += Long.bitCount(groupStart[v]);
        }
        // Set bits at or before the slot, less one: the run holding it.
        return r + Long.bitCount(groupStart[w] & (-1L >>> (63 - (slot & 63)))) - 1;
    }

    /** The genome position at a slot of the position array (see {@link #occurrenceStart}). */
    public int position(int slot) {
        return positions[slot];
    }

    /** The index of a k-mer code, or -1 if it does not occur. */
    public int indexOf(long code) {
        int p = (int) (code >>> suffixShift);
        int lo = prefixStart[p], hi = prefixStart[p + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long c = packed.kmer(positions[select(mid)], k);
            if (c < code) {
                lo = mid + 1;
            } else if (c > code) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The first slot of the occurrences of a k-mer code, or -1 if it does not occur. */
    public int runOf(long code) {
        int p = (int) (code >>> suffixShift);
        int lo = prefixStart[p], hi = prefixStart[p + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int slot = select(mid);
            long c = packed.kmer(positions[slot], k);
            if (c < code) {
                lo = mid + 1;
            } else if (c > code) {
                hi = mid - 1;
            } else {
                return slot;
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
        visitPrefixes(prefix, prefixLen - 1, dist, code & suffixMask, out);
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
        int from = prefixStart[prefix], to = prefixStart[prefix + 1];
        if (from == to) {
            return;
        }
        for (int i = from, slot = select(from); i < to; i++, slot = runEnd(slot)) {
            if (KmerCodec.hamming(packed.kmer(positions[slot], k) & suffixMask, suffix) <= remaining) {
                out.add(i);
            }
        }
    }

    /** Bytes held by the index: positions, run bits and their samples, the packed genome, the prefix table. */
    public long memoryBytes() {
        return 4L * positions.length + 8L * groupStart.length + 4L * selectSample.length + 4L * rankSample.length
                + packed.memoryBytes() + 4L * prefixStart.length;
    }
}
